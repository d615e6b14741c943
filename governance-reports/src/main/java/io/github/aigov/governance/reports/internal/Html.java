package io.github.aigov.governance.reports.internal;

/**
 * HTML text and the one style sheet every HTML paper embeds. Everything that reaches a page from a
 * profile or a definition goes through {@link #escape(String)}.
 */
public final class Html {
    private Html() {
    }

    /** Text safe in element content and in quoted attribute values. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // Control characters other than tab and line breaks have no place in a report.
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * The embedded style sheet: local fonts only (no web font is fetched), A4 print layout, colours
     * kept when printed so the provenance badges stay legible on paper.
     */
    public static final String STYLE = """
            :root { --ink: #1b1f24; --muted: #5a6270; --rule: #c8ced6; --head: #14325c; --band: #eef1f5; }
            * { box-sizing: border-box; }
            html { font-family: "Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAPGothic", "IPAGothic", "Hiragino Sans",
                   "Yu Gothic", "Meiryo", system-ui, sans-serif; color: var(--ink); font-size: 10.5pt; line-height: 1.55; }
            body { margin: 0; background: #e8ebef; }
            main { max-width: 1080px; margin: 20px auto; background: #fff; padding: 28px 40px 36px; border: 1px solid var(--rule); }
            header.doc { border-bottom: 3px double var(--head); padding-bottom: 8px; margin-bottom: 16px; }
            h1 { font-size: 18pt; margin: 0; color: var(--head); letter-spacing: .02em; }
            .subtitle { color: var(--muted); margin: 2px 0 0; }
            h2 { font-size: 13pt; color: var(--head); border-bottom: 1.5px solid var(--head); padding-bottom: 2px; margin: 26px 0 8px; }
            h3 { font-size: 11pt; margin: 16px 0 4px; color: var(--head); }
            h4 { font-size: 10.5pt; margin: 12px 0 4px; }
            p { margin: 4px 0 8px; }
            table { border-collapse: collapse; width: 100%; margin: 4px 0 10px; }
            th, td { border: 1px solid var(--rule); padding: 4px 7px; vertical-align: top; text-align: left; }
            th { background: var(--band); font-weight: 600; white-space: nowrap; }
            table.facts th { width: 13em; white-space: normal; }
            td.num { text-align: center; white-space: nowrap; width: 3.2em; }
            td.status { white-space: nowrap; width: 6em; }
            tr.na td { color: var(--muted); }
            table.items { table-layout: fixed; }
            col.c-num { width: 4.2em; } col.c-title { width: 38%; } col.c-status { width: 6.5em; }
            table.duties { table-layout: fixed; }
            col.c-who { width: 15%; } col.c-when { width: 8.5em; } col.c-duty { width: 30%; }
            table.axes { table-layout: fixed; }
            col.c-axis { width: 44%; } col.c-level { width: 6.5em; }
            .verdict { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin: 4px 0 8px; }
            .box { border: 1px solid var(--rule); border-left: 8px solid var(--muted); padding: 8px 14px 10px; }
            .box h2 { border: 0; margin: 0 0 2px; font-size: 10pt; color: var(--muted); padding: 0; }
            .box .big { font-size: 17pt; font-weight: 700; margin: 0 0 4px; }
            .box.HIGH, .box.required { border-left-color: #b3261e; }
            .box.HIGH .big, .box.required .big { color: #b3261e; }
            .box.MEDIUM { border-left-color: #b86e00; }
            .box.MEDIUM .big { color: #8f5600; }
            .box.LOW { border-left-color: #2e7d32; }
            .box.LOW .big { color: #1f6a24; }
            ul.reasons { margin: 4px 0 0; padding-left: 1.1em; }
            ul.reasons li { margin-bottom: 4px; }
            .meta { font-size: 8.5pt; color: var(--muted); }
            .why { font-size: 9pt; }
            code { font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: 8.5pt; }
            .id { white-space: nowrap; }
            .badge { display: inline-block; font-size: 7.5pt; line-height: 1.4; padding: 0 6px; margin: 0 2px;
                     border-radius: 7px; border: 1px solid; white-space: nowrap; vertical-align: 1px; }
            .prov-SEED { color: #1b5e20; border-color: #6aa56e; background: #eaf5ea; }
            .prov-PUBLIC { color: #0d3f8f; border-color: #7a9fd6; background: #e7effb; }
            .prov-INTERPRETATION { color: #7a4100; border-color: #d9a35c; background: #fff2e0; }
            .overlay { color: #5e1a80; border-color: #b48ccc; background: #f4eaf9; }
            .status-REQUIRED { font-weight: 700; }
            .status-NOT_APPLICABLE { color: var(--muted); }
            dl.legend { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 4px 0; }
            dl.legend dt { margin: 0; } dl.legend dd { margin: 0; }
            details { margin-top: 8px; }
            details > summary { cursor: pointer; font-weight: 600; color: var(--head); }
            table.trace td, table.trace th { font-size: 8.5pt; padding: 2px 5px; }
            mark.blank { background: #fff3a6; color: #5c4a00; padding: 0 2px; }
            blockquote { margin: 6px 0; padding: 4px 12px; border-left: 4px solid var(--rule); color: var(--muted); }
            section.footnotes { border-top: 1px solid var(--rule); margin-top: 24px; font-size: 8.5pt; color: var(--muted); }
            footer { margin-top: 24px; padding-top: 6px; border-top: 1px solid var(--rule); font-size: 8.5pt; color: var(--muted); }
            @page { size: A4; margin: 14mm 12mm; }
            @media print {
              html { font-size: 9pt; }
              body { background: #fff; }
              main { margin: 0; padding: 0; border: 0; max-width: none; }
              h2, h3 { break-after: avoid; }
              tr, .box, li { break-inside: avoid; }
              thead { display: table-header-group; }
              .noprint { display: none; }
              * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;
}
