package io.github.aigov.governance.rules.internal.cases;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.RiskLevel;
import io.github.aigov.governance.rules.internal.load.DocumentFile;
import io.github.aigov.governance.rules.internal.load.ProfileReader;
import io.github.aigov.governance.rules.internal.yaml.Fields;
import io.github.aigov.governance.rules.internal.yaml.Problems;
import io.github.aigov.governance.rules.internal.yaml.Suggest;
import io.github.aigov.governance.rules.internal.yaml.YNode;
import io.github.aigov.governance.rules.internal.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a golden case file ({@code kind: GoldenCase}) with the project's located YAML layer. The profile is read
 * exactly as a profile file is ({@link ProfileReader#fromNode}); the expectation is checked against the engine's
 * catalog, so a misspelt item or axis is a located problem, not a case that silently checks nothing.
 */
public final class CaseReader {
    static final String KIND = "GoldenCase";
    /** The field naming the guideline version a case was written for. */
    static final String VERSION = "guidelineVersion";
    private static final Set<String> TOP = Set.of("kind", "name", "description", VERSION, "profile", "expect");
    private static final Set<String> EXPECT = Set.of("classification", "escalation", "decidedBy", "axes", "items",
            "itemsByStatus", "obligations", "obligationsByStatus");
    private static final Map<String, Classification> CLASSIFICATIONS = Fields.names(Classification.class);
    private static final Map<String, RiskLevel> LEVELS = Fields.names(RiskLevel.class);
    private static final Map<String, ItemStatus> STATUSES = Fields.names(ItemStatus.class);

    private final InputLimits limits;
    private final List<String> axisIds;
    private final List<String> itemIds;
    private final List<String> obligationIds;

    public CaseReader(InputLimits limits, DefinitionCatalog catalog) {
        this.limits = limits;
        this.axisIds = catalog.axes().stream().map(DefinitionCatalog.Axis::id).toList();
        this.itemIds = catalog.checklists().stream().flatMap(c -> c.groups().stream())
                .flatMap(g -> g.items().stream()).map(DefinitionCatalog.Item::id).toList();
        this.obligationIds = catalog.obligations().stream().map(DefinitionCatalog.Obligation::id).toList();
    }

    /** The case, or {@code null} with every reason added to {@code problems}. */
    public GoldenCase read(Path file, Problems problems) {
        Problems own = new Problems();
        YNode root = document(file, limits, own);
        GoldenCase c = root == null ? null : parse(root, file.toString(), own);
        problems.addAll(own.all());
        return own.hasErrors() ? null : c;
    }

    /**
     * A case file's document, its problems added to {@code problems}: {@code null} when nothing could be
     * read, else the document, with any problem it has reported (so the case's own problems are too).
     */
    public static YNode document(Path file, InputLimits limits, Problems problems) {
        String label = file.toString();
        String text = DocumentFile.text(file, label, limits.maxDocumentBytes(), problems);
        return text == null ? null : new YamlReader(limits).read(text, label, problems);
    }

    /**
     * The guideline version a case names ({@code guidelineVersion}), read before the case itself, since its
     * items are checked against that version's definitions; {@code null} when it names none. Its problems
     * (a list where text belongs, ...) are reported when the case is read.
     */
    public static String guidelineVersion(YNode root) {
        return root instanceof YNode.YMap m && m.get(VERSION) instanceof YNode.YScalar s && !s.isNull() ? s.value() : null;
    }

    /** Parses a case from text; {@code label} names it in locations. */
    public GoldenCase parse(String text, String label, Problems problems) {
        Problems own = new Problems();
        YNode root = new YamlReader(limits).read(text, label, own);
        GoldenCase c = root == null ? null : parse(root, label, own);
        problems.addAll(own.all());
        return own.hasErrors() ? null : c;
    }

    /** Reads a case from its document; {@code label} names it in locations. */
    public GoldenCase parse(YNode root, String label, Problems problems) {
        Problems own = new Problems();
        try {
            Fields f = Fields.of(root, "", own, TOP);
            if (f == null) {
                return null;
            }
            String kind = f.text("kind", true);
            if (kind != null && !kind.equals(KIND)) {
                own.error(ProblemCode.INVALID_VALUE, f.at("kind"), "problem.kind", Fields.abbreviate(kind), KIND);
            }
            String name = f.text("name", true);
            if (name != null && name.isBlank()) {
                own.error(ProblemCode.MISSING_FIELD, f.at("name"), "problem.field.missing", "name");
            }
            String version = f.text(VERSION, false);
            String description = f.text("description", false);
            ProjectProfile profile = null;
            if (f.has("profile")) {
                profile = ProfileReader.fromNode(f.node("profile"), "profile", label, own);
            } else {
                own.error(ProblemCode.MISSING_FIELD, f.at("profile"), "problem.field.missing", "profile");
            }
            GoldenCase.Expectation expect = null;
            if (f.has("expect")) {
                expect = expectation(Fields.of(f.node("expect"), "expect", own, EXPECT));
            } else {
                own.error(ProblemCode.MISSING_FIELD, f.at("expect"), "problem.field.missing", "expect");
            }
            if (own.hasErrors()) {
                return null;
            }
            return new GoldenCase(label, name, description == null ? "" : description, version, profile, expect);
        } finally {
            problems.addAll(own.all());
        }
    }

    private GoldenCase.Expectation expectation(Fields e) {
        if (e == null) {
            return null;
        }
        Classification classification = e.choice("classification", CLASSIFICATIONS, true);
        Boolean escalation = e.bool("escalation", true);
        String decidedBy = e.has("decidedBy") ? e.id("decidedBy") : null;
        Map<String, RiskLevel> axes = axes(e);
        Map<String, ItemStatus> items = statuses(e, "items", itemIds);
        Map<ItemStatus, List<String>> byStatus = byStatus(e, "itemsByStatus", itemIds, "problem.case.item-unlisted",
                "hint.case.item-unlisted");
        Map<String, ItemStatus> obligations = statuses(e, "obligations", obligationIds);
        Map<ItemStatus, List<String>> obligationsByStatus = byStatus(e, "obligationsByStatus", obligationIds,
                "problem.case.obligation-unlisted", "hint.case.obligation-unlisted");
        if (classification == null || escalation == null) {
            return null;
        }
        return new GoldenCase.Expectation(classification, escalation, decidedBy, axes, items, byStatus, obligations,
                obligationsByStatus);
    }

    /** {@code axes: { users: HIGH }}: axis ids must exist. */
    private Map<String, RiskLevel> axes(Fields e) {
        Map<String, RiskLevel> axes = new LinkedHashMap<>();
        YNode node = e.node("axes");
        if (node == null) {
            return axes;
        }
        if (!(node instanceof YNode.YMap m)) {
            e.problems().error(ProblemCode.WRONG_TYPE, e.at("axes"), "problem.type", "map", node.kind());
            return axes;
        }
        for (YNode.Entry entry : m.entries()) {
            String path = e.path("axes") + "." + entry.key();
            if (!axisIds.contains(entry.key())) {
                e.problems().errorWithHint(ProblemCode.UNKNOWN_REFERENCE, Fields.located(entry.keyLocation(), path),
                        Suggest.hint(entry.key(), axisIds), "problem.reference.axis", Fields.abbreviate(entry.key()));
                continue;
            }
            RiskLevel level = value(entry.value(), path, LEVELS, e.problems());
            if (level != null) {
                axes.put(entry.key(), level);
            }
        }
        return axes;
    }

    /**
     * {@code items: { PROC-20: NOT_APPLICABLE }} or {@code obligations: { DUTY-...: REQUIRED }}: the ids must be
     * the definitions' items (or obligations).
     */
    private Map<String, ItemStatus> statuses(Fields e, String key, List<String> known) {
        Map<String, ItemStatus> items = new LinkedHashMap<>();
        YNode node = e.node(key);
        if (node == null) {
            return items;
        }
        if (!(node instanceof YNode.YMap m)) {
            e.problems().error(ProblemCode.WRONG_TYPE, e.at(key), "problem.type", "map", node.kind());
            return items;
        }
        for (YNode.Entry entry : m.entries()) {
            String path = e.path(key) + "." + entry.key();
            if (!known(entry.key(), known, Fields.located(entry.keyLocation(), path), e.path(key), e.problems())) {
                continue;
            }
            ItemStatus status = value(entry.value(), path, STATUSES, e.problems());
            if (status != null) {
                items.put(entry.key(), status);
            }
        }
        return items;
    }

    /**
     * {@code itemsByStatus: { REQUIRED: [ ... ], ... }} (or {@code obligationsByStatus}): every item (or
     * obligation) exactly once.
     */
    private Map<ItemStatus, List<String>> byStatus(Fields e, String key, List<String> known, String unlisted,
                                                   String unlistedHint) {
        Map<ItemStatus, List<String>> byStatus = new LinkedHashMap<>();
        if (!e.has(key)) {
            return byStatus;
        }
        Fields s = Fields.of(e.node(key), e.path(key), e.problems(), STATUSES.keySet());
        if (s == null) {
            return byStatus;
        }
        Map<String, Location> seen = new LinkedHashMap<>();
        for (YNode.Entry entry : ((YNode.YMap) e.node(key)).entries()) { // document order
            ItemStatus status = STATUSES.get(entry.key());
            if (status == null || !s.has(entry.key())) {
                continue; // reported as an unknown field
            }
            List<YNode> nodes = s.list(entry.key(), false);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                YNode n = nodes.get(i);
                String path = s.path(entry.key()) + "[" + i + "]";
                Location at = Fields.located(n.location(), path);
                if (!(n instanceof YNode.YScalar sc) || sc.isNull()) {
                    e.problems().error(ProblemCode.WRONG_TYPE, at, "problem.type", "text", n.kind());
                    continue;
                }
                String id = sc.value();
                if (!known(id, known, at, s.path(entry.key()), e.problems())) {
                    continue;
                }
                Location before = seen.putIfAbsent(id, at);
                if (before != null) {
                    e.problems().error(ProblemCode.DUPLICATE_ID, at, "problem.id.duplicate", id, before.toString());
                    continue;
                }
                ids.add(id);
            }
            byStatus.put(status, ids);
        }
        Set<String> missing = new LinkedHashSet<>(known);
        missing.removeAll(seen.keySet());
        for (String id : missing) {
            e.problems().errorWithHint(ProblemCode.MISSING_FIELD, s.location(), Message.of(unlistedHint), unlisted, id);
        }
        return byStatus;
    }

    private static boolean known(String id, List<String> known, Location at, String field, Problems problems) {
        if (known.contains(id)) {
            return true;
        }
        problems.errorWithHint(ProblemCode.UNKNOWN_REFERENCE, at, Suggest.hint(id, known), "problem.value.invalid",
                Fields.abbreviate(id), field);
        return false;
    }

    /** A scalar from a closed vocabulary. */
    private static <E> E value(YNode value, String path, Map<String, E> choices, Problems problems) {
        Location at = Fields.located(value.location(), path);
        if (!(value instanceof YNode.YScalar s) || s.isNull()) {
            problems.error(ProblemCode.WRONG_TYPE, at, "problem.type", "text", value.kind());
            return null;
        }
        E e = choices.get(s.value());
        if (e == null) {
            problems.errorWithHint(ProblemCode.INVALID_VALUE, at, Suggest.hint(s.value(), choices.keySet()),
                    "problem.value.invalid", Fields.abbreviate(s.value()), path);
        }
        return e;
    }
}
