package io.github.aigov.governance.rules;

import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.rules.internal.load.DefinitionLoader;
import io.github.aigov.governance.rules.internal.load.DocumentSource;
import io.github.aigov.governance.rules.internal.model.Definitions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The malformed and valid fixtures of the tests, which are also the fuzz tests' seed corpus
 * ({@code LoaderFuzzTestInputs/}), and how a single sheet is loaded: in place of the file of the
 * shipped v2.0 set that its {@code kind} (and id) names, in memory.
 */
final class FixtureSets {
    /** The seed corpus directory, on the test class path. */
    static final Path FIXTURES = fixtures();

    private static final List<String> V2_FILES = List.of("definition-set.yaml", "risk-assessment.yaml",
            "procurement-checklist.yaml", "contract-checklist.yaml", "board-report.yaml", "obligations.yaml", "questionnaire.yaml");
    private static final Map<String, byte[]> V2 = shipped();

    private FixtureSets() {
    }

    /** The shipped v2.0 set with one file replaced by {@code sheet}; labels are {@code fuzz/<file>}. */
    static Definitions loadWithSheet(byte[] sheet, InputLimits limits) {
        Map<String, byte[]> files = new HashMap<>(V2);
        String place = placeOf(sheet);
        files.put(place, sheet);
        if (place.equals("risk-assessment.yaml")) {
            // the questionnaire offers the shipped axes' options: a risk sheet of its own is loaded without it
            files.put("definition-set.yaml", new String(V2.get("definition-set.yaml"), StandardCharsets.UTF_8)
                    .replace("questionnaire: questionnaire.yaml", "").getBytes(StandardCharsets.UTF_8));
        }
        DocumentSource src = new DocumentSource() {
            @Override
            public byte[] read(String name) throws IOException {
                byte[] b = files.get(name);
                if (b == null) {
                    throw new NoSuchFileException("fuzz/" + name);
                }
                return b;
            }

            @Override
            public String label(String name) {
                return "fuzz/" + name;
            }
        };
        return new DefinitionLoader(limits).load(src, "definition-set.yaml");
    }

    /** Which file of the set a sheet replaces. */
    static String placeOf(byte[] sheet) {
        String text = new String(sheet, StandardCharsets.UTF_8);
        if (text.contains("kind: DefinitionSet")) {
            return "definition-set.yaml";
        }
        if (text.contains("kind: Questionnaire")) {
            return "questionnaire.yaml";
        }
        if (text.contains("kind: ObligationSheet")) {
            return "obligations.yaml";
        }
        if (text.contains("kind: Checklist")) {
            return text.contains("id: CONTRACT") ? "contract-checklist.yaml"
                    : text.contains("id: BOARD-REPORT") ? "board-report.yaml" : "procurement-checklist.yaml";
        }
        return "risk-assessment.yaml";
    }

    private static Map<String, byte[]> shipped() {
        Map<String, byte[]> files = new HashMap<>();
        for (String name : V2_FILES) {
            try (InputStream in = FixtureSets.class.getClassLoader().getResourceAsStream("ds920/v2.0/" + name)) {
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(files);
    }

    private static Path fixtures() {
        try {
            return Path.of(FixtureSets.class.getResource("LoaderFuzzTestInputs").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
