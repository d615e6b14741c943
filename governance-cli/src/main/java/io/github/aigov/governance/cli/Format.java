package io.github.aigov.governance.cli;

/** What {@code assess} writes. Lower case: they are the option's values. */
enum Format {
    /** A report for the procurement officer, in Japanese or English. */
    text,
    /** The decision's record, as {@link io.github.aigov.governance.Governance#toJson} writes it. */
    json,
    /** A self-contained, printable HTML report. */
    html,
    /** The required and recommended items as specification text and contract clauses to paste and edit. */
    markdown,
    /** The checklists as a workbook, one row per item, with a column for the vendor's response ({@code --out} needed). */
    xlsx
}
