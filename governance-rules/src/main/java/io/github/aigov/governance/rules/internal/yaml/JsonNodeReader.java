package io.github.aigov.governance.rules.internal.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a JSON document into the located {@link YNode} tree that {@link YamlReader} would compose
 * from it with SnakeYAML, with Jackson's streaming parser instead. {@code assess-batch} reads JSON
 * Lines inventories, a profile a line, and SnakeYAML's scanner was a fifth of the batch's time;
 * Jackson reads the same line several times faster.
 *
 * <p>The answer must be the one SnakeYAML gives, node for node and location for location, because
 * every problem found later in a profile points at these locations. JSON is YAML only nearly, and
 * SnakeYAML 2.5 reads YAML 1.1: it has no {@code \/} escape, takes no tab between tokens, treats
 * NEL, LS and PS as line breaks (and folds them inside quoted scalars), refuses DEL, C1 controls,
 * unpaired surrogates and U+FFFE/U+FFFF, and drops a key from a flow map when the {@code :} after it
 * is on a later line or more than 1024 characters on. It counts columns in code points, where
 * Jackson counts UTF-16 units, and skips a leading byte order mark, which Jackson refuses. So this
 * reader answers only for text that both read alike, and declines the rest by returning
 * {@code null}: {@link YamlReader} then reads it with SnakeYAML, whose answer, and whose error
 * messages for text that is not well formed, stay the reference. Any JSON syntax error declines.
 *
 * <p>What it answers includes YamlReader's problems: a duplicate key (reported, the first value
 * kept, the later value not read further), and the depth and node limits of {@link InputLimits},
 * each with the code, location and message SnakeYAML's path gives. The size limit is YamlReader's
 * to check, before either reader runs. Not thread-safe; cheap to create.
 */
public final class JsonNodeReader {
    /**
     * Field names are canonicalised (one String per distinct name) but not interned: names come
     * from untrusted input. Jackson's own limits (nesting 1000, numbers of 1000 digits, ...) only
     * make it decline, and SnakeYAML then applies {@link InputLimits}.
     */
    private static final JsonFactory JSON = new JsonFactoryBuilder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    /** SnakeYAML's longest simple key: from the key's first character to its ':'. */
    private static final int SIMPLE_KEY_LENGTH = 1024;

    private static final int[] NO_PAIRS = {};

    /** What YamlReader would answer: the root ({@code null} when refused) and the problems found. */
    public record Read(YNode root, List<Problem> problems) {
        public Read {
            problems = List.copyOf(problems);
        }
    }

    private final InputLimits limits;

    public JsonNodeReader(InputLimits limits) {
        this.limits = limits;
    }

    /**
     * Whether the text is worth trying as JSON: its first character other than white space (after
     * a byte order mark) opens an object or an array. YAML's flow style starts the same way, so
     * this is only a guess; {@link #read} decides.
     */
    public static boolean startsLikeJson(String text) {
        for (int i = text.startsWith("\uFEFF") ? 1 : 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '[') {
                return true;
            }
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return false;
    }

    /**
     * The document as YamlReader would read it, or {@code null} when it is not a JSON object or
     * array, or is one that SnakeYAML reads otherwise or refuses: then it must be read as YAML.
     */
    public Read read(String text, String file) {
        // SnakeYAML skips a leading BOM and does not count it as a column; Jackson refuses it.
        String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int[] pairs = surrogatePairs(json);
        if (pairs == null) {
            return null;
        }
        try (JsonParser p = JSON.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                return null; // a scalar alone: rare, and not worth a second way of reading it
            }
            Walk walk = new Walk(json, file, p, pairs);
            YNode root = walk.node(0, true, p.currentTokenLocation());
            if (p.nextToken() != null) {
                return null; // a second value: SnakeYAML's syntax error, not a second document
            }
            return walk.result(root);
        } catch (IOException | NotReadAlike e) {
            return null;
        }
    }

    /**
     * The offsets of the surrogate pairs in {@code s}, in order, or {@code null} if it has a
     * character or escape that SnakeYAML reads otherwise than Jackson (see the class comment).
     */
    static int[] surrogatePairs(String s) {
        if (escapedSlash(s)) {
            return null;
        }
        int[] pairs = NO_PAIRS;
        int count = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x7F) {
                if (c < 0x20 && c != '\n' && c != '\r') {
                    return null; // a tab, or a control character (not JSON, unless escaped)
                }
            } else if (c > '\u2029' && c < '\uD800') {
                continue; // most of the BMP beyond Latin, CJK among it
            } else if (c < 0xA0 || c == '\u2028' || c == '\u2029' || c == '\uFEFF' || c >= '\uFFFE') {
                return null; // DEL, C1 (NEL among them), LS, PS, a BOM inside, non-characters
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return null; // unpaired: not printable for SnakeYAML
                }
                if (count == pairs.length) {
                    pairs = Arrays.copyOf(pairs, Math.max(8, count * 2));
                }
                pairs[count++] = i++;
            }
        }
        return count == pairs.length ? pairs : Arrays.copyOf(pairs, count);
    }

    /**
     * Whether a string has the escape {@code \/}, which YAML 1.1 does not have: a '/' after an odd
     * number of backslashes. (Outside strings a backslash is not JSON, and Jackson declines it.)
     */
    private static boolean escapedSlash(String s) {
        for (int i = s.indexOf("\\/"); i >= 0; i = s.indexOf("\\/", i + 2)) {
            int backslashes = 1;
            while (i - backslashes >= 0 && s.charAt(i - backslashes) == '\\') {
                backslashes++;
            }
            if (backslashes % 2 == 1) {
                return true;
            }
        }
        return false;
    }

    /** The JSON is valid, but SnakeYAML would not read it as Jackson does. */
    private static final class NotReadAlike extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final NotReadAlike INSTANCE = new NotReadAlike();

        private NotReadAlike() {
            super(null, null, false, false);
        }
    }

    /**
     * One pass over the tokens, in document order, which is also the order in which SnakeYAML
     * composes and YamlReader's converter converts: so duplicate keys and the node limit are found
     * where the converter finds them.
     */
    private final class Walk {
        private final String text;
        private final String file;
        private final JsonParser p;
        private final int[] pairs;
        private final Problems problems = new Problems();
        private int nodes;
        /** False once the node limit is reached: the converter stops there, with what it found so far. */
        private boolean converting = true;
        /** SnakeYAML's composer refuses the whole document, before any conversion. */
        private boolean tooDeep;

        Walk(String text, String file, JsonParser p, int[] pairs) {
            this.text = text;
            this.file = file;
            this.p = p;
            this.pairs = pairs;
        }

        Read result(YNode root) {
            if (tooDeep) {
                // SnakeYAML says which limit only in its message, without a mark: YamlReader locates it at the file.
                Problems depth = new Problems();
                depth.errorWithHint(ProblemCode.LIMIT_EXCEEDED, Location.of(file), Message.of("hint.limits"),
                        "problem.limit.depth", limits.maxDepth());
                return new Read(null, depth.all());
            }
            return new Read(converting ? root : null, problems.all());
        }

        /**
         * The node whose first token is the current one, at {@code where}. {@code converted}: the
         * converter would convert it (it is not, for instance, the value of a duplicate key). A node
         * that is not converted is still read to the end, since SnakeYAML composes it: it returns
         * {@code null}.
         */
        YNode node(int depth, boolean converted, JsonLocation where) throws IOException {
            // The composer checks every node, keys too; a key is as deep as its value.
            if (depth > limits.maxDepth()) {
                tooDeep = true;
            }
            boolean build = converted && converting && !tooDeep;
            Location at = null;
            if (build) {
                at = location(where);
                if (++nodes > limits.maxNodes()) {
                    problems.errorWithHint(ProblemCode.LIMIT_EXCEEDED, at, Message.of("hint.limits"),
                            "problem.limit.nodes", limits.maxNodes());
                    converting = false;
                    build = false;
                }
            }
            JsonToken t = p.currentToken();
            if (t == JsonToken.START_OBJECT) {
                return map(depth, at, build);
            }
            if (t == JsonToken.START_ARRAY) {
                return list(depth, at, build);
            }
            if (!build) {
                return null;
            }
            // Strings are double-quoted scalars; numbers, true, false and null plain ones, as written.
            return new YNode.YScalar(p.getText(), t != JsonToken.VALUE_STRING, at);
        }

        private YNode map(int depth, Location at, boolean build) throws IOException {
            List<YNode.Entry> entries = build ? new ArrayList<>() : null;
            Set<String> keys = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation keyAt = p.currentTokenLocation();
                p.nextToken();
                JsonLocation valueAt = p.currentTokenLocation();
                colonBesideKey(keyAt, valueAt);
                boolean keep = build && converting;
                Location keyLocation = null;
                boolean duplicate = false;
                if (keep) {
                    keyLocation = location(keyAt);
                    if (entries.size() >= 8 && keys == null) {
                        keys = new HashSet<>();
                        for (YNode.Entry e : entries) {
                            keys.add(e.key());
                        }
                    }
                    duplicate = keys != null ? !keys.add(key) : contains(entries, key);
                    if (duplicate) {
                        problems.error(ProblemCode.DUPLICATE_ID, keyLocation, "problem.yaml.duplicate-key", key);
                    }
                }
                YNode value = node(depth + 1, keep && !duplicate, valueAt);
                if (keep && !duplicate) {
                    entries.add(new YNode.Entry(key, keyLocation, value));
                }
            }
            return build && converting && !tooDeep ? new YNode.YMap(entries, at) : null;
        }

        private YNode list(int depth, Location at, boolean build) throws IOException {
            List<YNode> items = build ? new ArrayList<>() : null;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                YNode item = node(depth + 1, build, p.currentTokenLocation());
                if (build) {
                    items.add(item);
                }
            }
            return build && converting && !tooDeep ? new YNode.YList(items, at) : null;
        }

        private static boolean contains(List<YNode.Entry> entries, String key) {
            for (YNode.Entry e : entries) {
                if (e.key().equals(key)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * SnakeYAML takes a key of a flow map only if the ':' after it is on the key's line and at
         * most 1024 characters (code points) from the key's first one; otherwise the key is stale
         * and the map reads otherwise, or not at all. The ':' lies between the key and its value,
         * after nothing but white space.
         */
        private void colonBesideKey(JsonLocation key, JsonLocation value) {
            int k = (int) key.getCharOffset();
            int v = (int) value.getCharOffset();
            if (key.getLineNr() == value.getLineNr() && v - k <= SIMPLE_KEY_LENGTH) {
                return;
            }
            int colon = v - 1;
            while (text.charAt(colon) != ':') {
                colon--;
            }
            for (int i = colon - 1; text.charAt(i) != '"'; i--) {
                if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                    throw NotReadAlike.INSTANCE;
                }
            }
            if (text.codePointCount(k, colon) > SIMPLE_KEY_LENGTH) {
                throw NotReadAlike.INSTANCE;
            }
        }

        /** SnakeYAML's location: 1-based line, and column in code points, not UTF-16 units. */
        private Location location(JsonLocation l) {
            int column = l.getColumnNr();
            if (pairs.length > 0) {
                int offset = (int) l.getCharOffset();
                column -= pairsIn(offset - (column - 1), offset);
            }
            return new Location(file, l.getLineNr(), column, "");
        }

        /** How many surrogate pairs start within [from, to). */
        private int pairsIn(int from, int to) {
            return firstAtOrAfter(to) - firstAtOrAfter(from);
        }

        private int firstAtOrAfter(int offset) {
            int i = Arrays.binarySearch(pairs, offset);
            return i >= 0 ? i : -i - 1;
        }
    }
}
