package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every user-facing text of the library, across all modules: each key used exists in Japanese and
 * English, each key in the bundles is used, and each renders in both languages.
 */
public class MessageBundlesTest {
    /** The main sources of every module that renders messages (module directories beside this one). */
    private static final List<Path> SOURCES = Stream.of("governance-api", "governance-rules", "governance-reports", "governance-cli", "governance-server")
            .map(m -> Path.of("..", m, "src", "main", "java")).filter(Files::isDirectory).toList();
    private static final Pattern LITERAL = Pattern.compile(
            "(?<!descriptionKey = )\"((?:problem|hint|label|diff|replay|report|reports|cli)\\.[A-Za-z0-9_.-]*)\"");
    private static final Pattern DESCRIPTION_KEY = Pattern.compile("descriptionKey = \"([^\"]+)\"");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(keys("messages_ja.properties")).isEqualTo(keys("messages.properties"));
    }

    @Test
    void everyKeyUsedExistsAndEveryKeyIsUsed() throws IOException {
        Set<String> keys = keys("messages.properties");
        Set<String> literals = new TreeSet<>();
        Set<String> descriptions = new TreeSet<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(f, StandardCharsets.UTF_8);
                    collect(LITERAL, source, literals);
                    collect(DESCRIPTION_KEY, source, descriptions);
                }
            }
        }
        Set<String> prefixes = new TreeSet<>();
        for (String literal : literals) {
            if (literal.endsWith(".")) {
                prefixes.add(literal);
                assertThat(keys).as("a key family " + literal + "*").anyMatch(k -> k.startsWith(literal));
            } else {
                assertThat(keys).as("used in the sources: " + literal).contains(literal);
            }
        }
        descriptions.forEach(d -> assertThat(keys).as("option description " + d).contains("cli.help." + d));

        Set<String> unused = new TreeSet<>();
        for (String key : keys) {
            boolean used = literals.contains(key)
                    || prefixes.stream().anyMatch(key::startsWith)
                    || (key.startsWith("cli.help.") && (descriptions.contains(key.substring(9))
                        || key.startsWith("cli.help.usage.") || key.startsWith("cli.help.governance.")));
            if (!used) {
                unused.add(key);
            }
        }
        assertThat(unused).as("keys no source uses").isEmpty();
    }

    @Test
    void everyKeyRendersInBothLanguages() throws IOException {
        for (String key : keys("messages.properties")) {
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

    public static void collect(Pattern pattern, String source, Set<String> into) {
        Matcher m = pattern.matcher(source);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    /** The keys of one of the library's bundles ({@code messages.properties}, {@code messages_ja.properties}). */
    public static Set<String> keys(String bundle) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(bundle)) {
            assertThat(in).as(bundle).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
