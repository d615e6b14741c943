package io.github.aigov.governance.rules.internal.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * JSON texts for the tests of {@link JsonNodeReader}. A document is a plain tree ({@link Map} with
 * text keys in order, {@link List}, {@link String}, {@link Num}, {@link Boolean}, {@code null}),
 * from a YAML file or generated, written in one of several {@link Layout}s, or with random white
 * space between its tokens.
 */
public final class JsonTexts {
    private JsonTexts() {
    }

    /** A JSON number, written exactly as given (so {@code 1.50} stays {@code 1.50}). */
    public record Num(String literal) {
    }

    /** How a tree is written. Every layout is JSON that SnakeYAML reads as Jackson does. */
    public enum Layout {
        /** One line, no spaces. */
        COMPACT,
        /** One line, as governance-bench's InventoryGenerator writes a profile: no spaces, its own escaping. */
        INVENTORY,
        /** One line with a space after each ':' and ','. */
        SPACED,
        /** Two-space indentation, "key": value. */
        PRETTY,
        /** Four-space indentation and CR LF line ends. */
        PRETTY_CRLF,
        /** Jackson's default pretty printer: "key" : value, [ 1, 2 ], { }. */
        JACKSON_PRETTY,
        /** Every character beyond ASCII as a backslash-u escape (supplementary ones as two). */
        ASCII,
        /** A byte order mark and blank lines before a compact document. */
        BOM_AND_BLANK_LINES
    }

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /** The document a YAML file's nodes describe: plain scalars that are JSON literals become them. */
    public static Object tree(YNode node) {
        if (node instanceof YNode.YMap m) {
            Map<String, Object> map = new LinkedHashMap<>();
            m.entries().forEach(e -> map.put(e.key(), tree(e.value())));
            return map;
        }
        if (node instanceof YNode.YList l) {
            List<Object> list = new ArrayList<>();
            l.items().forEach(i -> list.add(tree(i)));
            return list;
        }
        YNode.YScalar s = (YNode.YScalar) node;
        if (!s.plain()) {
            return s.value();
        }
        if (s.isNull()) {
            return null;
        }
        if (s.value().equals("true") || s.value().equals("false")) {
            return Boolean.valueOf(s.value());
        }
        return NUMBER.matcher(s.value()).matches() ? new Num(s.value()) : s.value();
    }

    public static String write(Object tree, Layout layout) {
        return switch (layout) {
            case COMPACT -> new Writer(null, "", ":", ",", Escaping.SAFE).write(tree);
            case INVENTORY -> new Writer(null, "", ":", ",", Escaping.INVENTORY).write(tree);
            case SPACED -> new Writer(null, "", ": ", ", ", Escaping.SAFE).write(tree);
            case PRETTY -> new Writer("  ", "\n", ": ", ",", Escaping.SAFE).write(tree);
            case PRETTY_CRLF -> new Writer("    ", "\r\n", ": ", ",", Escaping.SAFE).write(tree) + "\r\n";
            case JACKSON_PRETTY -> jacksonPretty(tree);
            case ASCII -> new Writer(null, "", ":", ",", Escaping.ASCII).write(tree);
            case BOM_AND_BLANK_LINES -> "\uFEFF\n\n  " + new Writer(null, "", ":", ",", Escaping.SAFE).write(tree) + "\n\n";
        };
    }

    /**
     * The tree with random white space (spaces, LF, CR LF, CR, now and then a tab) between its
     * tokens and random escaping (now and then raw characters SnakeYAML reads otherwise, or
     * {@code \/}): JSON that SnakeYAML sometimes reads otherwise or refuses.
     */
    public static String scrambled(Object tree, Random random) {
        int e = random.nextInt(10);
        Escaping escaping = e < 5 ? Escaping.SAFE : e < 7 ? Escaping.ASCII : e < 9 ? Escaping.INVENTORY : Escaping.SLASHES;
        Writer w = new Writer(null, "", ":", ",", escaping);
        w.random = random;
        return w.write(tree);
    }

    // -- generated trees

    private static final String[] TEXTS = {"", "a", "id", "名前", "テスト用プロファイル", "😀", "𝄞 clef", "key with spaces",
        "quote\"d", "back\\slash", "slash/ed", "tab\tand\nline\r\nends", "<<", "~", "null", "true", "yes", "0x1F", "1.50",
        "- item", "# not a comment", "a: b", "a:b", "&anchor", "*alias", "!tag", "!!str", "%directive", "---", "...",
        "? x", "{}", "[]", ",", "@", "`", "'single'", "\u0000", "\u0007\u0008\u000b\u000c\u001b", "\u007f", "\u0085",
        "\u00a0", "\u2028", "\u2029", "\ufeff", "\ufffe\uffff", "\ud800", "\udc00 lone", "e\u0301", "Ωmega",
        "ｈａｌｆ　ｗｉｄｔｈ", "  leading and trailing  ", " "};
    private static final String[] NUMBERS = {"0", "-0", "1", "-1", "42", "1.50", "0.0", "-0.5", "1e5", "1E+5", "2.5e-3",
        "-2.5E-03", "123456789012345678901234567890", "3.141592653589793238462643383279", "1e400", "-1e-400"};
    private static final int[][] CODE_POINTS = {{0x20, 0x7e}, {0x00, 0x1f}, {0x7f, 0x9f}, {0xa0, 0xff}, {0x3040, 0x30ff},
        {0x4e00, 0x9fff}, {0x2000, 0x206f}, {0xd800, 0xdfff}, {0xfff0, 0xffff}, {0x1f300, 0x1f64f}, {0x10000, 0x10ffff}};

    /** A random document: maps, lists, every kind of scalar, texts of any character; at most {@code depth} levels below. */
    public static Object randomTree(Random r, int depth) {
        int kind = r.nextInt(depth <= 0 ? 4 : 10);
        switch (kind) {
            case 0:
                return randomText(r);
            case 1:
                return new Num(NUMBERS[r.nextInt(NUMBERS.length)]);
            case 2:
                return r.nextBoolean();
            case 3:
                return null;
            case 4, 5, 6: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = r.nextInt(6); i > 0; i--) {
                    // Jackson refuses an unpaired surrogate in a key, even escaped (and is declined): not in keys
                    map.put(randomText(r).replaceAll("\\p{Cs}", "?"),
                            randomTree(r, depth - 1));
                }
                return map;
            }
            default: {
                List<Object> list = new ArrayList<>();
                for (int i = r.nextInt(6); i > 0; i--) {
                    list.add(randomTree(r, depth - 1));
                }
                return list;
            }
        }
    }

    private static String randomText(Random r) {
        if (r.nextInt(3) > 0) {
            return TEXTS[r.nextInt(TEXTS.length)];
        }
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) {
            int[] range = CODE_POINTS[r.nextInt(CODE_POINTS.length)];
            int c = range[0] + r.nextInt(range[1] - range[0] + 1);
            if (c <= 0xffff) {
                s.append((char) c); // a lone surrogate too
            } else {
                s.appendCodePoint(c);
            }
        }
        return s.toString();
    }

    // -- profiles as governance-bench's InventoryGenerator writes them

    private static final String[] USERS = {"STAFF_SPECIFIC", "STAFF_GENERAL", "EXTERNAL_CONTRACTED", "PUBLIC"};
    private static final String[] WORK = {"INTERNAL_SUPPORT", "INFORMATION_PROVISION", "POLICY_ANALYSIS",
        "RIGHTS_AFFECTING", "LIFE_SAFETY"};
    private static final String[] DATA = {"PUBLIC_ONLY", "INTERNAL_NON_CONFIDENTIAL", "SENSITIVE_IN_PROMPTS",
        "SENSITIVE_LEARNED"};
    private static final String[] JUDGEMENT = {"EVERY_OUTPUT", "SAMPLED", "NONE"};
    private static final String[] FORMS = {"SAAS_API", "CUSTOMISATION", "NEW_DEVELOPMENT"};
    private static final String[] ORGANISATIONS = {"デジタル庁", "内閣府", "総務省", "厚生労働省", "国税庁", "気象庁"};
    private static final String[] PURPOSES = {"会議録作成支援", "業務マニュアル検索チャット", "政策分析支援", "行政情報案内チャットボット",
        "審査・給付事務支援", "災害対応情報提供"};
    private static final String[][] MODELS = {{"gpt-4o", "OpenAI"}, {"claude-sonnet", "Anthropic"},
        {"llm-jp-13b", "NII"}, {"example-llm", "Example Corp."}, {"国産LLM-α", "株式会社サンプル"}};
    private static final String[] DESCRIPTIONS = {"職員が作成する文書の下書きを生成する。出力は必ず職員が確認してから使用する。",
        "Answers questions from the published guidance only; answers are logged and reviewed weekly.",
        "Summarises case files for the officer in charge, who decides; drafts are never sent as they are.",
        "Quotes \"the notice\" and a path C:\\data\\in.txt,\tthen a tab and\na second line.", ""};

    /**
     * A profile with the fields, order and vocabulary of an InventoryGenerator profile; one in
     * eight has one of its defects (an unknown option, a missing axis or field, an unknown form).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> inventoryProfile(Random r, long index) {
        String organisation = ORGANISATIONS[r.nextInt(ORGANISATIONS.length)];
        String[] model = MODELS[r.nextInt(MODELS.length)];
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", String.format(Locale.ROOT, "inv-%07d", index + 1));
        f.put("name", organisation + " " + PURPOSES[r.nextInt(PURPOSES.length)] + " " + (index + 1));
        f.put("organisation", organisation);
        f.put("description", DESCRIPTIONS[r.nextInt(DESCRIPTIONS.length)]);
        f.put("scope", map("textGeneration", r.nextInt(50) > 0, "specifiedSecrets", r.nextInt(100) == 0));
        f.put("model", map("name", model[0], "vendor", model[1]));
        f.put("procurement", map("form", FORMS[r.nextInt(FORMS.length)], "vendorTrainsModel", r.nextBoolean()));
        Map<String, Object> axes = map("users", pick(r, USERS), "work", pick(r, WORK), "data", pick(r, DATA),
                "judgement", pick(r, JUDGEMENT));
        f.put("axes", axes);
        switch (r.nextInt(8) == 0 ? r.nextInt(4) : -1) {
            case 0 -> axes.put("users", ((String) axes.get("users")).toLowerCase(Locale.ROOT) + "_TYPO");
            case 1 -> axes.remove("data");
            case 2 -> f.remove("organisation");
            case 3 -> ((Map<String, Object>) f.get("procurement")).put("form", "OUTSOURCED");
            default -> {
            }
        }
        return f;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static String pick(Random r, String[] options) {
        return options[r.nextInt(options.length)];
    }

    // -- writing

    private enum Escaping {
        /** What JSON requires, and \\u escapes for what SnakeYAML reads otherwise raw. */
        SAFE,
        /** SAFE, and every character beyond ASCII escaped. */
        ASCII,
        /** InventoryGenerator's: ", \, LF, TAB, CR and other controls only; everything else raw. */
        INVENTORY,
        /** INVENTORY, and '/' as {@code \/} (valid JSON, but not YAML 1.1). */
        SLASHES
    }

    /** Characters SnakeYAML reads otherwise than Jackson when they are written raw. */
    static boolean unsafeRaw(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff' || c >= '\ufffe';
    }

    private static final class Writer {
        private static final String[] SPACE = {" ", "  ", "\n", "\r\n", "\r", "\n    ", "\t"};
        private final StringBuilder out = new StringBuilder();
        private final String indent;
        private final String newline;
        private final String colon;
        private final String comma;
        private final Escaping escaping;
        Random random;

        Writer(String indent, String newline, String colon, String comma, Escaping escaping) {
            this.indent = indent;
            this.newline = newline;
            this.colon = colon;
            this.comma = comma;
            this.escaping = escaping;
        }

        String write(Object tree) {
            space();
            value(tree, 0);
            space();
            return out.toString();
        }

        private void space() {
            if (random != null && random.nextInt(3) == 0) {
                String s = SPACE[random.nextInt(SPACE.length)];
                if (!s.equals("\t") || random.nextInt(10) == 0) {
                    out.append(s);
                }
            }
        }

        private void line(int level) {
            if (indent != null) {
                out.append(newline).append(indent.repeat(level));
            }
            space();
        }

        @SuppressWarnings("unchecked")
        private void value(Object v, int level) {
            if (v instanceof Map<?, ?> m) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                    if (!first) {
                        out.append(comma);
                    }
                    first = false;
                    line(level + 1);
                    string(e.getKey());
                    if (random != null && random.nextInt(40) == 0) {
                        space(); // a line break here makes SnakeYAML drop the key: now and then only
                    } else if (random != null && random.nextInt(4) == 0) {
                        out.append(' ');
                    }
                    out.append(colon);
                    space();
                    value(e.getValue(), level + 1);
                    space();
                }
                if (!m.isEmpty()) {
                    line(level);
                }
                out.append('}');
            } else if (v instanceof List<?> l) {
                out.append('[');
                boolean first = true;
                for (Object item : l) {
                    if (!first) {
                        out.append(comma);
                    }
                    first = false;
                    line(level + 1);
                    value(item, level + 1);
                    space();
                }
                if (!l.isEmpty()) {
                    line(level);
                }
                out.append(']');
            } else if (v instanceof String s) {
                string(s);
            } else if (v instanceof Num n) {
                out.append(n.literal());
            } else {
                out.append(v); // true, false, null
            }
        }

        private void string(String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\t' -> out.append("\\t");
                    case '\r' -> out.append("\\r");
                    case '\b' -> out.append(escaping == Escaping.SAFE ? "\\b" : "\\u0008");
                    case '\f' -> out.append(escaping == Escaping.SAFE ? "\\f" : "\\u000c");
                    case '/' -> out.append(escaping == Escaping.SLASHES ? "\\/" : "/");
                    default -> {
                        boolean escape = switch (escaping) {
                            case SAFE -> unsafeRaw(c) || (Character.isSurrogate(c) && !paired(s, i));
                            case ASCII -> c < 0x20 || c >= 0x7f;
                            case INVENTORY, SLASHES -> c < 0x20;
                        };
                        if (escape) {
                            out.append(String.format(Locale.ROOT, i % 2 == 0 ? "\\u%04x" : "\\u%04X", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        private static boolean paired(String s, int i) {
            char c = s.charAt(i);
            return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
    }

    /** Jackson's own generator and pretty printer, escaping what SnakeYAML reads otherwise raw. */
    private static String jacksonPretty(Object tree) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.setCharacterEscapes(new SafeEscapes());
            g.useDefaultPrettyPrinter();
            generate(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void generate(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                g.writeFieldName(e.getKey());
                generate(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object item : l) {
                generate(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Num n) {
            g.writeNumber(n.literal());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeNull();
        }
    }

    private static final class SafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        SafeEscapes() {
            ascii[0x7f] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // Jackson hands over a surrogate pair's halves one by one: escaping both is the same text.
            return unsafeRaw((char) ch) || Character.isSurrogate((char) ch)
                    ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch)) : null;
        }
    }
}
