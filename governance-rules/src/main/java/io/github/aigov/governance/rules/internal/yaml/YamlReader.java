package io.github.aigov.governance.rules.internal.yaml;

import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ProblemCode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML (or JSON) document into located {@link YNode}s, within {@link InputLimits}.
 * Only composes nodes: no object of any type is ever constructed from the document, and any tag
 * beyond plain maps, lists and scalars is refused.
 *
 * <p>Text that starts like JSON is first given to {@link JsonNodeReader}, which reads JSON into the
 * same nodes, locations and problems several times faster; whatever it declines (YAML's flow style,
 * comments, anything not well formed) is read by SnakeYAML as before.
 */
public final class YamlReader {
    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.MAP, Tag.SEQ, Tag.STR, Tag.INT, Tag.BOOL, Tag.FLOAT,
            Tag.NULL, Tag.TIMESTAMP);

    private final InputLimits limits;

    public YamlReader(InputLimits limits) {
        this.limits = limits;
    }

    /** The document's root, or {@code null} with the reasons added to {@code problems}. */
    public YNode read(String text, String file, Problems problems) {
        if (!withinSize(text, file, problems)) {
            return null;
        }
        if (JsonNodeReader.startsLikeJson(text)) {
            JsonNodeReader.Read json = new JsonNodeReader(limits).read(text, file);
            if (json != null) {
                problems.addAll(json.problems());
                return json.root();
            }
        }
        return compose(text, file, problems);
    }

    /**
     * The same, read by SnakeYAML whatever the text looks like: the reference that
     * {@link JsonNodeReader} is checked and measured against.
     */
    public YNode readAsYaml(String text, String file, Problems problems) {
        return withinSize(text, file, problems) ? compose(text, file, problems) : null;
    }

    private boolean withinSize(String text, String file, Problems problems) {
        if ((long) text.length() * 3 <= limits.maxDocumentBytes()) {
            return true; // a UTF-16 unit is at most 3 bytes of UTF-8: no need to count (or to copy) them
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxDocumentBytes()) {
            problems.errorWithHint(ProblemCode.LIMIT_EXCEEDED, Location.of(file),
                    Message.of("hint.limits"), "problem.limit.size", bytes, limits.maxDocumentBytes());
            return false;
        }
        return true;
    }

    private YNode compose(String text, String file, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setCodePointLimit(Math.max(1, limits.maxDocumentBytes()));
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        // Composing builds nodes only, never objects, so every tag may be composed: the converter
        // below then refuses any tag but plain maps, lists and scalars with its exact location
        // (GOV-0019), instead of SnakeYAML's generic "global tag is not allowed".
        options.setTagInspector(tag -> true);
        Node root;
        try {
            Yaml yaml = new Yaml(options);
            List<Node> docs = new ArrayList<>();
            for (Node n : yaml.composeAll(new StringReader(text))) {
                docs.add(n);
                if (docs.size() > 1) {
                    problems.error(ProblemCode.UNSUPPORTED_YAML, at(file, n.getStartMark()), "problem.yaml.multiple-documents");
                    return null;
                }
            }
            root = docs.isEmpty() ? null : docs.get(0);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String detail = e.getProblem() != null ? e.getProblem() : e.getMessage();
            refuse(detail, at(file, mark), problems);
            return null;
        } catch (YAMLException | IllegalArgumentException e) {
            refuse(String.valueOf(e.getMessage()), Location.of(file), problems);
            return null;
        } catch (StackOverflowError e) {
            problems.errorWithHint(ProblemCode.LIMIT_EXCEEDED, Location.of(file), Message.of("hint.limits"),
                    "problem.limit.depth", limits.maxDepth());
            return null;
        }
        if (root == null) {
            problems.error(ProblemCode.YAML_SYNTAX, Location.of(file), "problem.yaml.empty");
            return null;
        }
        Converter c = new Converter(file, problems);
        try {
            return c.convert(root, 0);
        } catch (LimitReached e) {
            return null;
        }
    }

    /**
     * Reports what SnakeYAML refused: a limit (with the limit's own message), or a syntax error.
     * SnakeYAML says which limit only in its message text, so that text is matched here.
     */
    private void refuse(String detail, Location at, Problems problems) {
        String d = detail == null ? "" : detail.toLowerCase(java.util.Locale.ROOT);
        Message hint = Message.of("hint.limits");
        if (d.contains("number of aliases")) {
            problems.errorWithHint(ProblemCode.LIMIT_EXCEEDED, at, hint, "problem.limit.aliases", limits.maxAliases());
        } else if (d.contains("nesting depth") || d.contains("recursive")) {
            problems.errorWithHint(ProblemCode.LIMIT_EXCEEDED, at, hint, "problem.limit.depth", limits.maxDepth());
        } else if (d.contains("code point") || d.contains("exceeds the limit")) {
            problems.errorWithHint(ProblemCode.LIMIT_EXCEEDED, at, hint, "problem.limit.code-points",
                    limits.maxDocumentBytes());
        } else {
            problems.errorWithHint(ProblemCode.YAML_SYNTAX, at, Message.of("hint.yaml.syntax"), "problem.yaml.syntax",
                    Fields.abbreviate(oneLine(detail), 200));
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    static Location at(String file, Mark mark) {
        return mark == null ? Location.of(file) : new Location(file, mark.getLine() + 1, mark.getColumn() + 1, "");
    }

    private static final class LimitReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LimitReached() {
            super(null, null, false, false);
        }
    }

    private final class Converter {
        private final String file;
        private final Problems problems;
        private final Map<Node, Boolean> onPath = new IdentityHashMap<>();
        private int nodes;

        Converter(String file, Problems problems) {
            this.file = file;
            this.problems = problems;
        }

        YNode convert(Node node, int depth) {
            Location loc = at(file, node.getStartMark());
            if (++nodes > limits.maxNodes()) {
                problems.errorWithHint(ProblemCode.LIMIT_EXCEEDED, loc, Message.of("hint.limits"),
                        "problem.limit.nodes", limits.maxNodes());
                throw new LimitReached();
            }
            if (depth > limits.maxDepth() || onPath.containsKey(node)) {
                problems.errorWithHint(ProblemCode.LIMIT_EXCEEDED, loc, Message.of("hint.limits"),
                        "problem.limit.depth", limits.maxDepth());
                throw new LimitReached();
            }
            if (!PLAIN_TAGS.contains(node.getTag())) {
                problems.error(ProblemCode.UNSUPPORTED_YAML, loc, "problem.yaml.tag", Fields.abbreviate(node.getTag().getValue()));
                return new YNode.YScalar("", true, loc);
            }
            onPath.put(node, Boolean.TRUE);
            try {
                if (node instanceof MappingNode m) {
                    List<YNode.Entry> entries = new ArrayList<>();
                    for (NodeTuple t : m.getValue()) {
                        Node k = t.getKeyNode();
                        Location kloc = at(file, k.getStartMark());
                        if (!PLAIN_TAGS.contains(k.getTag())) {
                            problems.error(ProblemCode.UNSUPPORTED_YAML, kloc, "problem.yaml.tag",
                                    Fields.abbreviate(k.getTag().getValue()));
                            continue;
                        }
                        if (!(k instanceof ScalarNode ks)) {
                            problems.error(ProblemCode.WRONG_TYPE, kloc, "problem.yaml.key-not-text");
                            continue;
                        }
                        String key = ks.getValue();
                        if (entries.stream().anyMatch(e -> e.key().equals(key))) {
                            problems.error(ProblemCode.DUPLICATE_ID, kloc, "problem.yaml.duplicate-key", key);
                            continue;
                        }
                        entries.add(new YNode.Entry(key, kloc, convert(t.getValueNode(), depth + 1)));
                    }
                    return new YNode.YMap(entries, loc);
                }
                if (node instanceof SequenceNode s) {
                    List<YNode> items = new ArrayList<>();
                    for (Node n : s.getValue()) {
                        items.add(convert(n, depth + 1));
                    }
                    return new YNode.YList(items, loc);
                }
                ScalarNode sc = (ScalarNode) node;
                return new YNode.YScalar(sc.getValue(), sc.isPlain(), loc);
            } finally {
                onPath.remove(node);
            }
        }
    }
}
