package io.github.aigov.governance.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Messages;
import io.github.aigov.governance.server.riskcases.RiskCaseService;
import io.github.aigov.governance.server.revision.GuidelineRevisionService;
import io.github.aigov.governance.server.security.Role;
import io.github.aigov.governance.server.verification.VerificationService;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages' own texts: every key in both languages, every key used (by a template or the code),
 * every key a template or the code names present (in this bundle or the library's), each rendering
 * with its arguments, and the Japanese written with full-width punctuation.
 */
class PageMessagesTest {
    static final String BUNDLE = "/io/github/aigov/governance/server/messages";
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path SOURCES = Path.of("src/main/java/io/github/aigov/governance/server");
    /** {@code #{key}} or {@code #{key(}} in a template. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-z][A-Za-z0-9_.-]*[A-Za-z0-9_-])[}(]");
    /** A dynamic key in a template: {@code #{${'prefix.' + ...}}} or {@code msg('prefix.' + ...)}. */
    private static final Pattern TEMPLATE_FAMILY = Pattern.compile("(?:\\$\\{'|msg\\(')([a-z][A-Za-z0-9_.-]*\\.)' \\+");
    /** An option's description key in the command line's code. */
    private static final Pattern DESCRIPTION_KEY = Pattern.compile("descriptionKey = \"([^\"]+)\"");
    /** A quoted key in the code: a lower-case word, a dot, more. */
    private static final Pattern CODE_KEY = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[A-Za-z0-9_-]+)+\\.?)\"");

    static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = PageMessagesTest.class.getResourceAsStream(BUNDLE + suffix + ".properties")) {
            assertThat(in).as(BUNDLE + suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** The keys families the code fills from an enum or a status code, each with every member. */
    static Set<String> familyKeys() {
        Set<String> keys = new TreeSet<>();
        Arrays.stream(Role.values()).forEach(r -> keys.add("role." + r.name()));
        Arrays.stream(RiskCaseService.Stage.values()).forEach(s -> keys.add("risk.stage." + s.name()));
        Arrays.stream(RiskCaseService.Reporter.values()).forEach(s -> keys.add("risk.reporter." + s.name()));
        Arrays.stream(VerificationService.Result.values()).forEach(s -> keys.add("verification.result." + s.name()));
        Arrays.stream(GuidelineRevisionService.State.values()).forEach(s -> keys.add("revision.state." + s.name()));
        Arrays.stream(io.github.aigov.governance.DefinitionDiff.ChangeKind.values()).forEach(s -> keys.add("revision.change." + s.name()));
        for (int status : new int[] {400, 403, 404, 405, 409, 413, 500}) {
            keys.add("refusal." + status + ".title");
            keys.add("refusal." + status + ".text");
        }
        // the API's problem titles (ProblemJson): every status the service answers with
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 409, 413, 415, 500}) {
            keys.add("label.server.status." + status);
        }
        for (String part : new String[] {"answers", "definitions", "outcome", "items"}) {
            keys.add("compare." + part);
        }
        return keys;
    }

    @Test
    void both_languages_have_the_same_keys() throws IOException {
        assertThat(bundle("_ja").stringPropertyNames()).isEqualTo(bundle("").stringPropertyNames());
    }

    @Test
    void every_key_is_used_and_every_key_used_exists() throws IOException {
        Set<String> own = bundle("").stringPropertyNames();
        Set<String> library = Messages.keys(Locale.ENGLISH);
        Set<String> named = new TreeSet<>();
        Set<String> families = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String t = Files.readString(f, StandardCharsets.UTF_8);
                collect(TEMPLATE_KEY, t, named);
                collect(TEMPLATE_FAMILY, t, families);
            }
        }
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Set<String> quoted = new TreeSet<>();
                collect(CODE_KEY, Files.readString(f, StandardCharsets.UTF_8), quoted);
                for (String q : quoted) {
                    if (q.matches(".*\\.(yaml|yml|xlsx|json|jsonl|csv|md|html|css|js)")) {
                        continue; // a file name, not a key
                    }
                    String family = q.endsWith(".") ? q : null;
                    if (family != null) {
                        families.add(family);
                    } else if (own.contains(q) || library.contains(q) || q.matches("(?:[a-z-]+\\.){1,}[a-z-]+") && looksLikeKey(q, own)) {
                        named.add(q);
                    }
                }
            }
        }
        for (String key : named) {
            assertThat(own.contains(key) || library.contains(key)).as("the key " + key + " exists").isTrue();
        }
        Set<String> dynamic = familyKeys();
        for (String family : families) {
            assertThat(Stream.concat(own.stream(), library.stream()).anyMatch(k -> k.startsWith(family))).as("the family " + family).isTrue();
        }
        assertThat(own).as("every enumerated key exists").containsAll(dynamic);
        Set<String> unused = new TreeSet<>(own);
        unused.removeAll(named);
        unused.removeAll(dynamic);
        // The command line's usage help (help.*), read by picocli: an option's description key, its headings, each command's header.
        Set<String> descriptions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                collect(DESCRIPTION_KEY, Files.readString(f, StandardCharsets.UTF_8), descriptions);
            }
        }
        descriptions.forEach(d -> assertThat(own).as("option description " + d).contains("help." + d));
        unused.removeIf(k -> k.startsWith("help.") && (descriptions.contains(k.substring(5))
                || k.startsWith("help.usage.") || k.startsWith("help.governance.")));
        assertThat(unused).as("keys nothing uses").isEmpty();
    }

    /** A quoted text in the code that names one of this bundle's key families (so a missing key is found). */
    private static boolean looksLikeKey(String quoted, Set<String> own) {
        String first = quoted.substring(0, quoted.indexOf('.') + 1);
        return own.stream().anyMatch(k -> k.startsWith(first));
    }

    @Test
    void every_text_renders_in_both_languages_and_the_japanese_is_written_as_japanese() throws IOException {
        Properties en = bundle("");
        Properties ja = bundle("_ja");
        Object[] args = {"A", "B", "C", "D"};
        Set<String> untranslated = new TreeSet<>();
        Set<String> halfWidth = new TreeSet<>();
        for (String key : en.stringPropertyNames()) {
            String e = new MessageFormat(en.getProperty(key), Locale.ENGLISH).format(args);
            String j = new MessageFormat(ja.getProperty(key), Locale.JAPANESE).format(args);
            assertThat(e).as(key).isNotBlank().doesNotContain("{0}");
            assertThat(j).as(key).isNotBlank().doesNotContain("{0}");
            if (e.matches("(?s).*[A-Za-z]{3,}.*") && e.equals(j)) {
                untranslated.add(key);
            }
            // Full-width punctuation in Japanese prose: no ASCII brackets, colon, comma or full stop beside Japanese.
            String prose = j.replaceAll("\\./governance[ a-z]*|https?://|[A-Za-z0-9_.:/-]+\\.[A-Za-z]+", "");
            if (prose.matches("(?s).*(?:" + JAPANESE + "[()!?,:;]|[()!?,:;]" + JAPANESE + ").*")) {
                halfWidth.add(key + "=" + ja.getProperty(key));
            }
        }
        assertThat(untranslated).as("texts the same in both languages").isEmpty();
        assertThat(halfWidth).as("Japanese texts with half-width punctuation").isEmpty();
    }

    private static final String JAPANESE = "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー]";

    @Test
    void the_punctuation_check_finds_half_width_punctuation_beside_japanese() {
        assertThat("日本語(テスト)".matches("(?s).*(?:" + JAPANESE + "[()!?,:;]|[()!?,:;]" + JAPANESE + ").*")).isTrue();
        assertThat("日本語（テスト）".matches("(?s).*(?:" + JAPANESE + "[()!?,:;]|[()!?,:;]" + JAPANESE + ").*")).isFalse();
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
