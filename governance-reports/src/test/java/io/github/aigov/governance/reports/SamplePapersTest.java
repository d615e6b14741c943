package io.github.aigov.governance.reports;

import static io.github.aigov.governance.reports.Pages.escaped;
import static io.github.aigov.governance.reports.Samples.V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.AxisResult;
import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ObligationResult;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.Provenance;
import io.github.aigov.governance.Role;
import io.github.aigov.governance.Timing;
import io.github.aigov.governance.TraceEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every paper for every sample project, in Japanese and in English, checked for what it says: the
 * classification, the escalation, the items with their rendered titles, statuses, reasons and
 * provenance, the trace, and how an out-of-scope project is handled. The papers are also written to
 * {@code target/papers/} for a reader to open.
 */
class SamplePapersTest {
    static final Locale JA = Locale.JAPANESE;
    static final Locale EN = Locale.ENGLISH;
    static final Path OUT = Path.of("target/papers");

    /** What each sample is, pinned: a new sample must be added here, with what it should be. */
    static final Map<String, Classification> EXPECTED = Map.of(
            "benefits-eligibility-chatbot", Classification.HIGH,
            "judgement-only-high", Classification.HIGH,
            "meeting-minutes-drafting", Classification.LOW,
            "out-of-scope-classified-analysis", Classification.OUT_OF_SCOPE,
            "personal-data-summariser", Classification.LOW,
            "seabis-help-chat", Classification.LOW,
            "tax-notice-drafting", Classification.HIGH);

    /** The labels as a reader sees them, written out rather than read from the bundle under test. */
    static final Map<Locale, Map<Classification, String>> CLASSIFICATION = Map.of(
            JA, Map.of(Classification.HIGH, "高リスク", Classification.MEDIUM, "中リスク", Classification.LOW, "低リスク",
                    Classification.OUT_OF_SCOPE, "ガイドラインの対象外"),
            EN, Map.of(Classification.HIGH, "High risk", Classification.MEDIUM, "Medium risk", Classification.LOW, "Low risk",
                    Classification.OUT_OF_SCOPE, "Out of the guideline's scope"));
    static final Map<Locale, Map<ItemStatus, String>> STATUS = Map.of(
            JA, Map.of(ItemStatus.REQUIRED, "必須", ItemStatus.RECOMMENDED, "推奨", ItemStatus.NOT_APPLICABLE, "該当しない"),
            EN, Map.of(ItemStatus.REQUIRED, "Required", ItemStatus.RECOMMENDED, "Recommended",
                    ItemStatus.NOT_APPLICABLE, "Not applicable"));
    static final Map<Locale, String> NOT_REQUIRED = Map.of(JA, "不要", EN, "Not required");
    static final Map<Locale, Map<Provenance, String>> PROVENANCE = Map.of(
            JA, Map.of(Provenance.SEED, "原典", Provenance.PUBLIC, "公表情報", Provenance.INTERPRETATION, "解釈"),
            EN, Map.of(Provenance.SEED, "seed", Provenance.PUBLIC, "public", Provenance.INTERPRETATION, "interpretation"));
    static final Map<Locale, Map<ProcurementForm, String>> FORM = Map.of(
            JA, Map.of(ProcurementForm.SAAS_API, "汎用AIサービスをそのまま利用（SaaS/API）",
                    ProcurementForm.CUSTOMISATION, "事業者のモデルのカスタマイズ（検索拡張、ファインチューニング）",
                    ProcurementForm.NEW_DEVELOPMENT, "新規開発"),
            EN, Map.of(ProcurementForm.SAAS_API, "Use of a general-purpose AI service as it is (SaaS/API)",
                    ProcurementForm.CUSTOMISATION, "Customisation of a vendor's model (retrieval, fine-tuning)",
                    ProcurementForm.NEW_DEVELOPMENT, "New development"));
    static final Map<Locale, String> SEED = Map.of(JA, "原典", EN, "seed");
    static final Map<Locale, String> INTERPRETATION = Map.of(JA, "解釈", EN, "interpretation");
    static final Map<Locale, String> PUBLIC = Map.of(JA, "公表情報", EN, "public");
    static final Map<Locale, String> PROC_12 = Map.of(JA, "有害情報の出力制御措置", EN, "Measures to control harmful output");
    static final Map<Locale, String> BLANK = Map.of(JA, "【記入してください：", EN, "[TO BE COMPLETED: ");
    /** Who acts on a duty and when, as a reader sees them. */
    static final Map<Locale, Map<Role, String>> ROLE = Map.of(
            JA, Map.of(Role.CAIO, "AI統括責任者（CAIO）", Role.PLANNER, "企画者", Role.PROVIDER, "提供者", Role.USER, "利用者（職員）",
                    Role.MINISTRY, "各府省", Role.ADVISORY_BOARD, "先進的AI利活用アドバイザリーボード"),
            EN, Map.of(Role.CAIO, "Chief AI Officer (CAIO)", Role.PLANNER, "planner", Role.PROVIDER, "provider",
                    Role.USER, "users (the ministry's staff)", Role.MINISTRY, "the ministry",
                    Role.ADVISORY_BOARD, "Advanced AI Utilization Advisory Board"));
    static final Map<Locale, Map<Timing, String>> TIMING = Map.of(
            JA, Map.of(Timing.BEFORE_PROCUREMENT, "調達前", Timing.AT_PROCUREMENT, "調達時", Timing.AFTER_GO_LIVE, "運用開始後",
                    Timing.PERIODICALLY, "定期", Timing.ON_RISK_CASE, "リスクケース発生時"),
            EN, Map.of(Timing.BEFORE_PROCUREMENT, "before procurement", Timing.AT_PROCUREMENT, "at procurement",
                    Timing.AFTER_GO_LIVE, "after go-live", Timing.PERIODICALLY, "periodically",
                    Timing.ON_RISK_CASE, "when a risk case occurs"));
    static final Map<Locale, String> DUTIES = Map.of(JA, "各府省の責務", EN, "The ministry's duties");

    /** Who acts, as the papers list them. */
    static String roles(ObligationResult o, Locale locale) {
        return String.join(locale == JA ? "、" : ", ", o.roles().stream().map(r -> ROLE.get(locale).get(r)).toList());
    }

    static Stream<Arguments> papers() {
        List<Arguments> all = new ArrayList<>();
        for (String name : Samples.names()) {
            all.add(Arguments.of(name, JA));
            all.add(Arguments.of(name, EN));
        }
        return all.stream();
    }

    @BeforeAll
    static void out() throws IOException {
        Files.createDirectories(OUT);
    }

    @Test
    void everySampleIsPinned() {
        assertThat(Samples.names()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        EXPECTED.forEach((name, c) -> assertThat(Samples.decision(name).classification()).as(name).isEqualTo(c));
    }

    // ---------------------------------------------------------------- HTML

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("papers")
    void html(String name, Locale locale) throws IOException {
        Decision d = Samples.decision(name);
        String html = Reports.html(d, V2, locale);
        Files.writeString(OUT.resolve(name + "-" + locale + ".html"), html);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"" + locale.getLanguage() + "\">")
                .contains("@media print");
        assertSelfContained(html);

        // the result at the top: classification and escalation, with their reasons and rule ids
        String classification = Pages.element(html, "classification", "</div>");
        assertThat(classification).contains(escaped(CLASSIFICATION.get(locale).get(d.classification())))
                .contains(d.classificationReason().ruleId())
                .contains(escaped(V2.render(d.classificationReason().message(), locale)));
        String escalation = Pages.element(html, "escalation", "</div>");
        assertThat(escalation).contains(d.escalation().required() ? STATUS.get(locale).get(ItemStatus.REQUIRED)
                : NOT_REQUIRED.get(locale));
        assertThat(escalation).contains(d.escalation().reasons().get(0).ruleId());
        assertThat(html.indexOf("id=\"classification\"")).isLessThan(html.indexOf("id=\"project\""));

        // the project and the definitions
        String project = Pages.element(html, "project", "</section>");
        assertThat(project).contains(escaped(d.profile().name()), escaped(d.profile().id()),
                escaped(d.profile().organisation()), escaped(d.profile().description()),
                d.definitions().id(), d.definitions().version(), d.definitions().date(), d.definitions().hash(),
                d.decisionId());

        // provenance legend, the trace folded at the end
        assertThat(Pages.element(html, "legend", "</section>")).contains(escaped(SEED.get(locale)),
                escaped(PUBLIC.get(locale)), escaped(INTERPRETATION.get(locale)));
        String trace = Pages.element(html, "trace", "</section>");
        assertThat(trace).contains("<details>", "<summary>");
        assertThat(d.trace()).isNotEmpty();
        for (TraceEvent e : d.trace()) {
            assertThat(trace).contains("<code>" + escaped(e.rule()) + "</code>", escaped(e.outcome()));
        }
        assertThat(html.indexOf("id=\"trace\"")).isGreaterThan(html.indexOf("id=\"legend\""));

        if (d.classification() == Classification.OUT_OF_SCOPE) {
            assertThat(html).doesNotContain("id=\"axes\"").doesNotContain("class=\"checklist\"")
                    .doesNotContain("id=\"item-").doesNotContain("id=\"duty-").doesNotContain("class=\"duties\"");
            assertThat(Pages.text(html)).contains(locale == JA ? "このプロジェクトはガイドラインの対象外です"
                    : "This project is outside the guideline's scope");
            return;
        }

        // the four axes: title, option id and title, level
        String axes = Pages.element(html, "axes", "</section>");
        assertThat(d.axes()).hasSize(4);
        for (AxisResult a : d.axes()) {
            assertThat(axes).contains(escaped(V2.render(Message.of(a.axis() + ".title"), locale)),
                    escaped(V2.render(Message.of(a.axis() + "." + a.option() + ".title"), locale)), a.option());
        }
        assertThat(axes).contains("prov-INTERPRETATION");

        // every item in its checklist and group, with title, status, reason, rule and provenance
        for (ItemResult item : d.items()) {
            String row = Pages.element(html, "item-" + item.id(), "</tr>");
            assertThat(row).contains(escaped(V2.render(Message.of(item.id() + ".title"), locale)),
                    escaped(STATUS.get(locale).get(item.status())),
                    escaped(V2.render(item.reason().message(), locale)), item.reason().ruleId(),
                    "prov-" + item.source().provenance().name(), "prov-" + item.reason().source().provenance().name());
            String sheet = Pages.element(html, "sheet-" + item.sheet(), "</section>");
            assertThat(sheet).contains("id=\"item-" + item.id() + "\"")
                    .contains(escaped(V2.render(Message.of(item.group() + ".title"), locale)));
        }
        assertThat(Pages.element(html, "item-PROC-12", "</tr>")).contains(PROC_12.get(locale));
        assertThat(Pages.element(html, "item-PROC-01", "</tr>")).contains(escaped(SEED.get(locale)));
        assertThat(Pages.element(html, "sheet-PROCUREMENT", "</section>"))
                .contains(locale == JA ? "調達チェックシート" : "Procurement checklist");
        assertThat(html).contains(locale == JA ? "契約チェックシート" : "Contract checklist");

        // the ministry's own duties after the checklists: who acts, when, status, reason, the quoted citation
        String duties = Pages.element(html, "sheet-OBLIGATIONS", "</section>");
        assertThat(duties).contains(escaped(DUTIES.get(locale)));
        assertThat(html.indexOf("id=\"sheet-OBLIGATIONS\"")).isGreaterThan(html.indexOf("id=\"sheet-CONTRACT\""))
                .isLessThan(html.indexOf("id=\"legend\""));
        assertThat(d.obligations()).hasSize(7);
        for (ObligationResult o : d.obligations()) {
            String row = Pages.element(html, "duty-" + o.id(), "</tr>");
            assertThat(row).contains(escaped(V2.render(Message.of(o.id() + ".title"), locale)), escaped(roles(o, locale)),
                    escaped(TIMING.get(locale).get(o.timing())), escaped(STATUS.get(locale).get(o.status())),
                    escaped(V2.render(o.reason().message(), locale)), o.reason().ruleId(),
                    "prov-" + o.source().provenance().name(), "prov-" + o.reason().source().provenance().name(),
                    escaped(o.source().citation().in(locale)));
            // the citation in the reader's language only
            assertThat(row).doesNotContain(escaped(locale == JA ? o.source().citation().en() : o.source().citation().ja()));
            assertThat(duties).contains("id=\"duty-" + o.id() + "\"");
        }
        assertThat(Pages.text(Pages.element(html, "duty-DUTY-PERIODIC-VERIFICATION", "</tr>")))
                .contains(locale == JA ? "運用開始後も適切な利用や安全性や品質の確保を定期的に検証" : "planner, provider");
    }

    /** Nothing that fetches or runs: no script, link, frame, object or image tag, no source or remote URL in a tag or the style. */
    static void assertSelfContained(String html) {
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("<iframe")
                .doesNotContain("<object").doesNotContain("<embed").doesNotContain("<img");
        java.util.regex.Matcher tags = java.util.regex.Pattern.compile("<[^>]+>").matcher(html);
        while (tags.find()) {
            assertThat(tags.group()).doesNotContain(" src=").doesNotContain("http:").doesNotContain("https:")
                    .doesNotContain(" on").doesNotContain("style=");
        }
        String style = html.substring(html.indexOf("<style>"), html.indexOf("</style>"));
        assertThat(style).doesNotContain("url(").doesNotContain("@import").doesNotContain("@font-face");
    }

    // ---------------------------------------------------------------- Markdown

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("papers")
    void markdown(String name, Locale locale) throws IOException {
        Decision d = Samples.decision(name);
        String md = Reports.markdown(d, V2, locale);
        Files.writeString(OUT.resolve(name + "-" + locale + ".md"), md);

        assertThat(md).startsWith(locale == JA ? "# 仕様書・契約書への記載案" : "# Draft specification and contract clauses")
                .contains(d.profile().name(), d.profile().organisation(), "`" + d.decisionId() + "`",
                        "`" + d.definitions().hash() + "`", "`DS-920`");
        if (d.classification() == Classification.OUT_OF_SCOPE) {
            assertThat(md).contains(locale == JA ? "ガイドラインの対象外のため" : "outside the guideline's scope")
                    .contains(d.classificationReason().ruleId())
                    .doesNotContain("受注者は").doesNotContain("The contractor shall").doesNotContain("[^")
                    .doesNotContain("DUTY-");
            return;
        }
        // the ministry's own duties: after every clause, in a section of their own, each with who acts and
        // when and a footnote of its source and deciding rule; no duty is a clause
        List<String> all = md.lines().toList();
        int dutiesAt = all.indexOf(locale == JA ? "## 各府省の責務（仕様書・契約書に記載する事項ではありません）"
                : "## The ministry's duties: not clauses of the specification or the contract");
        assertThat(dutiesAt).as("the duties' heading").isPositive();
        List<String> dutyLines = all.subList(dutiesAt, all.size()).stream().takeWhile(l -> !l.startsWith("[^")).toList();
        assertThat(String.join("\n", dutyLines)).doesNotContain("受注者").doesNotContain("contractor").doesNotContain("第1条");
        for (ObligationResult o : d.obligations()) {
            String title = V2.render(Message.of(o.id() + ".title"), locale);
            assertThat(dutyLines).as(o.id()).filteredOn(l -> l.startsWith("- ") && l.contains("[^" + o.id() + "]"))
                    .singleElement().satisfies(l -> assertThat(l).contains(title, TIMING.get(locale).get(o.timing()),
                            roles(o, locale)));
            assertThat(all.subList(0, dutiesAt)).as(o.id()).noneMatch(l -> l.contains(o.id()));
            String note = all.stream().filter(l -> l.startsWith("[^" + o.id() + "]: ")).findFirst().orElseThrow();
            assertThat(note).contains("*" + PROVENANCE.get(locale).get(o.source().provenance()) + "*", o.source().citation().in(locale),
                    "`" + o.reason().ruleId() + "`", "*" + PROVENANCE.get(locale).get(o.reason().source().provenance()) + "*");
        }
        List<String> lines = md.lines().toList();
        for (ItemResult item : d.items()) {
            String title = V2.render(Message.of(item.id() + ".title"), locale);
            List<String> clauses = lines.stream().filter(l -> !l.startsWith("[^") && l.contains("[^" + item.id() + "]"))
                    .toList();
            if (item.status() == ItemStatus.NOT_APPLICABLE && item.sheet().equals("BOARD-REPORT")) {
                // no report to the board: the section is left out altogether
                assertThat(md).doesNotContain(item.id());
                continue;
            }
            if (item.status() == ItemStatus.NOT_APPLICABLE) {
                // listed as not included, with its reason, never as a clause
                assertThat(clauses).as(item.id()).isEmpty();
                assertThat(lines).as(item.id()).filteredOn(l -> l.startsWith("- ")
                        && l.contains(item.id() + (locale == JA ? "）" : ")"))).singleElement()
                        .satisfies(l -> assertThat(l).contains(title, item.reason().ruleId()));
                assertThat(md).doesNotContain("[^" + item.id() + "]:");
                continue;
            }
            String clause = switch (item.sheet()) {
                case "PROCUREMENT" -> locale == JA
                        ? (item.status() == ItemStatus.REQUIRED ? "受注者は、「" + title + "」に関する措置を講じること。"
                                : "受注者は、「" + title + "」に関する措置を講じるよう努めること。")
                        : (item.status() == ItemStatus.REQUIRED ? "The contractor shall take measures concerning “" + title + "”."
                                : "The contractor should endeavour to take measures concerning “" + title + "”.");
                case "CONTRACT" -> locale == JA ? "について本契約において定め" : "set out in this contract their agreement on “"
                        + title + "”";
                default -> "**" + title + "**";
            };
            assertThat(clauses).as(item.id()).singleElement().satisfies(l -> {
                assertThat(l).contains(clause);
                if (item.sheet().equals("CONTRACT")) {
                    assertThat(l).contains(title).startsWith(locale == JA ? "第" : "Article ");
                }
                if (item.status() == ItemStatus.RECOMMENDED) {
                    assertThat(l).contains("**" + STATUS.get(locale).get(ItemStatus.RECOMMENDED).toUpperCase(Locale.ROOT) + "**");
                } else {
                    assertThat(l).doesNotContain("**" + STATUS.get(locale).get(ItemStatus.RECOMMENDED).toUpperCase(Locale.ROOT));
                }
            });
            // the footnote: the item's provenance and citation, the deciding rule and its provenance
            String note = lines.stream().filter(l -> l.startsWith("[^" + item.id() + "]: ")).findFirst().orElseThrow();
            assertThat(note).contains("*" + PROVENANCE.get(locale).get(item.source().provenance()) + "*",
                    item.source().citation().in(locale), "`" + item.reason().ruleId() + "`",
                    "*" + PROVENANCE.get(locale).get(item.reason().source().provenance()) + "*");
            // the citation is the reader's language only: a Japanese paper shows no English sentence
            LocalizedText citation = item.source().citation();
            assertThat(note).doesNotContain(locale == JA ? citation.en() : citation.ja());
        }
        // specification clauses are numbered through the procurement checklist
        long required = d.items().stream().filter(i -> i.sheet().equals("PROCUREMENT") && i.status() != ItemStatus.NOT_APPLICABLE)
                .count();
        assertThat(lines).anyMatch(l -> l.startsWith(required + ". "));
        assertThat(md).contains(PROC_12.get(locale));
        boolean board = d.items().stream().anyMatch(i -> i.sheet().equals("BOARD-REPORT") && i.status() == ItemStatus.REQUIRED);
        assertThat(board).isEqualTo(d.classification() == Classification.HIGH);
        if (board) {
            assertThat(md).contains(locale == JA ? "## アドバイザリーボードへの報告：記載する見出し" : "## Report to the advisory board: headings to fill in")
                    .contains(BLANK.get(locale));
        } else {
            assertThat(md).doesNotContain("BOARD-");
        }
    }

    // ---------------------------------------------------------------- XLSX

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("papers")
    void xlsx(String name, Locale locale) throws IOException {
        Decision d = Samples.decision(name);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Reports.xlsx(d, V2, locale, bytes);
        Files.write(OUT.resolve(name + "-" + locale + ".xlsx"), bytes.toByteArray());

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            List<String> checklists = d.items().stream().map(ItemResult::sheet).distinct().toList();
            assertThat(wb.getNumberOfSheets()).isEqualTo(1 + checklists.size() + 1);
            assertThat(value(wb.getSheetAt(0), DUTIES.get(locale))).isEqualTo(locale == JA
                    ? "必須 " + d.obligations(ItemStatus.REQUIRED).size() + " 件、推奨 0 件、該当しない "
                            + d.obligations(ItemStatus.NOT_APPLICABLE).size() + " 件"
                    : d.obligations(ItemStatus.REQUIRED).size() + " required, 0 recommended, "
                            + d.obligations(ItemStatus.NOT_APPLICABLE).size() + " not applicable");
            assertThat(wb.getProperties().getCoreProperties().getIdentifier()).isEqualTo(d.decisionId());

            Sheet summary = wb.getSheetAt(0);
            assertThat(summary.getSheetName()).isEqualTo(locale == JA ? "概要" : "Summary");
            assertThat(value(summary, locale == JA ? "名称" : "Name")).isEqualTo(d.profile().name());
            assertThat(value(summary, locale == JA ? "府省等" : "Organisation")).isEqualTo(d.profile().organisation());
            assertThat(value(summary, locale == JA ? "リスクレベル" : "Risk classification"))
                    .isEqualTo(CLASSIFICATION.get(locale).get(d.classification()));
            assertThat(value(summary, locale == JA ? "アドバイザリーボードへのエスカレーション" : "Escalation to the advisory board"))
                    .startsWith(d.escalation().required() ? (locale == JA ? "要" : "Required") : NOT_REQUIRED.get(locale));
            assertThat(value(summary, locale == JA ? "理由" : "Reasons")).contains(d.classificationReason().ruleId());
            assertThat(value(summary, locale == JA ? "内容ハッシュ" : "Content hash")).isEqualTo(d.definitions().hash());
            assertThat(value(summary, locale == JA ? "版" : "Version")).isEqualTo("2.0");
            assertThat(value(summary, locale == JA ? "定義セット" : "Definition set")).startsWith("DS-920 — ");
            assertThat(value(summary, locale == JA ? "判定ID" : "Decision id")).isEqualTo(d.decisionId());
            for (AxisResult a : d.axes()) {
                assertThat(value(summary, V2.render(Message.of(a.axis() + ".title"), locale))).contains(a.option());
            }

            for (int s = 0; s < checklists.size(); s++) {
                String checklist = checklists.get(s);
                XSSFSheet sheet = wb.getSheetAt(s + 1);
                assertThat(sheet.getSheetName()).isEqualTo(V2.render(Message.of(checklist + ".title"), locale));
                Row header = sheet.getRow(0);
                assertThat(cells(header)).containsExactly(locale == JA
                        ? new String[] {"ID", "番号", "項目", "区分", "扱い", "理由", "判定ルール", "項目の出典区分",
                                "ルールの出典区分", "出典", "事業者回答"}
                        : new String[] {"Id", "No.", "Item", "Group", "Status", "Reason", "Deciding rule", "Item's provenance",
                                "Rule's provenance", "Citation", "Vendor's response (事業者回答)"});
                XSSFCellStyle style = (XSSFCellStyle) header.getCell(0).getCellStyle();
                assertThat(style.getFont().getBold()).isTrue();
                assertThat(style.getFillForegroundXSSFColor()).isNotNull();
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
                assertThat(sheet.getColumnWidth(2)).isGreaterThan(40 * 256);
                assertThat(sheet.getColumnWidth(10)).isGreaterThan(40 * 256);

                List<ItemResult> items = d.items().stream().filter(i -> i.sheet().equals(checklist)).toList();
                assertThat(sheet.getLastRowNum()).isEqualTo(items.size());
                for (int r = 0; r < items.size(); r++) {
                    ItemResult item = items.get(r);
                    List<String> row = cells(sheet.getRow(r + 1));
                    assertThat(row).hasSize(11);
                    assertThat(row.get(0)).isEqualTo(item.id());
                    assertThat(row.get(2)).isEqualTo(V2.render(Message.of(item.id() + ".title"), locale));
                    assertThat(row.get(3)).isEqualTo(V2.render(Message.of(item.group() + ".title"), locale));
                    assertThat(row.get(4)).isEqualTo(STATUS.get(locale).get(item.status()));
                    assertThat(row.get(5)).isEqualTo(V2.render(item.reason().message(), locale));
                    assertThat(row.get(6)).isEqualTo(item.reason().ruleId());
                    assertThat(row.get(7)).isEqualTo(PROVENANCE.get(locale).get(item.source().provenance()));
                    assertThat(row.get(8)).isEqualTo(PROVENANCE.get(locale).get(item.reason().source().provenance()));
                    assertThat(row.get(9)).isEqualTo(item.source().citation().in(locale));
                    assertThat(row.get(10)).isEmpty();
                }
                if (checklist.equals("PROCUREMENT")) {
                    List<String> proc12 = cells(sheet.getRow(12));
                    assertThat(proc12.get(0)).isEqualTo("PROC-12");
                    assertThat(proc12.get(1)).isEqualTo("⑫");
                    assertThat(proc12.get(2)).isEqualTo(PROC_12.get(locale));
                }
            }

            // the ministry's duties last: who acts and when, no column for the vendor
            XSSFSheet duties = wb.getSheetAt(wb.getNumberOfSheets() - 1);
            assertThat(duties.getSheetName()).isEqualTo(DUTIES.get(locale));
            assertThat(cells(duties.getRow(0))).containsExactly(locale == JA
                    ? new String[] {"ID", "番号", "責務", "区分", "担い手", "時期", "扱い", "理由", "判定ルール", "項目の出典区分",
                            "ルールの出典区分", "出典"}
                    : new String[] {"Id", "No.", "Duty", "Group", "Who acts", "When", "Status", "Reason", "Deciding rule",
                            "Item's provenance", "Rule's provenance", "Citation"});
            assertThat(duties.getPaneInformation().isFreezePane()).isTrue();
            assertThat(duties.getLastRowNum()).isEqualTo(d.obligations().size());
            for (int r = 0; r < d.obligations().size(); r++) {
                ObligationResult o = d.obligations().get(r);
                assertThat(cells(duties.getRow(r + 1))).containsExactly(o.id(), String.valueOf(r + 1),
                        V2.render(Message.of(o.id() + ".title"), locale), V2.render(Message.of(o.group() + ".title"), locale),
                        roles(o, locale), TIMING.get(locale).get(o.timing()), STATUS.get(locale).get(o.status()),
                        V2.render(o.reason().message(), locale), o.reason().ruleId(),
                        PROVENANCE.get(locale).get(o.source().provenance()),
                        PROVENANCE.get(locale).get(o.reason().source().provenance()), o.source().citation().in(locale));
            }
        }
    }

    /** The value beside a label in the summary sheet (the first row with that label). */
    static String value(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getStringCellValue().equals(label)) {
                return row.getCell(1).getStringCellValue();
            }
        }
        throw new AssertionError("no row labelled " + label);
    }

    static List<String> cells(Row row) {
        List<String> values = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            values.add(cell == null ? "" : cell.getStringCellValue());
        }
        return values;
    }

    // ---------------------------------------------------------------- board report

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("papers")
    void boardReport(String name, Locale locale) throws IOException {
        Decision d = Samples.decision(name);
        if (!d.escalation().required()) {
            assertThatThrownBy(() -> Reports.boardReport(d, V2, locale))
                    .isInstanceOfSatisfying(GovernanceException.class, e -> {
                        assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.code().id()).isEqualTo("GOV-0025");
                            assertThat(p.message().key()).isEqualTo("reports.problem.not-escalated");
                        });
                        assertThat(e.getMessage()).contains("GOV-0025", d.decisionId(), d.classification().name(),
                                "does not require escalation");
                    });
            assertThatThrownBy(() -> Reports.boardReportHtml(d, V2, locale)).isInstanceOf(GovernanceException.class);
            return;
        }
        String md = Reports.boardReport(d, V2, locale);
        String html = Reports.boardReportHtml(d, V2, locale);
        Files.writeString(OUT.resolve(name + "-" + locale + "-board.md"), md);
        Files.writeString(OUT.resolve(name + "-" + locale + "-board.html"), html);

        assertThat(md).startsWith(locale == JA ? "# 先進的AI利活用アドバイザリーボードへの報告（案）"
                : "# Report to the Advanced AI Utilization Advisory Board (draft)");
        // the four contents the board asks for, under the definitions' own titles, with their provenance
        List<String> headings = md.lines().filter(l -> l.startsWith("## ")).toList();
        assertThat(headings).hasSizeGreaterThanOrEqualTo(5);
        assertThat(headings.get(0)).startsWith(locale == JA ? "## 1. プロジェクトの詳細" : "## 1. Project details")
                .contains("*" + PUBLIC.get(locale) + "*");
        assertThat(headings.get(1)).startsWith(locale == JA ? "## 2. プロジェクトの目的" : "## 2. Objectives");
        assertThat(headings.get(2)).startsWith(locale == JA ? "## 3. リスクの評価" : "## 3. Risk assessment");
        assertThat(headings.get(3)).startsWith(locale == JA ? "## 4. リスク軽減策" : "## 4. Mitigation measures");
        assertThat(headings.get(4)).startsWith(locale == JA ? "## 5. 品質保証計画" : "## 5. Quality-assurance plans");
        // project details from the profile; what it does not say is a marked blank
        assertThat(md).contains("| " + d.profile().name() + " |", "| " + d.profile().organisation() + " |",
                "| " + d.profile().model().name() + " |", "| " + d.profile().model().vendor() + " |",
                "| " + FORM.get(locale).get(d.profile().procurement().form()) + " |",
                BLANK.get(locale) + (locale == JA ? "予算規模" : "budget"),
                BLANK.get(locale) + (locale == JA ? "解決する行政課題" : "the administrative problem"));
        // the risk picture: each axis with its option and level, and the rule that made it high risk
        for (AxisResult a : d.axes()) {
            assertThat(md).contains("| " + V2.render(Message.of(a.axis() + ".title"), locale) + " | "
                    + V2.render(Message.of(a.axis() + "." + a.option() + ".title"), locale) + " `" + a.option() + "`");
        }
        assertThat(md).contains(locale == JA ? "### 高リスクと判定した理由" : "### Why the result is High risk",
                V2.render(d.classificationReason().message(), locale), "`" + d.classificationReason().ruleId() + "`",
                "`ESC-HIGH`");
        // one mitigation line per required procurement and contract item, each with a blank
        for (ItemResult item : d.items()) {
            if (item.sheet().equals("BOARD-REPORT")) {
                continue;
            }
            String title = V2.render(Message.of(item.id() + ".title"), locale);
            List<String> mitigation = md.lines().filter(l -> l.startsWith("- ") && l.contains(title)
                    && l.contains(item.id()) && l.contains(BLANK.get(locale))).toList();
            assertThat(mitigation).as(item.id()).hasSize(item.status() == ItemStatus.REQUIRED ? 1 : 0);
        }
        // the quality-assurance plan, during operation included
        assertThat(md).contains(locale == JA ? "運用中：監視" : "During operation: monitoring",
                locale == JA ? "運用開始前：評価と受入れ" : "Before operation: evaluation and acceptance");
        assertThat(md.split(java.util.regex.Pattern.quote(BLANK.get(locale)), -1).length - 1)
                .isGreaterThanOrEqualTo(10);
        assertThat(md).contains(d.decisionId(), d.definitions().hash());
        // what follows the board's advice: each duty that applies, who acts and when, with a blank for how
        int continuing = md.lines().toList().indexOf(locale == JA ? "## 6. 助言を受けた後も継続する責務"
                : "## 6. After the board's advice: the duties that continue");
        assertThat(continuing).as("the duties' section").isPositive();
        for (ObligationResult o : d.obligations(ItemStatus.REQUIRED)) {
            assertThat(md.lines().skip(continuing)).as(o.id()).filteredOn(l -> l.startsWith("- ") && l.contains(o.id()))
                    .singleElement().satisfies(l -> assertThat(l).contains(V2.render(Message.of(o.id() + ".title"), locale),
                            TIMING.get(locale).get(o.timing()), "*" + PROVENANCE.get(locale).get(o.source().provenance()) + "*",
                            BLANK.get(locale)));
        }

        assertThat(html).contains("<html lang=\"" + locale.getLanguage() + "\">", "<mark class=\"blank\">",
                escaped(d.profile().name()), "class=\"badge prov-PUBLIC\"");
        assertSelfContained(html);
        assertThat(Pages.text(html)).contains(PROC_12.get(locale), V2.render(d.classificationReason().message(), locale));
    }
}
