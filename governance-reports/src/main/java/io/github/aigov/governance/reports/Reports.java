package io.github.aigov.governance.reports;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.reports.internal.BoardReportDraft;
import io.github.aigov.governance.reports.internal.ChecklistWorkbook;
import io.github.aigov.governance.reports.internal.HtmlReport;
import io.github.aigov.governance.reports.internal.ReportView;
import io.github.aigov.governance.reports.internal.SpecificationText;
import io.github.aigov.governance.reports.internal.doc.HtmlWriter;
import io.github.aigov.governance.reports.internal.doc.MarkdownWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Objects;

/**
 * The papers a ministry files for one decision, in Japanese or English.
 *
 * <pre>{@code
 * GovernanceEngine engine = Governance.builder().build();
 * Decision decision = engine.assess(Governance.readProfile(Path.of("project.yaml")));
 * String html = Reports.html(decision, engine, Locale.JAPANESE);            // the printable report
 * String clauses = Reports.markdown(decision, engine, Locale.JAPANESE);     // 仕様書・契約書への記載案
 * try (OutputStream out = Files.newOutputStream(Path.of("checklists.xlsx"))) {
 *     Reports.xlsx(decision, engine, Locale.JAPANESE, out);                 // for the vendor's answers
 * }
 * String board = Reports.boardReport(decision, engine, Locale.JAPANESE);    // only when escalated
 * }</pre>
 *
 * <p>Every entry point takes the decision, the engine whose definitions decided it (its texts are
 * the definitions' titles and reasons), and the language: Japanese when the locale's language is
 * {@code ja}, English otherwise. Every heading and label comes from the library's message bundles;
 * every text that comes from a profile or a definition is escaped for the output format. Every item
 * and reason carries its provenance ({@code seed}, {@code public}, {@code interpretation}) and the
 * overlay that contributed it, if any.
 *
 * <p>Every entry point refuses, with a {@link GovernanceException} {@link ProblemCode#DEFINITIONS_MISMATCH}
 * (GOV-0020), an engine whose definitions (id, version, content hash, overlays) are not the ones that
 * made the decision: its titles and reasons would not be the ones the decision was made with.
 * Each call is independent and thread-safe.
 */
public final class Reports {

    private Reports() {
    }

    /**
     * The assessment as one self-contained, printable HTML page: the classification and escalation
     * with their reasons at the top, the project and the definitions, the four axes, every checklist
     * item by checklist and group, the ministry's own duties (who acts, when, whether each applies and
     * why, with the guideline's quoted text), a provenance legend, and the rule trace folded at the end. No
     * script, no external style sheet, font or image: it opens offline and archives as one file.
     */
    public static String html(Decision decision, GovernanceEngine engine, Locale locale) {
        return html(decision, engine, locale, PaperOptions.DEFAULT);
    }

    /**
     * {@link #html(Decision, GovernanceEngine, Locale)} with the options' crosswalks: each required item and
     * duty, and each axis answer, with the references it maps to, and a closing section per crosswalk (the
     * framework, that every mapping is this project's reading, and the references left uncovered).
     *
     * @throws GovernanceException {@link ProblemCode#UNKNOWN_REFERENCE} (GOV-0006) for a crosswalk the engine does not have
     */
    public static String html(Decision decision, GovernanceEngine engine, Locale locale, PaperOptions options) {
        return HtmlReport.render(view(decision, engine, locale, options));
    }

    /**
     * Specification and contract text, in Markdown (with footnotes, as GitHub renders them), to paste
     * and edit: the procurement checklist's required and recommended items as numbered specification
     * clauses, the contract checklist's as contract articles, and, when the definitions require a
     * report to the advisory board, its headings. Recommended clauses are marked; each clause's
     * footnote gives its provenance and citation and the rule that decided it. After the clauses, set
     * apart as not clauses, the ministry's own duties with who acts and when, footnoted alike.
     */
    public static String markdown(Decision decision, GovernanceEngine engine, Locale locale) {
        return markdown(decision, engine, locale, PaperOptions.DEFAULT);
    }

    /**
     * {@link #markdown(Decision, GovernanceEngine, Locale)} with the options' crosswalks: each required clause's
     * footnote names the references it maps to, and a closing section per crosswalk says what it is and what
     * it leaves uncovered.
     */
    public static String markdown(Decision decision, GovernanceEngine engine, Locale locale, PaperOptions options) {
        return MarkdownWriter.write(SpecificationText.build(view(decision, engine, locale, options)));
    }

    /**
     * A workbook for the vendor's answers: a summary sheet (project, classification, escalation,
     * definitions and their hash), then one sheet per checklist with one row per item (id, number,
     * title, group, status, reason, deciding rule, provenance, citation, and an empty column for the
     * vendor's response), then a sheet of the ministry's own duties (who acts, when; no vendor's
     * column). Writes to {@code out} and does not close it.
     *
     * @throws IOException if {@code out} cannot be written
     */
    public static void xlsx(Decision decision, GovernanceEngine engine, Locale locale, OutputStream out)
            throws IOException {
        xlsx(decision, engine, locale, PaperOptions.DEFAULT, out);
    }

    /**
     * {@link #xlsx(Decision, GovernanceEngine, Locale, OutputStream)} with one column per crosswalk, before the
     * vendor's, giving each required item's and duty's references, and the crosswalks' frameworks and
     * uncovered references on the summary sheet.
     */
    public static void xlsx(Decision decision, GovernanceEngine engine, Locale locale, PaperOptions options,
                            OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        ChecklistWorkbook.write(view(decision, engine, locale, options), out);
    }

    /**
     * The draft report to the Advanced AI Utilization Advisory Board (先進的AI利活用アドバイザリーボード),
     * in Markdown: project details, objectives, the risk picture from the four axes and the rule that
     * made it high risk, one line per required procurement and contract item as mitigation measures,
     * and the quality-assurance plan's headings, including during operation, then the ministry's duties
     * that continue after the board's advice. What the profile does not say is left as a clearly marked
     * blank.
     *
     * @throws GovernanceException {@link ProblemCode#BOARD_REPORT_NOT_REQUIRED} (GOV-0025) when the
     *                             decision does not require escalation (by default: it is not HIGH)
     */
    public static String boardReport(Decision decision, GovernanceEngine engine, Locale locale) {
        return boardReport(decision, engine, locale, PaperOptions.DEFAULT);
    }

    /**
     * {@link #boardReport(Decision, GovernanceEngine, Locale)} with the options' crosswalks: each mitigation
     * measure with the references its item maps to, and a closing section per crosswalk.
     */
    public static String boardReport(Decision decision, GovernanceEngine engine, Locale locale, PaperOptions options) {
        return MarkdownWriter.write(BoardReportDraft.build(view(decision, engine, locale, options)));
    }

    /** {@link #boardReport} as a self-contained, printable HTML page. */
    public static String boardReportHtml(Decision decision, GovernanceEngine engine, Locale locale) {
        return boardReportHtml(decision, engine, locale, PaperOptions.DEFAULT);
    }

    /** {@link #boardReport(Decision, GovernanceEngine, Locale, PaperOptions)} as a self-contained, printable HTML page. */
    public static String boardReportHtml(Decision decision, GovernanceEngine engine, Locale locale, PaperOptions options) {
        return HtmlWriter.write(BoardReportDraft.build(view(decision, engine, locale, options)));
    }

    private static ReportView view(Decision decision, GovernanceEngine engine, Locale locale, PaperOptions options) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(options, "options");
        return ReportView.of(decision, engine, locale, options.crosswalks());
    }
}
