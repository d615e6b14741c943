package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The guideline's terms, one word for one thing, in every Japanese text a user reads: the Japanese bundles of
 * the four modules, and every {@code ja} text of the shipped definitions (both versions: the sheets, the
 * ministry's duties, the board report, the questionnaire), of the crosswalks and of the example overlay.
 * An official reading a paper must not meet リスク区分 for what the guideline calls リスクレベル, the ambiguous
 * 執行 (execution of a budget or enforcement of a law?) for 取締り・法執行, two words for published information,
 * an internal id in the middle of a sentence, 対象外 for an item that merely does not apply (該当しない: 対象外 is
 * what lies outside the guideline's scope), or 「あなた」. Each failure names the file and key or path, the rule
 * and the text.
 */
class JapaneseTermsTest {
    private static final List<String> BUNDLES = List.of(
            "governance-api/src/main/resources/io/github/aigov/governance/messages_ja.properties",
            "governance-reports/src/main/resources/io/github/aigov/governance/reports/messages_ja.properties",
            "governance-cli/src/main/resources/io/github/aigov/governance/cli/messages_ja.properties",
            "governance-server/src/main/resources/io/github/aigov/governance/server/messages_ja.properties");
    private static final Path DEFINITIONS = Path.of("..", "checklists", "src", "main", "resources");
    private static final Path OVERLAYS = Path.of("..", "examples", "overlays");

    /** The prefixes of the definitions' ids, so that an id added later is caught too. */
    private static final Pattern ID_PREFIX = Pattern.compile(
            "(?<![A-Za-z0-9_-])(?:DUTY|DUTIES|BOARD|OBL|OBLIGATIONS|APPL|ESC|COMB|SCOPE|PROC|CONT)-[A-Z0-9]");
    /** A quote of the guideline (or of a title it quotes) is its own words, and is not reworded. */
    private static final Pattern QUOTE = Pattern.compile("「(?:[^「」]|「[^「」]*」)*」");

    record Text(String where, String text) {
    }

    @Test
    void everyJapaneseTextUsesTheGuidelinesTerms() throws IOException {
        List<Text> texts = texts();
        Set<String> ids = definitionIds();
        // all four bundles and both versions' definitions, questionnaires and crosswalks are read
        assertThat(texts).hasSizeGreaterThan(2000)
                .anyMatch(t -> t.where().contains("governance-server") && t.where().endsWith(" refusal.403.text"))
                .anyMatch(t -> t.where().contains("v1.0/questionnaire.yaml"))
                .anyMatch(t -> t.where().contains("v2.0/obligations.yaml"))
                .anyMatch(t -> t.where().contains("crosswalks/eu-ai-act.yaml"))
                .anyMatch(t -> t.where().contains("example-ministry-overlay.yaml"));
        assertThat(ids).contains("DUTY-PERIODIC-VERIFICATION", "BOARD-REPORT", "APPL-BOARD-NOT-ESCALATED", "SENSITIVE_LEARNED");
        List<String> failures = new ArrayList<>();
        for (Text t : texts) {
            problems(t.text(), ids).forEach(p -> failures.add(t.where() + ": " + p + ": " + t.text()));
        }
        assertThat(failures).isEmpty();
    }

    /** Each rule finds what it forbids, and lets the guideline's own wording pass. */
    @Test
    void eachRuleFindsWhatItForbids() {
        Set<String> ids = Set.of("DUTY-RISK-CASE-REPORT", "SENSITIVE_LEARNED");
        assertThat(problems("リスク区分が高のため", ids)).singleElement().asString().contains("リスクレベル");
        assertThat(problems("給付、許認可、課税、執行、審査等", ids)).singleElement().asString().contains("取締り・法執行");
        assertThat(problems("給付、許認可、課税、取締り・法執行、審査等", ids)).isEmpty();
        assertThat(problems("AI法 附属書III第6号（法執行）", ids)).isEmpty();
        assertThat(problems("扱う情報を公開情報だけにする", ids)).singleElement().asString().contains("公表情報");
        assertThat(problems("企画者は DUTY-RISK-CASE-REPORT に従い報告してください。", ids)).singleElement().asString().contains("id");
        assertThat(problems("BOARD-REPORT-CONTENTS の内容を含めます。", ids)).singleElement().asString().contains("id");
        assertThat(problems("判定軸③（SENSITIVE_LEARNED）", ids)).singleElement().asString().contains("id");
        assertThat(problems("この項目は対象外です。", ids)).singleElement().asString().contains("該当しない");
        assertThat(problems("このプロジェクトはガイドラインの対象外です。", ids)).isEmpty();
        assertThat(problems("この操作はあなたのロールでは行えません", ids)).singleElement().asString().contains("あなた");
        assertThat(problems("対応付けは本プロジェクトの解釈です", ids)).singleElement().asString().contains("本ツール");
        // the guideline's own words in a quote are not reworded; an id is an id even in a quote
        assertThat(problems("概要資料：「※特定秘密や安全保障等の機微情報を扱うシステムは対象外」", ids)).isEmpty();
        assertThat(problems("「DUTY-RISK-CASE-REPORT」", ids)).hasSize(1);
    }

    /** What is wrong with one Japanese text: one line per rule it breaks. */
    static List<String> problems(String text, Set<String> ids) {
        List<String> out = new ArrayList<>();
        String own = QUOTE.matcher(text).replaceAll("「」");
        if (own.contains("リスク区分")) {
            out.add("リスク区分: the guideline's term is リスクレベル");
        }
        if (own.replace("取締り・法執行", "").replace("法執行", "").contains("執行")) {
            out.add("執行 alone is ambiguous (a budget's execution or a law's enforcement): write 取締り・法執行");
        }
        if (own.contains("公開情報")) {
            out.add("公開情報: the papers call published information 公表情報; use the one term");
        }
        if (own.contains("対象外") && !own.contains("ガイドライン")) {
            out.add("対象外 is only for what is outside the guideline's scope (say so); an item that does not apply is 該当しない");
        }
        if (own.contains("あなた")) {
            out.add("あなた: address the reader by role (企画者は…), or not at all");
        }
        if (own.contains("本プロジェクト")) {
            out.add("本プロジェクト reads as the project being assessed: this tool's reading is 本ツールの解釈");
        }
        boolean id = ID_PREFIX.matcher(text).find();
        for (String known : ids) {
            id |= Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(known) + "(?![A-Za-z0-9_-])").matcher(text).find();
        }
        if (id) {
            out.add("an internal id in a Japanese text: name the sheet, item or duty by its title");
        }
        return out;
    }

    /** Every Japanese text, with where it is. */
    static List<Text> texts() throws IOException {
        List<Text> out = new ArrayList<>();
        for (String bundle : BUNDLES) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(Path.of("..", bundle))) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String key : new TreeSet<>(p.stringPropertyNames())) {
                out.add(new Text(bundle + " " + key, p.getProperty(key).replace("''", "'")));
            }
        }
        for (Path file : yamlFiles()) {
            walk(load(file), file.toString(), out);
        }
        return out;
    }

    /** The ids of the shipped definitions' sheets, groups, items, duties, rules and options. */
    static Set<String> definitionIds() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (Path file : yamlFiles()) {
            if (file.startsWith(DEFINITIONS.resolve("ds920"))) {
                collectIds(load(file), ids);
            }
        }
        // only ids that cannot be a word of a sentence: upper case, with a hyphen or an underscore (an option key such
        // as PUBLIC is left to the id prefixes and the review: it could be an abbreviation a text names); the set's id
        // DS-920 is the guideline's own number, which every citation names
        return ids.stream().filter(i -> i.matches("[A-Z][A-Z0-9]*([-_][A-Z0-9]+)+") && !i.startsWith("DS-920"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Path> yamlFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(DEFINITIONS.resolve("ds920"), DEFINITIONS.resolve("crosswalks"), OVERLAYS)) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/cases/")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static Object load(Path file) throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static void walk(Object node, String where, List<Text> out) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if ("ja".equals(e.getKey()) && e.getValue() instanceof String s) {
                    out.add(new Text(where, s));
                } else {
                    walk(e.getValue(), where + "/" + e.getKey(), out);
                }
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Object v = list.get(i);
                Object id = v instanceof Map<?, ?> m ? m.get("id") : null;
                walk(v, where + "/" + (id != null ? id : i), out);
            }
        }
    }

    private static void collectIds(Object node, Set<String> ids) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("id") instanceof String id) {
                ids.add(id);
            }
            map.values().forEach(v -> collectIds(v, ids));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectIds(v, ids));
        }
    }
}
