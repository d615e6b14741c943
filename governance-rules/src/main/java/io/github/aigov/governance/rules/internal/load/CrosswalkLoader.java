package io.github.aigov.governance.rules.internal.load;

import io.github.aigov.governance.Crosswalk;
import io.github.aigov.governance.Crosswalk.Mapping;
import io.github.aigov.governance.Crosswalk.Reference;
import io.github.aigov.governance.Crosswalk.ReferenceGroup;
import io.github.aigov.governance.Crosswalk.Strength;
import io.github.aigov.governance.Crosswalk.Target;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.Provenance;
import io.github.aigov.governance.SourceRef;
import io.github.aigov.governance.rules.model.Definitions;
import io.github.aigov.governance.rules.model.Sheets;
import io.github.aigov.governance.rules.internal.yaml.Fields;
import io.github.aigov.governance.rules.internal.yaml.Problems;
import io.github.aigov.governance.rules.internal.yaml.Suggest;
import io.github.aigov.governance.rules.internal.yaml.YNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads crosswalks ({@code crosswalks/*.yaml}, kind {@code Crosswalk}) and a ministry's crosswalk overlays,
 * checks them against the definition set they map (every DS-920 id a mapping names exists in the set, every
 * reference it points at is listed in its file, every id is unique), and keeps the mappings of the set's
 * version. Every problem is reported at once, located like any definition's.
 *
 * <p>An overlay of kind {@code Crosswalk} replaces the crosswalk with its id, or adds one. An overlay of
 * kind {@code CrosswalkOverlay} extends one ({@code crosswalk: eu-ai-act}): it adds references (to a group
 * the crosswalk has, or in a new group), adds mappings or replaces those with the same id, and removes
 * mappings ({@code remove: [ids]}).
 */
public final class CrosswalkLoader {
    public static final String KIND = "Crosswalk";
    public static final String OVERLAY_KIND = "CrosswalkOverlay";
    private static final Set<String> TOP = Set.of("kind", "id", "title", "provenance", "citation", "guideline",
            "guidelineVersions", "framework", "groups", "mappings");
    private static final Set<String> OVERLAY_TOP = Set.of("kind", "id", "title", "provenance", "citation", "crosswalk",
            "groups", "mappings", "remove");
    private static final Set<String> FRAMEWORK = Set.of("id", "title", "version", "date", "publisher", "scope",
            "provenance", "citation");
    private static final Set<String> GROUP = Set.of("id", "title", "provenance", "citation", "references");
    private static final Set<String> REFERENCE = Set.of("id", "label", "title", "provenance", "citation");
    private static final Set<String> MAPPING = Set.of("id", "from", "options", "versions", "to", "reason", "provenance",
            "citation");
    private static final Map<String, Strength> STRENGTH = Fields.lowerNames(Strength.class);
    private static final Map<String, Provenance> INTERPRETATION = Map.of("interpretation", Provenance.INTERPRETATION);

    private final InputLimits limits;

    public CrosswalkLoader(InputLimits limits) {
        this.limits = limits;
    }

    /** The shipped crosswalks that map this set's version, in id order; each with this version's mappings. */
    public List<Crosswalk> shipped(Definitions defs, List<String> names) {
        Problems problems = new Problems();
        DocumentSource src = DocumentSource.classpath("crosswalks/");
        List<Crosswalk> out = new ArrayList<>();
        for (String name : names) {
            YNode root = new DefinitionLoader(limits).read(src, name + ".yaml", problems, DefinitionLoader.sha256());
            if (root == null) {
                continue;
            }
            Parsed p = parse(root, null, problems);
            if (p != null && p.versions.contains(defs.set().version())) {
                out.add(resolve(p, defs, problems));
            }
        }
        problems.throwIfErrors();
        out.sort(Comparator.comparing(Crosswalk::id));
        return List.copyOf(out);
    }

    /** The kind a YAML file declares, or {@code null} when it cannot be read (the loader it goes to says why). */
    public String kindOf(Path file) {
        Problems problems = new Problems();
        YNode root = new DefinitionLoader(limits).read(DocumentSource.directory(file.getParent()),
                file.getFileName().toString(), problems, DefinitionLoader.sha256(), false);
        Fields f = root == null ? null : Fields.lenient(root, "", new Problems());
        return f == null || !f.has("kind") ? null : f.text("kind", false);
    }

    /** The crosswalks with an overlay file (kind {@code Crosswalk} or {@code CrosswalkOverlay}) applied. */
    public List<Crosswalk> apply(List<Crosswalk> current, Definitions defs, Path file) {
        Problems problems = new Problems();
        YNode root = new DefinitionLoader(limits).read(DocumentSource.directory(file.getParent()),
                file.getFileName().toString(), problems, DefinitionLoader.sha256(), false);
        problems.throwIfErrors();
        Fields kindField = Fields.lenient(root, "", problems);
        String kind = kindField == null ? null : kindField.text("kind", true);
        Map<String, Crosswalk> byId = new LinkedHashMap<>();
        current.forEach(c -> byId.put(c.id(), c));
        if (OVERLAY_KIND.equals(kind)) {
            Crosswalk extended = extend(root, byId, defs, problems);
            problems.throwIfErrors();
            byId.put(extended.id(), extended);
        } else {
            Parsed p = parse(root, file.getFileName().toString(), problems);
            problems.throwIfErrors();
            if (!p.versions.contains(defs.set().version())) {
                problems.errorWithHint(ProblemCode.OVERLAY_BASE_MISMATCH, p.versionsAt,
                        Message.of("hint.crosswalk.version", defs.set().version()), "problem.crosswalk.version",
                        String.join(", ", p.versions), defs.set().id(), defs.set().version());
                problems.throwIfErrors();
            }
            Crosswalk c = resolve(p, defs, problems);
            problems.throwIfErrors();
            byId.put(c.id(), c);
        }
        List<Crosswalk> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(Crosswalk::id));
        return List.copyOf(out);
    }

    // -- the file as written

    private static final class Parsed {
        String id;
        LocalizedText title;
        SourceRef source;
        List<String> versions = List.of();
        Location versionsAt;
        Crosswalk.Framework framework;
        final List<ReferenceGroup> groups = new ArrayList<>();
        final List<RawMapping> mappings = new ArrayList<>();
    }

    private record RawTarget(String ref, Strength strength, Location at) {
    }

    private record RawMapping(String id, String from, List<String> options, List<String> versions, List<RawTarget> to,
                              LocalizedText reason, SourceRef source, Location fromAt, Location optionsAt) {
    }

    private Parsed parse(YNode root, String overlay, Problems problems) {
        Fields f = Fields.of(root, "", problems, TOP);
        if (f == null) {
            return null;
        }
        String kind = f.text("kind", true);
        if (kind != null && !kind.equals(KIND)) {
            problems.error(ProblemCode.INVALID_VALUE, f.at("kind"), "problem.kind", Fields.abbreviate(kind), KIND);
        }
        Parsed p = new Parsed();
        p.id = f.id("id");
        p.title = f.localized("title", true);
        f.choice("provenance", INTERPRETATION, true);
        LocalizedText citation = f.citation("citation", true);
        p.source = source(p.id, f.location(), Provenance.INTERPRETATION, citation, overlay);
        String guideline = f.text("guideline", true);
        if (guideline != null && !guideline.equals("DS-920")) {
            problems.error(ProblemCode.INVALID_VALUE, f.at("guideline"), "problem.value.invalid",
                    Fields.abbreviate(guideline), "guideline");
        }
        p.versions = f.texts("guidelineVersions", true);
        p.versionsAt = f.at("guidelineVersions");
        Fields fw = f.has("framework") ? Fields.of(f.node("framework"), "framework", problems, FRAMEWORK) : null;
        if (!f.has("framework")) {
            problems.error(ProblemCode.MISSING_FIELD, f.at("framework"), "problem.field.missing", "framework");
        } else if (fw != null) {
            String fid = fw.id("id");
            p.framework = new Crosswalk.Framework(fid, fw.localized("title", true), fw.text("version", true),
                    fw.text("date", true), fw.localized("publisher", true), fw.localized("scope", true),
                    source(fid, fw.location(), fw.choice("provenance", DefinitionParser.PROVENANCE, true),
                            fw.citation("citation", true), overlay));
        }
        Map<String, Location> seen = new HashMap<>();
        groups(f, "groups", true, overlay, seen, new HashMap<>(), p.groups, problems);
        mappings(f, true, overlay, p.versions, new HashMap<>(), p.mappings, problems);
        return p;
    }

    /** Reads groups of references; each reference id and group id once across the crosswalk. */
    private void groups(Fields f, String key, boolean required, String overlay, Map<String, Location> refIds,
                        Map<String, Location> groupIds, List<ReferenceGroup> into, Problems problems) {
        List<YNode> nodes = f.list(key, required);
        for (int gi = 0; gi < nodes.size(); gi++) {
            Fields g = Fields.of(nodes.get(gi), f.path(key) + "[" + gi + "]", problems, GROUP);
            if (g == null) {
                continue;
            }
            String gid = g.id("id");
            unique(gid, g.at("id"), groupIds, problems);
            List<Reference> refs = new ArrayList<>();
            List<YNode> rn = g.list("references", true);
            for (int ri = 0; ri < rn.size(); ri++) {
                Fields r = Fields.of(rn.get(ri), g.path("references") + "[" + ri + "]", problems, REFERENCE);
                if (r == null) {
                    continue;
                }
                String rid = r.id("id");
                unique(rid, r.at("id"), refIds, problems);
                String label = r.text("label", true);
                LocalizedText title = r.localized("title", true);
                Provenance prov = r.choice("provenance", DefinitionParser.PROVENANCE, true);
                LocalizedText cit = r.citation("citation", true);
                if (rid != null && label != null && title != null && prov != null) {
                    refs.add(new Reference(rid, label, title, source(rid, r.location(), prov, cit, overlay)));
                }
            }
            LocalizedText title = g.localized("title", true);
            Provenance prov = g.choice("provenance", DefinitionParser.PROVENANCE, true);
            LocalizedText cit = g.citation("citation", true);
            if (gid != null && title != null && prov != null) {
                into.add(new ReferenceGroup(gid, title, refs, source(gid, g.location(), prov, cit, overlay)));
            }
        }
    }

    private void mappings(Fields f, boolean required, String overlay, List<String> fileVersions, Map<String, Location> ids,
                          List<RawMapping> into, Problems problems) {
        List<YNode> nodes = f.list("mappings", required);
        for (int i = 0; i < nodes.size(); i++) {
            Fields m = Fields.of(nodes.get(i), f.path("mappings") + "[" + i + "]", problems, MAPPING);
            if (m == null) {
                continue;
            }
            String id = m.id("id");
            unique(id, m.at("id"), ids, problems);
            String from = m.id("from");
            List<String> options = m.has("options") ? m.texts("options", true) : List.of();
            List<String> versions = m.has("versions") ? m.texts("versions", true) : fileVersions;
            for (String v : versions) {
                if (!fileVersions.contains(v)) {
                    problems.error(ProblemCode.INVALID_VALUE, m.at("versions"), "problem.crosswalk.mapping-version",
                            Fields.abbreviate(v), String.join(", ", fileVersions));
                }
            }
            List<RawTarget> to = new ArrayList<>();
            List<YNode> tn = m.list("to", true);
            for (int ti = 0; ti < tn.size(); ti++) {
                Fields t = Fields.of(tn.get(ti), m.path("to") + "[" + ti + "]", problems, Set.of("ref", "strength"));
                if (t == null) {
                    continue;
                }
                String ref = t.id("ref");
                Strength strength = t.choice("strength", STRENGTH, true);
                if (ref != null && strength != null) {
                    to.add(new RawTarget(ref, strength, t.at("ref")));
                }
            }
            if (tn.isEmpty() && m.has("to")) {
                problems.error(ProblemCode.MISSING_FIELD, m.at("to"), "problem.field.missing", "to");
            }
            LocalizedText reason = m.localized("reason", true);
            m.choice("provenance", INTERPRETATION, true);
            LocalizedText cit = m.citation("citation", true);
            if (id != null && from != null && reason != null) {
                into.add(new RawMapping(id, from, options, versions, to, reason,
                        source(id, m.location(), Provenance.INTERPRETATION, cit, overlay), m.at("from"), m.at("options")));
            }
        }
    }

    private static void unique(String id, Location at, Map<String, Location> seen, Problems problems) {
        if (id == null) {
            return;
        }
        Location first = seen.putIfAbsent(id, at);
        if (first != null) {
            problems.error(ProblemCode.DUPLICATE_ID, at, "problem.id.duplicate", id, first.file() + ":" + first.line());
        }
    }

    private static SourceRef source(String id, Location l, Provenance provenance, LocalizedText citation, String overlay) {
        return new SourceRef(id == null ? "?" : id, l.file(), l.line(), l.column(),
                provenance == null ? Provenance.INTERPRETATION : provenance, citation, overlay);
    }

    // -- checked against the definitions, this version's mappings kept

    private Crosswalk resolve(Parsed p, Definitions defs, Problems problems) {
        Map<String, Reference> refs = new LinkedHashMap<>();
        p.groups.forEach(g -> g.references().forEach(r -> refs.put(r.id(), r)));
        List<Mapping> mappings = new ArrayList<>();
        for (RawMapping m : p.mappings) {
            Mapping resolved = resolve(m, refs, defs, problems);
            if (resolved != null) {
                mappings.add(resolved);
            }
        }
        return new Crosswalk(p.id, p.title, p.versions, p.framework, p.groups, mappings, p.source);
    }

    /** The mapping with its references resolved, or {@code null} when it does not hold in this set's version. */
    private Mapping resolve(RawMapping m, Map<String, Reference> refs, Definitions defs, Problems problems) {
        List<Target> targets = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (RawTarget t : m.to()) {
            Reference r = refs.get(t.ref());
            if (r == null) {
                problems.errorWithHint(ProblemCode.UNKNOWN_REFERENCE, t.at(), Suggest.hint(t.ref(), refs.keySet()),
                        "problem.crosswalk.reference", Fields.abbreviate(t.ref()));
            } else if (!seen.add(t.ref())) {
                problems.error(ProblemCode.DUPLICATE_ID, t.at(), "problem.crosswalk.reference-twice", t.ref());
            } else {
                targets.add(new Target(r, t.strength()));
            }
        }
        if (!m.versions().contains(defs.set().version())) {
            return null;
        }
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (Sheets.Axis a : defs.risk().axes()) {
            axes.put(a.meta().id(), a.options().stream().map(o -> o.meta().id()).toList());
        }
        Set<String> items = new LinkedHashSet<>();
        defs.checklists().forEach(c -> c.groups().forEach(g -> g.items().forEach(i -> items.add(i.meta().id()))));
        if (axes.containsKey(m.from())) {
            for (String o : m.options()) {
                if (!axes.get(m.from()).contains(o)) {
                    problems.errorWithHint(ProblemCode.UNKNOWN_REFERENCE, m.optionsAt(), Suggest.hint(o, axes.get(m.from())),
                            "problem.reference.option", Fields.abbreviate(o), m.from());
                }
            }
        } else if (items.contains(m.from())) {
            if (!m.options().isEmpty()) {
                problems.error(ProblemCode.INVALID_VALUE, m.optionsAt(), "problem.crosswalk.options-not-axis", m.from());
            }
        } else {
            List<String> known = new ArrayList<>(axes.keySet());
            known.addAll(items);
            problems.errorWithHint(ProblemCode.UNKNOWN_REFERENCE, m.fromAt(), Suggest.hint(m.from(), known),
                    "problem.crosswalk.from", Fields.abbreviate(m.from()), defs.set().id(), defs.set().version());
        }
        return new Mapping(m.id(), m.from(), m.options(), targets, m.reason(), m.source());
    }

    // -- CrosswalkOverlay

    private Crosswalk extend(YNode root, Map<String, Crosswalk> byId, Definitions defs, Problems problems) {
        Fields f = Fields.of(root, "", problems, OVERLAY_TOP);
        if (f == null) {
            problems.throwIfErrors();
        }
        String id = f.id("id");
        LocalizedText title = f.localized("title", true);
        f.choice("provenance", INTERPRETATION, true);
        f.citation("citation", true);
        String label = id == null ? "?" : id;
        String target = f.text("crosswalk", true);
        Crosswalk base = target == null ? null : byId.get(target);
        if (target != null && base == null) {
            problems.errorWithHint(ProblemCode.UNKNOWN_REFERENCE, f.at("crosswalk"), Suggest.hint(target, byId.keySet()),
                    "problem.crosswalk.unknown", Fields.abbreviate(target), defs.set().id(), defs.set().version());
        }
        if (title == null || base == null) {
            problems.throwIfErrors();
        }
        // references: appended to a group of the crosswalk, or a new group at the end
        Map<String, Location> refIds = new HashMap<>();
        Map<String, Location> groupIds = new HashMap<>();
        List<ReferenceGroup> added = new ArrayList<>();
        groups(f, "groups", false, label, refIds, groupIds, added, problems);
        List<ReferenceGroup> groups = new ArrayList<>(base.groups());
        for (ReferenceGroup g : added) {
            for (Reference r : g.references()) {
                if (base.reference(r.id()).isPresent()) {
                    problems.error(ProblemCode.DUPLICATE_ID, at(r.source()), "problem.id.duplicate", r.id(),
                            base.reference(r.id()).get().source().location());
                }
            }
            int i = indexOf(groups, g.id());
            if (i < 0) {
                groups.add(g);
            } else {
                ReferenceGroup old = groups.get(i);
                List<Reference> refs = new ArrayList<>(old.references());
                refs.addAll(g.references());
                groups.set(i, new ReferenceGroup(old.id(), old.title(), refs, old.source()));
            }
        }
        Map<String, Reference> refs = new LinkedHashMap<>();
        groups.forEach(g -> g.references().forEach(r -> refs.put(r.id(), r)));
        // mappings: removed, replaced by id, or added at the end
        Map<String, Mapping> mappings = new LinkedHashMap<>();
        base.mappings().forEach(m -> mappings.put(m.id(), m));
        List<String> remove = f.texts("remove", false);
        for (int i = 0; i < remove.size(); i++) {
            if (mappings.remove(remove.get(i)) == null) {
                problems.errorWithHint(ProblemCode.UNKNOWN_REFERENCE, f.at("remove"), Suggest.hint(remove.get(i),
                        mappings.keySet()), "problem.crosswalk.mapping", Fields.abbreviate(remove.get(i)), base.id());
            }
        }
        List<RawMapping> raw = new ArrayList<>();
        mappings(f, false, label, base.guidelineVersions(), new HashMap<>(), raw, problems);
        for (RawMapping m : raw) {
            Mapping resolved = resolve(m, refs, defs, problems);
            if (resolved != null) {
                mappings.put(resolved.id(), resolved);
            }
        }
        SourceRef s = base.source();
        return new Crosswalk(base.id(), base.title(), base.guidelineVersions(), base.framework(), groups,
                new ArrayList<>(mappings.values()), s);
    }

    private static Location at(SourceRef s) {
        return new Location(s.file(), s.line(), s.column(), s.definitionId());
    }

    private static int indexOf(List<ReferenceGroup> groups, String id) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
