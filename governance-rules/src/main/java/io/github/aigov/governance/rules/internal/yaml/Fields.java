package io.github.aigov.governance.rules.internal.yaml;

import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed, located access to the fields of one YAML map. Every problem (unknown field, missing field,
 * wrong type, value outside its vocabulary) is added to {@link Problems} and reading goes on, so
 * one load reports everything.
 */
public final class Fields {
    /** Definition identifiers: safe to place in generated rules. */
    public static final Pattern ID = Pattern.compile("^[A-Za-z][A-Za-z0-9_.-]{0,63}$");
    /**
     * The longest text a definition, an overlay or a golden case may hold in one field, in UTF-16
     * code units (as a spreadsheet counts characters): every paper carries it whole. The tightest
     * paper is the checklist workbook, whose cells hold at most 32,767 characters, and whose
     * fullest cell joins a reason with its rule and provenance; 4,000 leaves room for that many
     * times over. Not configurable: a longer text could not be printed.
     */
    public static final int MAX_TEXT = 4_000;
    /** For documents whose texts are bounded elsewhere (a profile's constraints). */
    public static final int UNBOUNDED_TEXT = Integer.MAX_VALUE;

    private final YNode.YMap map;
    private final String path;
    private final Problems problems;
    private final int maxText;

    private Fields(YNode.YMap map, String path, Problems problems, int maxText) {
        this.map = map;
        this.path = path;
        this.problems = problems;
        this.maxText = maxText;
    }

    /**
     * Fields of {@code node} if it is a map (else a problem and {@code null}); unknown keys are reported.
     * Every text read is at most {@link #MAX_TEXT} long.
     */
    public static Fields of(YNode node, String path, Problems problems, Set<String> allowed) {
        return of(node, path, problems, allowed, MAX_TEXT);
    }

    /** As {@link #of(YNode, String, Problems, Set)}, with every text read at most {@code maxText} long. */
    public static Fields of(YNode node, String path, Problems problems, Set<String> allowed, int maxText) {
        if (!(node instanceof YNode.YMap m)) {
            if (node != null) {
                problems.error(ProblemCode.WRONG_TYPE, located(node.location(), path), "problem.type", "map", node.kind());
            }
            return null;
        }
        for (YNode.Entry e : m.entries()) {
            if (!allowed.contains(e.key())) {
                problems.errorWithHint(ProblemCode.UNKNOWN_FIELD, located(e.keyLocation(), join(path, e.key())),
                        Suggest.hint(e.key(), allowed), "problem.field.unknown", e.key());
            }
        }
        return new Fields(m, path, problems, maxText);
    }

    /** Fields of a map without checking its keys (the caller checks them elsewhere); texts at most {@link #MAX_TEXT} long. */
    public static Fields lenient(YNode node, String path, Problems problems) {
        return node instanceof YNode.YMap m ? new Fields(m, path, problems, MAX_TEXT) : null;
    }

    public static Location located(Location l, String path) {
        return new Location(l.file(), l.line(), l.column(), path);
    }

    public static String join(String path, String key) {
        return path == null || path.isEmpty() ? key : path + "." + key;
    }

    public Problems problems() {
        return problems;
    }

    public String path() {
        return path;
    }

    public String path(String key) {
        return join(path, key);
    }

    /** The location of a field's value, or of this map when the field is absent. */
    public Location at(String key) {
        YNode n = map.get(key);
        return located(n == null ? map.location() : n.location(), path(key));
    }

    public Location location() {
        return located(map.location(), path);
    }

    public boolean has(String key) {
        YNode n = map.get(key);
        return n != null && !(n instanceof YNode.YScalar s && s.isNull());
    }

    public YNode node(String key) {
        return has(key) ? map.get(key) : null;
    }

    private boolean missing(String key, boolean required) {
        if (!has(key)) {
            if (required) {
                problems.error(ProblemCode.MISSING_FIELD, at(key), "problem.field.missing", key);
            }
            return true;
        }
        return false;
    }

    /** A scalar's text, refused (and {@code null}) when longer than this map's text limit. */
    public String text(String key, boolean required) {
        if (missing(key, required)) {
            return null;
        }
        YNode n = map.get(key);
        if (n instanceof YNode.YScalar s) {
            return withinLimit(s.value(), at(key));
        }
        problems.error(ProblemCode.WRONG_TYPE, at(key), "problem.type", "text", n.kind());
        return null;
    }

    /**
     * Every text this layer reads passes here: one place for the limit, whatever the field (a title, a
     * reason, a citation in either language, a number, a case's name).
     */
    private String withinLimit(String text, Location at) {
        if (text.length() > maxText) {
            problems.errorWithHint(ProblemCode.LIMIT_EXCEEDED, at, Message.of("hint.limit.text", maxText),
                    "problem.limit.text", text.length(), maxText);
            return null;
        }
        return text;
    }

    /** An identifier matching {@link #ID}. */
    public String id(String key) {
        String v = text(key, true);
        if (v != null && !ID.matcher(v).matches()) {
            problems.errorWithHint(ProblemCode.INVALID_ID, at(key), Message.of("hint.id"), "problem.id.invalid", abbreviate(v));
            return null;
        }
        return v;
    }

    /** {@code { ja: ..., en: ... }}, both required. */
    public LocalizedText localized(String key, boolean required) {
        if (missing(key, required)) {
            return null;
        }
        Fields f = of(map.get(key), path(key), problems, Set.of("ja", "en"), maxText);
        if (f == null) {
            return null;
        }
        String ja = f.text("ja", true);
        String en = f.text("en", true);
        return ja == null || en == null ? null : new LocalizedText(ja, en);
    }

    /**
     * A citation, {@code { ja: ..., en: ... }}, both required. A single text, the form definitions had
     * before citations were bilingual, is still read (so that older definitions, and the records they
     * decided, can be replayed), as the same text in both languages, with a warning that says how to
     * write it.
     */
    public LocalizedText citation(String key, boolean required) {
        if (map.get(key) instanceof YNode.YScalar s && !s.isNull()) {
            problems.add(new Problem(ProblemCode.WRONG_TYPE, Severity.WARNING, at(key),
                    Message.of("problem.citation.one-language", key), Message.of("hint.citation.one-language", key)));
            String text = withinLimit(s.value(), at(key));
            return text == null ? null : LocalizedText.of(text);
        }
        return localized(key, required);
    }

    /** A value from a closed vocabulary: the spelling written must be one of {@code choices}' keys. */
    public <E> E choice(String key, Map<String, E> choices, boolean required) {
        String v = text(key, required);
        if (v == null) {
            return null;
        }
        E e = choices.get(v);
        if (e == null) {
            problems.errorWithHint(ProblemCode.INVALID_VALUE, at(key), Suggest.hint(v, choices.keySet()),
                    "problem.value.invalid", abbreviate(v), key);
        }
        return e;
    }

    /** Enum constants spelled as their names. */
    public static <E extends Enum<E>> Map<String, E> names(Class<E> type) {
        Map<String, E> m = new LinkedHashMap<>();
        for (E e : type.getEnumConstants()) {
            m.put(e.name(), e);
        }
        return m;
    }

    /** Enum constants spelled in lower case. */
    public static <E extends Enum<E>> Map<String, E> lowerNames(Class<E> type) {
        Map<String, E> m = new LinkedHashMap<>();
        for (E e : type.getEnumConstants()) {
            m.put(e.name().toLowerCase(java.util.Locale.ROOT), e);
        }
        return m;
    }

    public Boolean bool(String key, boolean required) {
        return choice(key, Map.of("true", Boolean.TRUE, "false", Boolean.FALSE), required);
    }

    public Integer integer(String key, boolean required, int min, int max) {
        String v = text(key, required);
        if (v == null) {
            return null;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) {
                problems.error(ProblemCode.INVALID_VALUE, at(key), "problem.value.range", abbreviate(v), min, max);
                return null;
            }
            return i;
        } catch (NumberFormatException e) {
            problems.error(ProblemCode.WRONG_TYPE, at(key), "problem.type", "integer", "text");
            return null;
        }
    }

    /** A list's items, or empty with a problem. */
    public List<YNode> list(String key, boolean required) {
        if (missing(key, required)) {
            return List.of();
        }
        YNode n = map.get(key);
        if (n instanceof YNode.YList l) {
            return l.items();
        }
        problems.error(ProblemCode.WRONG_TYPE, at(key), "problem.type", "list", n.kind());
        return List.of();
    }

    /**
     * A list of values from a closed vocabulary, each spelled as one of {@code choices}' keys, none twice;
     * at least one when required. Each wrong entry is reported at its own position.
     */
    public <E> List<E> choices(String key, Map<String, E> choices, boolean required) {
        List<E> out = new ArrayList<>();
        List<YNode> items = list(key, required);
        if (required && has(key) && items.isEmpty() && map.get(key) instanceof YNode.YList) {
            problems.error(ProblemCode.MISSING_FIELD, at(key), "problem.field.missing", key);
        }
        for (int i = 0; i < items.size(); i++) {
            YNode n = items.get(i);
            Location where = located(n.location(), path(key) + "[" + i + "]");
            if (!(n instanceof YNode.YScalar s) || s.isNull()) {
                problems.error(ProblemCode.WRONG_TYPE, where, "problem.type", "text", n.kind());
                continue;
            }
            String v = withinLimit(s.value(), where);
            if (v == null) {
                continue;
            }
            E e = choices.get(v);
            if (e == null) {
                problems.errorWithHint(ProblemCode.INVALID_VALUE, where, Suggest.hint(v, choices.keySet()),
                        "problem.value.invalid", abbreviate(v), key);
            } else if (out.contains(e)) {
                problems.error(ProblemCode.INVALID_VALUE, where, "problem.value.repeated", abbreviate(v), key);
            } else {
                out.add(e);
            }
        }
        return out;
    }

    /** A list of texts. */
    public List<String> texts(String key, boolean required) {
        List<String> out = new ArrayList<>();
        List<YNode> items = list(key, required);
        for (int i = 0; i < items.size(); i++) {
            YNode n = items.get(i);
            if (n instanceof YNode.YScalar s && !s.isNull()) {
                String text = withinLimit(s.value(), located(n.location(), path(key) + "[" + i + "]"));
                if (text != null) {
                    out.add(text);
                }
            } else {
                problems.error(ProblemCode.WRONG_TYPE, located(n.location(), path(key) + "[" + i + "]"), "problem.type", "text",
                        n.kind());
            }
        }
        return out;
    }

    public static String abbreviate(String s) {
        return abbreviate(s, 60);
    }

    /** One line of at most {@code max} characters (and at least 4), for quoting input in a message. */
    public static String abbreviate(String s, int max) {
        String one = s.replaceAll("[\\r\\n\\t]+", " ");
        if (one.length() <= max) {
            return one;
        }
        int cut = Math.max(1, max - 3);
        if (Character.isHighSurrogate(one.charAt(cut - 1))) {
            cut--; // never split a character in two
        }
        return one.substring(0, cut) + "...";
    }
}
