package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample profile in {@code examples/projects}, assessed end to end through the command line
 * (in process): the text report in English and Japanese, and the JSON record.
 */
class AssessSamplesTest {
    private static final Path PROJECTS = Path.of("..", "examples", "projects");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** What the project's default reading of DS-920 v1.0 decides for a sample (GUIDELINE.md sections 3 and 4). */
    record Sample(String file, String classification, String decidedBy, boolean escalation, Map<String, String> items) {
        Path path() {
            return PROJECTS.resolve(file);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Sample> samples() {
        return Stream.of(
                // ① HIGH, ② MEDIUM, ④ HIGH: two axes high. SaaS: ⑧ ⑨ required anyway; no training: ⑳ not applicable.
                new Sample("benefits-eligibility-chatbot.yaml", "HIGH", "COMB-TWO-OR-MORE-HIGH", true, Map.of(
                        "PROC-12", "REQUIRED", "PROC-08", "REQUIRED", "PROC-20", "NOT_APPLICABLE", "CONT-INPUT", "REQUIRED")),
                // Only ④ HIGH: MEDIUM under v1.0 (v2.0 would make it HIGH). ③ ⑩ ⑪ recommended at MEDIUM.
                new Sample("judgement-only-high.yaml", "MEDIUM", "COMB-ANY-HIGH", false, Map.of(
                        "PROC-12", "REQUIRED", "PROC-03", "RECOMMENDED", "PROC-11", "RECOMMENDED", "PROC-20", "NOT_APPLICABLE")),
                new Sample("meeting-minutes-drafting.yaml", "LOW", "COMB-DEFAULT-LOW", false, Map.of(
                        "PROC-01", "REQUIRED", "PROC-12", "RECOMMENDED", "PROC-08", "REQUIRED", "PROC-20", "NOT_APPLICABLE")),
                new Sample("out-of-scope-classified-analysis.yaml", "OUT_OF_SCOPE", "SCOPE-SPECIFIED-SECRETS", false, Map.of(
                        "PROC-01", "NOT_APPLICABLE", "PROC-12", "NOT_APPLICABLE", "PROC-20", "NOT_APPLICABLE",
                        "CONT-INCIDENT", "NOT_APPLICABLE")),
                // ③ MEDIUM only: LOW.
                new Sample("personal-data-summariser.yaml", "LOW", "COMB-DEFAULT-LOW", false, Map.of(
                        "PROC-16", "REQUIRED", "PROC-12", "RECOMMENDED", "PROC-20", "NOT_APPLICABLE")),
                // Customisation, not SaaS: ⑧ ⑨ follow the LOW default (recommended).
                new Sample("seabis-help-chat.yaml", "LOW", "COMB-DEFAULT-LOW", false, Map.of(
                        "PROC-08", "RECOMMENDED", "PROC-09", "RECOMMENDED", "PROC-17", "REQUIRED", "PROC-12", "RECOMMENDED",
                        "PROC-20", "NOT_APPLICABLE")),
                // ② HIGH, ③ HIGH: two axes high. The vendor fine-tunes: ⑳ applies.
                new Sample("tax-notice-drafting.yaml", "HIGH", "COMB-TWO-OR-MORE-HIGH", true, Map.of(
                        "PROC-20", "REQUIRED", "PROC-12", "REQUIRED", "CONT-OUTPUT", "REQUIRED")));
    }

    @Test
    void the_latest_version_is_the_default_and_raises_outputs_no_staff_judge_to_high() throws IOException {
        CliRun run = CliRun.of("assess", PROJECTS.resolve("judgement-only-high.yaml").toString(), "--format", "json");
        assertThat(run.exit()).as(run.toString()).isZero();
        JsonNode decision = JSON.readTree(run.out());
        assertThat(decision.path("definitions").path("version").asText()).isEqualTo("2.0");
        assertThat(decision.path("classification").asText()).isEqualTo("HIGH");
        assertThat(decision.path("classificationReason").path("ruleId").asText()).isEqualTo("COMB-NO-STAFF-JUDGEMENT");
        assertThat(decision.path("escalation").path("required").asBoolean()).isTrue();
        Map<String, String> statuses = new HashMap<>();
        decision.path("items").forEach(i -> statuses.put(i.path("id").asText(), i.path("status").asText()));
        assertThat(statuses).containsEntry("BOARD-PROJECT-DETAILS", "REQUIRED").containsEntry("BOARD-QA-PLAN", "REQUIRED");

        CliRun text = CliRun.of("assess", PROJECTS.resolve("judgement-only-high.yaml").toString(), "--lang", "en");
        assertThat(text.out()).contains("DS-920 2.0 (2026-06-12)", "Report to the advisory board", "Quality-assurance plans");
    }

    @Test
    void every_sample_profile_has_an_expectation_here() throws IOException {
        try (Stream<Path> files = Files.list(PROJECTS)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")))
                    .containsExactlyInAnyOrderElementsOf(samples().map(Sample::file).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void text_report_in_english(Sample sample) {
        CliRun run = CliRun.of("assess", sample.path().toString(), "--lang", "en", "--guideline-version", "1.0");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.outLines();
        assertThat(lines.get(0)).isEqualTo("DS-920 assessment report");
        assertThat(lines).anyMatch(l -> l.matches("Definitions +DS-920 1\\.0 \\(2025-05-27\\)  sha256:[0-9a-f]{64}"));
        if (sample.classification().equals("OUT_OF_SCOPE")) {
            assertThat(lines).anyMatch(l -> l.matches("Classification +OUT_OF_SCOPE — not classified: .*"));
            assertThat(lines).contains("  Not assessed: the project is outside the guideline's scope.");
        } else {
            String level = sample.classification().toLowerCase(Locale.ROOT);
            assertThat(lines).anyMatch(l -> l.matches("Classification +" + sample.classification() + " — " + level + " risk"));
            assertThat(lines).contains(
                    "  ① Range and kind of the generative AI system's users (citizens or government staff, etc.)");
        }
        assertThat(lines).anyMatch(l -> l.matches("Escalation +" + (sample.escalation() ? "Required — .*" : "Not required")));
        assertThat(lines).anyMatch(l -> l.endsWith("[" + sample.decidedBy() + ", "
                + (sample.classification().equals("OUT_OF_SCOPE") ? "seed" : "interpretation") + "]"));

        Map<String, String> statuses = itemStatuses(lines, Pattern.compile("  (Required|Recommended|Not applicable) \\(\\d+\\)"));
        sample.items().forEach((id, status) -> assertThat(statuses).as(id).containsEntry(id, english(status)));
        assertThat(statuses).hasSize(24);
        // v1.0's board-report sheet: what v1.0 was reported to ask the planner to prepare
        assertThat(lines).anyMatch(l -> l.matches("    BOARD-QA-PLAN +3 +Quality-assurance measures, including during operation — .+"));
        assertThat(lines).anyMatch(l -> l.matches("    PROC-12 ⑫ +Measures to control harmful output — .+ \\[(APPL|SCOPE)-[A-Z0-9-]+, [a-z]+]"));

        // the ministry's own duties after the checklists, each with who acts and when; out of scope, none applies
        int duties = lines.indexOf("The ministry's duties");
        assertThat(duties).isGreaterThan(lines.indexOf("Contract checklist"));
        boolean out = sample.classification().equals("OUT_OF_SCOPE");
        assertThat(lines.get(duties + 2)).isEqualTo(out ? "  Not applicable (7)" : "  Required (7)");
        assertThat(lines.subList(duties, lines.size())).anyMatch(l -> l.matches("    DUTY-PERIODIC-VERIFICATION +3 Verifying periodically,"
                + " after go-live, .* — who: planner, provider; when: after go-live — .+ \\["
                + (out ? sample.decidedBy() + ", seed" : "OBL-IN-SCOPE, interpretation") + "]"))
                .anyMatch(l -> l.matches("    DUTY-RISK-CASE-REPORT +5 .* — who: provider, users \\(the ministry's staff\\);"
                        + " when: when a risk case occurs — .*"));

        assertThat(lines).anyMatch(l -> l.matches("Trace: \\d+ rule firings, in order"));
        assertThat(lines).anyMatch(l -> l.matches(" +1  \\S+:\\S+ .*"));
        assertThat(run.out()).doesNotContain("org.drools");
        assertThat(lines).contains("Provenance")
                .anyMatch(l -> l.startsWith("  interpretation  this tool's default reading"));
        eachReasonWrittenOnceThenReferredTo(lines);
    }

    /**
     * Within a status of a checklist, the first item a rule decided carries the rule's reason in full;
     * every later item it decided says "the same reason as" that first item, with the rule's reference.
     */
    private static void eachReasonWrittenOnceThenReferredTo(List<String> lines) {
        Pattern item = Pattern.compile("    ([A-Z][A-Z0-9-]+) .* — (.+) \\[([A-Z][A-Z0-9-]+), [a-z]+]");
        Map<String, String> firstByRule = new java.util.HashMap<>();
        int referred = 0;
        for (String line : lines) {
            if (line.matches("  \\S.*\\(\\d+\\)")) {
                firstByRule.clear(); // a new status group
                continue;
            }
            java.util.regex.Matcher m = item.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String first = firstByRule.putIfAbsent(m.group(3), m.group(1));
            if (first == null) {
                assertThat(m.group(2)).as(line).doesNotStartWith("the same reason as");
            } else {
                assertThat(m.group(2)).as(line).isEqualTo("the same reason as " + first);
                referred++;
            }
        }
        assertThat(referred).as("items that refer to an earlier item's reason").isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void text_report_in_japanese(Sample sample) {
        CliRun run = CliRun.of("assess", sample.path().toString(), "--lang", "ja", "--guideline-version", "1.0");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.outLines();
        assertThat(lines.get(0)).isEqualTo("DS-920 判定結果");
        assertThat(lines).anyMatch(l -> l.matches("判定に用いた定義 +DS-920 1\\.0（2025-05-27）  sha256:[0-9a-f]{64}"))
                .anyMatch(l -> l.trim().equals("行政の進化と革新のための生成AIの調達・利活用に係るガイドライン"));
        if (sample.classification().equals("OUT_OF_SCOPE")) {
            assertThat(lines).anyMatch(l -> l.matches("リスクレベル +OUT_OF_SCOPE — 本ガイドラインの対象外のため.*"))
                    .anyMatch(l -> l.contains("特定秘密や安全保障等の機微情報を扱うシステムは、本ガイドラインの対象外です。"));
        } else {
            String level = Map.of("HIGH", "高", "MEDIUM", "中", "LOW", "低").get(sample.classification());
            assertThat(lines).anyMatch(l -> l.matches("リスクレベル +" + sample.classification() + " — " + level + "リスク"))
                    .contains("  ①生成AIシステム利用者の範囲・種別（国民か政府職員か等）");
        }
        assertThat(lines).anyMatch(l -> l.matches("エスカレーション +" + (sample.escalation() ? "必要 — .*" : "不要")));

        Map<String, String> statuses = itemStatuses(lines, Pattern.compile("  (必須|推奨|該当しない)（\\d+項目）"));
        sample.items().forEach((id, status) -> assertThat(statuses).as(id).containsEntry(id, japanese(status)));
        assertThat(lines).contains("調達チェックシート", "契約チェックシート", "各府省の責務")
                .anyMatch(l -> l.matches("    PROC-12 ⑫ +有害情報の出力制御措置 — .+、(解釈|原典)]"))
                .anyMatch(l -> l.matches("  解釈 +ガイドラインが各府省の判断に委ねている事項.*"))
                .anyMatch(l -> l.matches("    DUTY-USE-LIST-REPORT +4 生成AIの利活用一覧及びリスク対応状況等のデジタル庁への報告"
                        + " — 担い手：各府省　時期：定期的に — .+"));
        int duties = lines.indexOf("各府省の責務");
        assertThat(lines.get(duties + 2)).isEqualTo(sample.classification().equals("OUT_OF_SCOPE") ? "  該当しない（7項目）" : "  必須（7項目）");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void json_record(Sample sample) throws IOException {
        CliRun run = CliRun.of("assess", sample.path().toString(), "--format", "json", "--guideline-version", "1.0");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode decision = JSON.readTree(run.out());
        assertThat(decision.path("classification").asText()).isEqualTo(sample.classification());
        assertThat(decision.path("classificationReason").path("ruleId").asText()).isEqualTo(sample.decidedBy());
        assertThat(decision.path("escalation").path("required").isBoolean()).isTrue();
        assertThat(decision.path("escalation").path("required").asBoolean()).isEqualTo(sample.escalation());
        assertThat(decision.path("definitions").path("id").asText()).isEqualTo("DS-920");
        assertThat(decision.path("definitions").path("version").asText()).isEqualTo("1.0");
        assertThat(decision.path("definitions").path("hash").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(decision.path("axes")).hasSize(sample.classification().equals("OUT_OF_SCOPE") ? 0 : 4);

        Map<String, String> statuses = new HashMap<>();
        decision.path("items").forEach(i -> statuses.put(i.path("id").asText(), i.path("status").asText()));
        assertThat(statuses).hasSize(27).containsAllEntriesOf(sample.items());
        JsonNode duties = decision.path("obligations");
        assertThat(duties).hasSize(7);
        String expected = sample.classification().equals("OUT_OF_SCOPE") ? "NOT_APPLICABLE" : "REQUIRED";
        duties.forEach(o -> {
            assertThat(o.path("status").asText()).as(o.path("id").asText()).isEqualTo(expected);
            assertThat(o.path("roles")).isNotEmpty();
            assertThat(o.path("timing").asText()).isNotBlank();
        });
        assertThat(decision.path("schemaVersion").asText()).isEqualTo("2");

        JsonNode trace = decision.path("trace");
        assertThat(trace).isNotEmpty();
        List<String> rules = trace.findValuesAsText("rule");
        assertThat(rules).hasSize(trace.size()).allMatch(r -> r.matches("[a-z-]+:\\S+"))
                .contains((sample.classification().equals("OUT_OF_SCOPE") ? "scope:" : "combination:") + sample.decidedBy());
    }

    @Test
    void the_text_report_gives_each_answers_reason_and_every_citation_in_the_readers_language() {
        String overlay = Path.of("..", "examples", "overlays", "example-ministry-overlay.yaml").toString();
        CliRun ja = CliRun.of("assess", PROJECTS.resolve("benefits-eligibility-chatbot.yaml").toString(), "--lang", "ja",
                "--overlay", overlay);
        CliRun en = CliRun.of("assess", PROJECTS.resolve("benefits-eligibility-chatbot.yaml").toString(), "--lang", "en",
                "--overlay", overlay);
        assertThat(ja.exit()).as(ja.toString()).isZero();
        assertThat(en.exit()).as(en.toString()).isZero();

        // the overlay with its own title and citation
        assertThat(ja.outLines()).anyMatch(l -> l.trim().equals("例示府省の生成AI調達運用方針（オーバーレイの例）"))
                .anyMatch(l -> l.trim().startsWith("出典：例示府省 AI統括責任者（CAIO）室の決定（2026年7月1日）"));
        assertThat(en.outLines()).anyMatch(l -> l.trim().equals("An example ministry's generative-AI procurement rules (example overlay)"))
                .anyMatch(l -> l.trim().startsWith("Citation: Example ministry, decision of the CAIO's office of 2026-07-01"));
        // each answer: its level as the axis's (高, not 高リスク), its title, and why it has that level
        assertThat(ja.outLines()).anyMatch(l -> l.matches(" +高  PUBLIC — 国民・事業者等の不特定多数  \\[users\\.PUBLIC、解釈]"))
                .anyMatch(l -> l.trim().startsWith("国民・事業者等の不特定多数が利用するため"));
        assertThat(en.outLines()).anyMatch(l -> l.matches(" +high  +PUBLIC — Citizens, businesses or the unspecified public  \\[users\\.PUBLIC, interpretation]"))
                .anyMatch(l -> l.trim().startsWith("Citizens, businesses or the unspecified public use the system"));
        // where each deciding rule and option comes from, in the reader's language only
        assertThat(ja.outLines()).anyMatch(l -> l.matches("出典（判定したルール及び選択肢、\\d+ 件）"))
                .anyMatch(l -> l.matches("  COMB-TWO-OR-MORE-HIGH +DS-920 第1\\.0版 概要資料（別添各シートの説明）："
                        + "「４つの観点を勘案し、アドバイザリーボードに助言を求めるべきか各省において判定」。.*"));
        assertThat(ja.out()).doesNotContain("summary slide", "this tool's default reading", "annexed");
        assertThat(en.outLines()).anyMatch(l -> l.matches("Sources of the rules and options that decided \\(\\d+\\)"))
                .anyMatch(l -> l.matches("  COMB-TWO-OR-MORE-HIGH +DS-920 v1\\.0, summary slide on the annexed sheets: 「.*"));
        assertThat(en.out()).doesNotContain("概要資料", "本ツールの既定の解釈");
    }

    @Test
    void json_ignores_the_language_and_takes_the_named_guideline_version() throws IOException {
        CliRun run = CliRun.of("assess", PROJECTS.resolve("tax-notice-drafting.yaml").toString(),
                "--format", "json", "--lang", "ja", "--guideline-version", "1.0");

        assertThat(run.exit()).as(run.toString()).isZero();
        JsonNode decision = JSON.readTree(run.out());
        assertThat(decision.path("definitions").path("version").asText()).isEqualTo("1.0");
        assertThat(decision.path("classification").asText()).isEqualTo("HIGH");
        assertThat(decision.path("profile").path("name").asText()).isEqualTo("課税通知文案作成支援");
    }

    @Test
    void without_lang_the_report_is_in_the_system_language() {
        Locale original = Locale.getDefault();
        try {
            Locale.setDefault(Locale.JAPAN);
            CliRun japanese = CliRun.of("assess", PROJECTS.resolve("seabis-help-chat.yaml").toString());
            Locale.setDefault(Locale.GERMANY);
            CliRun other = CliRun.of("assess", PROJECTS.resolve("seabis-help-chat.yaml").toString());

            assertThat(japanese.outLines()).first().isEqualTo("DS-920 判定結果");
            assertThat(other.outLines()).first().isEqualTo("DS-920 assessment report");
        } finally {
            Locale.setDefault(original);
        }
    }

    /** Item id to the status heading it is listed under, read from a text report. */
    private static Map<String, String> itemStatuses(List<String> lines, Pattern heading) {
        Map<String, String> statuses = new HashMap<>();
        Pattern item = Pattern.compile("    ((?:PROC|CONT)-[A-Z0-9]+) .*");
        String current = null;
        for (String line : lines) {
            Matcher h = heading.matcher(line);
            Matcher i = item.matcher(line);
            if (h.matches()) {
                current = h.group(1);
            } else if (i.matches()) {
                assertThat(current).as("a status heading before " + line).isNotNull();
                assertThat(statuses.put(i.group(1), current)).as("listed once: " + i.group(1)).isNull();
            } else if (line.isEmpty()) {
                current = null;
            }
        }
        return statuses;
    }

    private static String english(String status) {
        return Map.of("REQUIRED", "Required", "RECOMMENDED", "Recommended", "NOT_APPLICABLE", "Not applicable").get(status);
    }

    private static String japanese(String status) {
        return Map.of("REQUIRED", "必須", "RECOMMENDED", "推奨", "NOT_APPLICABLE", "該当しない").get(status);
    }
}
