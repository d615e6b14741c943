package io.github.aigov.governance.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The style sheet's colours are pairs, {@code --NAME-fg} on {@code --NAME-bg}, and every pair has a
 * contrast of at least 4.5:1 (WCAG 2.x, AA for normal text), computed here from the variables as the
 * browser reads them.
 */
class StyleContrastTest {
    static final Path CSS = Path.of("src/main/resources/static/css/governance.css");
    private static final Pattern VARIABLE = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6})\\s*;");

    static Map<String, String> colours() throws IOException {
        String css = Files.readString(CSS, StandardCharsets.UTF_8);
        Map<String, String> colours = new TreeMap<>();
        Matcher m = VARIABLE.matcher(css);
        while (m.find()) {
            colours.put(m.group(1), m.group(2));
        }
        return colours;
    }

    @Test
    void every_text_colour_has_its_background_with_a_contrast_of_at_least_4_5() throws IOException {
        Map<String, String> colours = colours();
        int pairs = 0;
        for (Map.Entry<String, String> e : colours.entrySet()) {
            if (e.getKey().endsWith("-fg")) {
                String name = e.getKey().substring(0, e.getKey().length() - 3);
                String bg = colours.get(name + "-bg");
                assertThat(bg).as("--" + name + "-bg beside --" + name + "-fg").isNotNull();
                assertThat(contrast(e.getValue(), bg)).as(name + ": " + e.getValue() + " on " + bg).isGreaterThanOrEqualTo(4.5);
                pairs++;
            } else if (e.getKey().endsWith("-bg")) {
                assertThat(colours).as("--" + e.getKey() + " has its text colour").containsKey(e.getKey().replaceAll("-bg$", "-fg"));
            }
        }
        assertThat(pairs).isGreaterThanOrEqualTo(15);
    }

    @Test
    void the_contrast_is_computed_as_wcag_defines_it() {
        assertThat(contrast("#000000", "#ffffff")).isEqualTo(21.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(contrast("#777777", "#ffffff")).isEqualTo(4.48, org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast("#ffffff", "#ffffff")).isEqualTo(1.0);
    }

    /** WCAG 2.x contrast ratio of two sRGB colours. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
