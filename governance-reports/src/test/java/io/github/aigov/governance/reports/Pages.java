package io.github.aigov.governance.reports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading rendered HTML back in tests: one element's markup, or a page's visible text. */
final class Pages {
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");

    private Pages() {
    }

    /** The markup from the start tag carrying {@code id="..."} to the next {@code closing} tag. */
    static String element(String html, String id, String closing) {
        int start = html.indexOf("id=\"" + id + "\"");
        if (start < 0) {
            throw new AssertionError("no element with id " + id);
        }
        int end = html.indexOf(closing, start);
        return html.substring(start, end < 0 ? html.length() : end + closing.length());
    }

    /** The text a reader sees: tags dropped, entities decoded, whitespace collapsed. */
    static String text(String html) {
        String body = html.replaceAll("(?s)<style.*?</style>", " ").replaceAll("(?s)<head>.*?</head>", " ");
        String text = TAG.matcher(body).replaceAll(" ");
        Matcher m = ENTITY.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> new String(Character.toChars(e.startsWith("#x")
                        ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(b, Matcher.quoteReplacement(r));
        }
        m.appendTail(b);
        return b.toString().replaceAll("\\s+", " ");
    }

    /** Text as it appears in HTML source: the report's own escaping. */
    static String escaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
