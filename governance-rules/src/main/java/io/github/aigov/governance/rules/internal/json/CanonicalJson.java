package io.github.aigov.governance.rules.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * JSON in one canonical form, so that a hash over it is a hash over the meaning: the JSON
 * Canonicalization Scheme (RFC 8785) for the values an audit line holds. Object members sorted by
 * their names' UTF-16 code units; no whitespace; in strings, only the quote, the backslash and
 * the characters below U+0020 escaped ({@code \b \f \n \r \t}, the others as a backslash, {@code u}
 * and four lower-case hex digits), everything else as itself in UTF-8; integers in plain decimal.
 * Numbers with a fraction or an exponent and integers beyond ±(2^53−1) are refused: RFC 8785 would
 * write them differently from Java, and no line holds one. One extension: an unpaired surrogate,
 * which RFC 8785 refuses and UTF-8 cannot carry, is escaped like a control character, so that a
 * profile text holding one (JSON input can) is recorded exactly rather than refused or altered.
 */
public final class CanonicalJson {
    public static final BigInteger MAX_SAFE_INTEGER = BigInteger.valueOf(9_007_199_254_740_991L);

    private CanonicalJson() {
    }

    /** A value that has no canonical form here. */
    public static final class NotCanonical extends Exception {
        NotCanonical(String detail) {
            super(detail, null, false, false);
        }
    }

    public static String write(JsonNode node) throws NotCanonical {
        StringBuilder out = new StringBuilder(1024);
        write(node, out);
        return out.toString();
    }

    /** An object from its members' names and their values, each already canonical. */
    public static String object(SortedMap<String, String> members) {
        StringBuilder out = new StringBuilder(members.values().stream().mapToInt(String::length).sum() + 16 * members.size());
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> m : members.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(m.getKey(), out);
            out.append(':').append(m.getValue());
        }
        return out.append('}').toString();
    }

    public static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        string(s, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) throws NotCanonical {
        switch (node.getNodeType()) {
            case OBJECT -> {
                SortedMap<String, JsonNode> sorted = new TreeMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    sorted.put(e.getKey(), e.getValue());
                }
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(e.getKey(), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> {
                if (!node.isIntegralNumber()) {
                    throw new NotCanonical("a number with a fraction or an exponent: " + node);
                }
                BigInteger n = node.bigIntegerValue();
                if (n.abs().compareTo(MAX_SAFE_INTEGER) > 0) {
                    throw new NotCanonical("an integer beyond ±(2^53−1): " + n);
                }
                out.append(n);
            }
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new NotCanonical("a value that is not JSON: " + node.getNodeType());
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
