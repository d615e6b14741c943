package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.rules.DefaultReadingMarkerTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every user-facing text of the library, across all modules. Each module owns its texts in its own
 * bundle: the library's (problems, hints, labels, the diff, the audit trail), the papers'
 * ({@code reports.*}), the command line's ({@code cli.*}, the text report's {@code report.*}) and the
 * service's (its pages' keys are checked by its own test). Here: each bundle has the same keys in
 * Japanese and English; no key is in two bundles; each key a source names exists; each key of a
 * module's bundle is used by that module; each renders in both languages; and no text states a
 * consequence of MEDIUM or LOW without saying it is this tool's default reading.
 */
public class MessageBundlesTest {
    /** Each module's bundle, as a path from this module's directory (the bundle's base, without {@code .properties}). */
    private static final Map<String, String> BUNDLES = new LinkedHashMap<>();

    static {
        BUNDLES.put("governance-api", "src/main/resources/io/github/aigov/governance/messages");
        BUNDLES.put("governance-reports", "src/main/resources/io/github/aigov/governance/reports/messages");
        BUNDLES.put("governance-cli", "src/main/resources/io/github/aigov/governance/cli/messages");
        BUNDLES.put("governance-server", "src/main/resources/io/github/aigov/governance/server/messages");
    }

    /** The modules whose sources name the library's message keys; the library's keys are used by the engine too. */
    private static final Map<String, List<String>> USERS = Map.of(
            "governance-api", List.of("governance-api", "governance-rules", "governance-reports", "governance-cli", "governance-server"),
            "governance-reports", List.of("governance-reports"),
            "governance-cli", List.of("governance-cli"));
    private static final Pattern LITERAL = Pattern.compile(
            "(?<!descriptionKey = )\"((?:problem|hint|label|diff|replay|report|reports|cli)\\.[A-Za-z0-9_.-]*)\"");
    private static final Pattern DESCRIPTION_KEY = Pattern.compile("descriptionKey = \"([^\"]+)\"");

    @Test
    void bothLanguagesHaveTheSameKeysInEveryBundle() throws IOException {
        for (String module : BUNDLES.keySet()) {
            assertThat(bundleKeys(module, "_ja")).as(module).isEqualTo(bundleKeys(module, ""));
        }
    }

    @Test
    void aKeyLivesInOneBundle() throws IOException {
        Map<String, String> owner = new TreeMap<>();
        List<String> twice = new ArrayList<>();
        for (String module : BUNDLES.keySet()) {
            for (String key : bundleKeys(module, "")) {
                String before = owner.put(key, module);
                if (before != null) {
                    twice.add(key + " in " + before + " and " + module);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void everyKeyUsedExistsAndEveryKeyIsUsedByItsModule() throws IOException {
        Set<String> all = new TreeSet<>();
        for (String module : BUNDLES.keySet()) {
            all.addAll(bundleKeys(module, ""));
        }
        Uses everywhere = uses(USERS.get("governance-api"));
        for (String literal : everywhere.literals) {
            if (literal.endsWith(".")) {
                assertThat(all).as("a key family " + literal + "*").anyMatch(k -> k.startsWith(literal));
            } else {
                assertThat(all).as("used in the sources: " + literal).contains(literal);
            }
        }
        for (String module : USERS.keySet()) {
            Uses uses = uses(USERS.get(module));
            if (module.equals("governance-cli")) {
                uses.descriptions.forEach(d -> assertThat(all).as("option description " + d).contains("cli.help." + d));
            }
            Set<String> unused = new TreeSet<>();
            for (String key : bundleKeys(module, "")) {
                boolean used = uses.literals.contains(key)
                        || uses.literals.stream().anyMatch(l -> l.endsWith(".") && key.startsWith(l))
                        || (key.startsWith("cli.help.") && (uses.descriptions.contains(key.substring(9))
                            || key.startsWith("cli.help.usage.") || key.startsWith("cli.help.governance.")));
                if (!used) {
                    unused.add(key);
                }
            }
            assertThat(unused).as("keys of " + module + " that it does not use").isEmpty();
        }
    }

    @Test
    void everyKeyRendersInBothLanguages() throws IOException {
        for (String module : USERS.keySet()) {
            for (String key : bundleKeys(module, "")) {
                for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.JAPANESE}) {
                    assertThat(Messages.has(key, locale)).as(key + " in " + locale).isTrue();
                    String text = Messages.render(Message.of(key, "A", "B", "C", "D", "E", "F", "G"), locale);
                    assertThat(text).as(key + " in " + locale).isNotBlank().isNotEqualTo(key).doesNotContain("{0}");
                }
                String ja = Messages.render(Message.of(key, "A", "B", "C", "D", "E", "F", "G"), Locale.JAPANESE);
                String en = Messages.render(Message.of(key, "A", "B", "C", "D", "E", "F", "G"), Locale.ENGLISH);
                boolean words = en.replaceAll("\\b[A-G]\\b", "").matches("(?s).*[A-Za-z]{2,}.*");
                if (words && !key.startsWith("cli.help.usage.")) {
                    assertThat(ja).as("translated: " + key).isNotEqualTo(en);
                }
            }
        }
    }

    /** The guideline's outcome is yes or no: what this tool says follows from MEDIUM or LOW is its own reading. */
    @Test
    void noTextStatesAConsequenceOfMediumOrLowWithoutTheMarker() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String module : BUNDLES.keySet()) {
            for (String suffix : List.of("", "_ja")) {
                Locale locale = suffix.isEmpty() ? Locale.ENGLISH : Locale.JAPANESE;
                Properties texts = bundle(module, suffix);
                for (String key : new TreeSet<>(texts.stringPropertyNames())) {
                    String text = texts.getProperty(key).replace("''", "'");
                    if (DefaultReadingMarkerTest.unmarked(text, locale)) {
                        failures.add(module + " " + key + " " + locale + ": " + text);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        // and those that state one carry the marker in both languages
        assertThat(Messages.render(Message.of("reports.problem.not-escalated"), Locale.JAPANESE))
                .contains(DefaultReadingMarkerTest.MARKER_JA);
        assertThat(Messages.render(Message.of("reports.problem.not-escalated"), Locale.ENGLISH))
                .contains(DefaultReadingMarkerTest.MARKER_EN);
    }

    private record Uses(Set<String> literals, Set<String> descriptions) {
    }

    private static Uses uses(List<String> modules) throws IOException {
        Set<String> literals = new TreeSet<>();
        Set<String> descriptions = new TreeSet<>();
        for (String module : modules) {
            Path root = Path.of("..", module, "src", "main", "java");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(f, StandardCharsets.UTF_8);
                    collect(LITERAL, source, literals);
                    collect(DESCRIPTION_KEY, source, descriptions);
                }
            }
        }
        return new Uses(literals, descriptions);
    }

    public static void collect(Pattern pattern, String source, Set<String> into) {
        Matcher m = pattern.matcher(source);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static Properties bundle(String module, String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("..", module).resolve(BUNDLES.get(module) + suffix + ".properties"))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> bundleKeys(String module, String suffix) throws IOException {
        return new TreeSet<>(bundle(module, suffix).stringPropertyNames());
    }

    /** The keys of one module's bundle ({@code governance-cli}, ...), English. */
    public static Set<String> keys(String module) throws IOException {
        return bundleKeys(module, "");
    }
}
