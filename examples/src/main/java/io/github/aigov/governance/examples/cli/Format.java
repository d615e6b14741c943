package io.github.aigov.governance.examples.cli;

/** What {@code assess} prints. Lower case: they are the option's values. */
enum Format {
    /** A report for the procurement officer, in Japanese or English. */
    text,
    /** The decision's record, as {@link io.github.aigov.governance.Governance#toJson} writes it. */
    json
}
