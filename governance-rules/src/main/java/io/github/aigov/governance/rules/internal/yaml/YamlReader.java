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
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
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
        if (text.codePointCount(0, text.length()) > Math.max(1, limits.maxDocumentBytes())) {
            problems.errorWithHint(ProblemCode.LIMIT_EXCEEDED, Location.of(file), Message.of("hint.limits"),
                    "problem.limit.code-points", limits.maxDocumentBytes());
            return null;
        }
        LoaderOptions options = options();
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
        } catch (YAMLException | IllegalArgumentException e) {
            refuse(text, file, e, problems);
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

    private LoaderOptions options() {
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
        return options;
    }

    /**
     * Reports what SnakeYAML refused, in the library's own words: which limit (found by reading the text's
     * events again, counting as SnakeYAML's composer counts: maps and lists nested, aliases of maps and
     * lists; a limit is the file's, as the JSON reader reports it), or where the text stops being YAML.
     * SnakeYAML's own (English) text is never shown.
     */
    private void refuse(String text, String file, RuntimeException refused, Problems problems) {
        Message hint = Message.of("hint.limits");
        int depth = 0;
        int aliases = 0;
        java.util.Set<String> collections = new java.util.HashSet<>();
        try {
            for (Event e : new Yaml(options()).parse(new StringReader(text))) {
                if (e instanceof CollectionStartEvent start) {
                    if (start.getAnchor() != null) {
                        collections.add(start.getAnchor());
                    }
                    if (++depth > limits.maxDepth()) {
                        problems.errorWithHint(ProblemCode.LIMIT_EXCEEDED, Location.of(file), hint,
                                "problem.limit.depth", limits.maxDepth());
                        return;
                    }
                } else if (e instanceof CollectionEndEvent) {
                    depth--;
                } else if (e instanceof AliasEvent alias && collections.contains(alias.getAnchor())
                        && ++aliases > limits.maxAliases()) {
                    problems.errorWithHint(ProblemCode.LIMIT_EXCEEDED, Location.of(file), hint,
                            "problem.limit.aliases", limits.maxAliases());
                    return;
                }
            }
        } catch (MarkedYAMLException e) {
            syntax(text, file, e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(), problems);
            return;
        } catch (YAMLException | IllegalArgumentException e) {
            syntax(text, file, null, problems);
            return;
        }
        if (refused instanceof MarkedYAMLException m) {
            syntax(text, file, m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark(), problems);
        } else {
            // well formed, within the depth and the aliases: a key that refers to the map it is in
            problems.errorWithHint(ProblemCode.LIMIT_EXCEEDED, Location.of(file), hint, "problem.limit.depth", limits.maxDepth());
        }
    }

    /** Where the text stops being YAML: what stands there, or that it ends too early. */
    private static void syntax(String text, String file, Mark mark, Problems problems) {
        Location at = at(file, mark);
        String here = mark == null ? null : TextAt.position(text, mark.getLine() + 1, mark.getColumn() + 1);
        if (here == null) {
            problems.errorWithHint(ProblemCode.YAML_SYNTAX, at, Message.of("hint.yaml.syntax"), "problem.yaml.syntax-end");
        } else {
            problems.errorWithHint(ProblemCode.YAML_SYNTAX, at, Message.of("hint.yaml.syntax"), "problem.yaml.syntax",
                    Fields.abbreviate(here));
        }
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
