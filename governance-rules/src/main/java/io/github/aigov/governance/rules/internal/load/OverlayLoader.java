package io.github.aigov.governance.rules.internal.load;

import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.rules.internal.model.Definitions;
import io.github.aigov.governance.rules.internal.model.Meta;
import io.github.aigov.governance.rules.internal.model.Rules.ApplicabilityRule;
import io.github.aigov.governance.rules.internal.model.Rules.CombinationRule;
import io.github.aigov.governance.rules.internal.model.Rules.EscalationRule;
import io.github.aigov.governance.rules.internal.model.Rules.Rule;
import io.github.aigov.governance.rules.internal.model.Sheets.Axis;
import io.github.aigov.governance.rules.internal.model.Sheets.Checklist;
import io.github.aigov.governance.rules.internal.model.Sheets.Duty;
import io.github.aigov.governance.rules.internal.model.Sheets.Group;
import io.github.aigov.governance.rules.internal.model.Sheets.Item;
import io.github.aigov.governance.rules.internal.model.Sheets.Option;
import io.github.aigov.governance.rules.internal.model.Sheets.RiskSheet;
import io.github.aigov.governance.rules.internal.model.Sheets.SheetKind;
import io.github.aigov.governance.rules.internal.yaml.Fields;
import io.github.aigov.governance.rules.internal.yaml.Problems;
import io.github.aigov.governance.rules.internal.yaml.Suggest;
import io.github.aigov.governance.rules.internal.yaml.YNode;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies a ministry's overlay to a definition set: change an option's level (or add an option),
 * add items, add or change obligations (the ministry's duties), add or replace combination,
 * escalation and applicability rules (an obligation sheet's too). The overlay names the
 * base it extends and is refused if the base does not match. Every definition it contributes
 * remembers the overlay, so decisions and traces tell the guideline from the ministry's additions.
 *
 * <p>The result is a new {@link Definitions}; the base is never modified, so an engine built
 * from it is untouched whatever the overlay contains.
 */
public final class OverlayLoader {
    private static final Set<String> TOP = Set.of("kind", "id", "title", "base", "provenance", "citation", "options",
            "items", "obligations", "combination", "escalation", "applicability", "questions");
    private static final Set<String> PLACE = Set.of("before", "after");

    private final InputLimits limits;

    public OverlayLoader(InputLimits limits) {
        this.limits = limits;
    }

    /** The base with the overlay applied; every problem in the overlay reported at once. */
    public Definitions apply(Definitions base, Path file) {
        Problems problems = new Problems();
        MessageDigest digest = DefinitionLoader.sha256();
        YNode root = new DefinitionLoader(limits).read(DocumentSource.directory(file.getParent()),
                file.getFileName().toString(), problems, digest, false);
        problems.throwIfErrors();
        String hash = "sha256:" + HexFormat.of().formatHex(digest.digest());
        Fields f = Fields.of(root, "", problems, TOP);
        if (f == null) {
            problems.throwIfErrors();
        }
        String kind = f.text("kind", true);
        if (kind != null && !kind.equals("Overlay")) {
            problems.error(ProblemCode.INVALID_VALUE, f.at("kind"), "problem.kind", Fields.abbreviate(kind), "Overlay");
        }
        String id = f.id("id");
        LocalizedText title = f.localized("title", true);
        f.choice("provenance", DefinitionParser.PROVENANCE, true);
        LocalizedText citation = f.citation("citation", true);
        Fields b = f.has("base") ? Fields.of(f.node("base"), "base", problems, Set.of("id", "version")) : null;
        if (b == null) {
            problems.error(ProblemCode.MISSING_FIELD, f.at("base"), "problem.field.missing", "base");
        } else {
            String baseId = b.text("id", true);
            String baseVersion = b.text("version", true);
            if (baseId != null && baseVersion != null
                    && (!baseId.equals(base.set().id()) || !baseVersion.equals(base.set().version()))) {
                // The hint names what the overlay needs: the version it extends (the option to pass), or,
                // for another set altogether, that set.
                Message hint = baseId.equals(base.set().id())
                        ? Message.of("hint.overlay.base", Fields.abbreviate(baseId), Fields.abbreviate(baseVersion))
                        : Message.of("hint.overlay.base-set", Fields.abbreviate(baseId), Fields.abbreviate(baseVersion));
                problems.errorWithHint(ProblemCode.OVERLAY_BASE_MISMATCH, b.location(), hint,
                        "problem.overlay.base", Fields.abbreviate(baseId), Fields.abbreviate(baseVersion), base.set().id(),
                        base.set().version());
            }
        }
        problems.throwIfErrors();

        String label = id == null ? file.toString() : id;
        DefinitionParser parser = new DefinitionParser(problems, label);
        RiskSheet risk = base.risk();
        List<Checklist> checklists = new ArrayList<>(base.checklists());

        // options: change the level of an existing option, or add one
        List<Axis> axes = new ArrayList<>(risk.axes());
        List<Entry> optionEntries = entries(f, "options", problems, Set.of("axis"));
        unique(optionEntries, e -> scalar(e.extra, "axis") + "\u0000" + scalar(e.extra, "id"), problems);
        for (Entry e : optionEntries) {
            String axisId = e.extra.text("axis", true);
            int ai = indexOf(axes, a -> a.meta().id(), axisId);
            if (axisId == null) {
                continue;
            }
            if (ai < 0) {
                problems.errorWithHint(ProblemCode.UNKNOWN_REFERENCE, e.extra.at("axis"),
                        Suggest.hint(axisId, axes.stream().map(a -> a.meta().id()).toList()), "problem.reference.axis",
                        Fields.abbreviate(axisId));
                continue;
            }
            Axis axis = axes.get(ai);
            String optionId = e.extra.text("id", true);
            int oi = indexOf(axis.options(), o -> o.meta().id(), optionId);
            Option parsed = parser.option(e.node, e.path, axisId, Set.of("axis"), oi < 0);
            if (parsed == null || parsed.meta().id() == null) {
                continue;
            }
            List<Option> options = new ArrayList<>(axis.options());
            if (oi >= 0) {
                Option old = options.get(oi);
                Meta m = parsed.meta().title() == null
                        ? new Meta(parsed.meta().id(), old.meta().title(), parsed.meta().provenance(), parsed.meta().citation(),
                        parsed.meta().location(), label)
                        : parsed.meta();
                options.set(oi, new Option(m, axisId, parsed.level(), parsed.reason()));
            } else {
                options.add(parsed);
            }
            axes.set(ai, new Axis(axis.meta(), axis.question(), options));
        }

        // items: add to a group of a checklist
        for (Entry e : entries(f, "items", problems, Set.of("checklist", "group"))) { // each added: a second is a duplicate in the set
            String cid = e.extra.text("checklist", true);
            String gid = e.extra.text("group", true);
            Item item = parser.item(e.node, e.path, Set.of("checklist", "group"));
            int ci = sheet(checklists, cid, e.extra, "checklist", SheetKind.CHECKLIST, problems);
            if (ci < 0 || item == null || gid == null) {
                continue;
            }
            Checklist c = checklists.get(ci);
            int gi = group(c, gid, e.extra, problems);
            if (gi < 0) {
                continue;
            }
            List<Group> groups = new ArrayList<>(c.groups());
            Group g = groups.get(gi);
            List<Item> items = new ArrayList<>(g.items());
            items.add(item);
            groups.set(gi, new Group(g.meta(), items));
            checklists.set(ci, c.with(groups, c.applicability()));
        }

        // obligations: change one of a group of an obligation sheet (what is left out is kept), or add one
        for (Entry e : entries(f, "obligations", problems, Set.of("sheet", "group"))) {
            String sid = e.extra.text("sheet", true);
            String gid = e.extra.text("group", true);
            int si = sheet(checklists, sid, e.extra, "sheet", SheetKind.OBLIGATIONS, problems);
            Checklist c = si < 0 ? null : checklists.get(si);
            int gi = c == null || gid == null ? -1 : group(c, gid, e.extra, problems);
            Group g = gi < 0 ? null : c.groups().get(gi);
            int oi = g == null ? -1 : indexOf(g.items(), i -> i.meta().id(), e.extra.text("id", false));
            Item parsed = parser.obligation(e.node, e.path, Set.of("sheet", "group"), oi < 0);
            if (g == null || parsed == null || parsed.meta().id() == null) {
                continue;
            }
            List<Item> items = new ArrayList<>(g.items());
            if (oi >= 0) {
                items.set(oi, changed(items.get(oi), parsed, label));
            } else {
                items.add(parsed);
            }
            List<Group> groups = new ArrayList<>(c.groups());
            groups.set(gi, new Group(g.meta(), items));
            checklists.set(si, c.with(groups, c.applicability()));
        }

        List<CombinationRule> combination = new ArrayList<>(risk.combination());
        for (Entry e : unique(entries(f, "combination", problems, PLACE), problems)) {
            place(combination, parser.combinationRule(e.node, e.path, PLACE), e, problems);
        }
        List<EscalationRule> escalation = new ArrayList<>(risk.escalation());
        for (Entry e : unique(entries(f, "escalation", problems, PLACE), problems)) {
            place(escalation, parser.escalationRule(e.node, e.path, PLACE), e, problems);
        }
        for (Entry e : unique(entries(f, "applicability", problems, with(PLACE, "checklist")),
                e -> scalar(e.extra, "checklist") + "\u0000" + scalar(e.extra, "id"), problems)) {
            String cid = e.extra.text("checklist", true);
            int ci = checklist(checklists, cid, e.extra, problems);
            if (ci < 0) {
                continue;
            }
            Checklist c = checklists.get(ci);
            List<ApplicabilityRule> rules = new ArrayList<>(c.applicability());
            place(rules, parser.applicability(e.node, e.path, c.meta().id(), with(PLACE, "checklist")), e, problems);
            checklists.set(ci, c.with(c.groups(), rules));
        }
        RiskSheet merged = new RiskSheet(risk.meta(), risk.scope(), axes, combination, escalation);
        new DefinitionChecker(problems).check(merged, checklists);
        io.github.aigov.governance.Questionnaire questionnaire = new QuestionnaireParser(problems, label)
                .overlay(base.questionnaire(), f, merged);
        problems.throwIfErrors();
        List<DefinitionsRef.OverlayRef> overlays = new ArrayList<>(base.overlays());
        overlays.add(new DefinitionsRef.OverlayRef(label, file.normalize().toString(), hash, title, citation));
        // The merged set was checked whole, so its warnings replace the base's: a base warning the
        // overlay resolves disappears, and none is reported twice.
        return new Definitions(base.set(), merged, checklists, base.hash(), overlays, problems.warnings(), questionnaire);
    }

    private record Entry(YNode node, String path, Fields extra) {
    }

    /** The entries of one list, each with lenient access to its placement fields. */
    private static List<Entry> entries(Fields f, String key, Problems problems, Set<String> extra) {
        List<Entry> out = new ArrayList<>();
        List<YNode> nodes = f.list(key, false);
        for (int i = 0; i < nodes.size(); i++) {
            String path = key + "[" + i + "]";
            Fields lenient = Fields.lenient(nodes.get(i), path, problems);
            if (lenient != null) {
                out.add(new Entry(nodes.get(i), path, lenient));
            } else {
                problems.error(ProblemCode.WRONG_TYPE, Fields.located(nodes.get(i).location(), path), "problem.type", "map",
                        nodes.get(i).kind());
            }
        }
        return out;
    }

    /** {@link #unique(List, Function, Problems)} by id alone. */
    private static List<Entry> unique(List<Entry> entries, Problems problems) {
        return unique(entries, e -> scalar(e.extra, "id"), problems);
    }

    /**
     * One list of an overlay names each definition once: a second entry with the same id (for options, on
     * the same axis; for applicability rules, of the same checklist) would silently replace the first.
     * Refused like an id defined twice in a set, at the second entry, naming the first. (Entries that are
     * both kept, such as two items, or rules of two checklists, meet in the set's own duplicate check.)
     */
    private static List<Entry> unique(List<Entry> entries, Function<Entry, String> key, Problems problems) {
        Map<String, Entry> seen = new HashMap<>();
        for (Entry e : entries) {
            String id = scalar(e.extra, "id");
            if (id == null) {
                continue; // reported where the entry is read
            }
            Entry before = seen.putIfAbsent(key.apply(e), e);
            if (before != null) {
                problems.error(ProblemCode.DUPLICATE_ID, Fields.located(e.node.location(), Fields.join(e.path, "id")),
                        "problem.id.duplicate", Fields.abbreviate(id), Fields.located(before.node.location(), before.path));
            }
        }
        return entries;
    }

    /** A field's text as written, without reporting anything (the entry's own reading reports its problems). */
    private static String scalar(Fields f, String key) {
        return f.node(key) instanceof YNode.YScalar s ? s.value() : null;
    }

    /** Replace the rule with the same id in place, or insert a new one: before/after a named rule, else first. */
    private static <R extends Rule> void place(List<R> rules, R rule, Entry e, Problems problems) {
        if (rule == null || rule.meta().id() == null) {
            return;
        }
        String before = e.extra.text("before", false);
        String after = e.extra.text("after", false);
        if (before != null && after != null) {
            problems.error(ProblemCode.INVALID_VALUE, e.extra.at("after"), "problem.overlay.before-and-after");
            return;
        }
        int existing = indexOf(rules, r -> r.meta().id(), rule.meta().id());
        if (existing >= 0) {
            rules.remove(existing);
            if (before == null && after == null) {
                rules.add(existing, rule);
                return;
            }
        }
        String anchor = before != null ? before : after;
        if (anchor == null) {
            rules.add(0, rule);
            return;
        }
        int at = indexOf(rules, r -> r.meta().id(), anchor);
        if (at < 0) {
            problems.errorWithHint(ProblemCode.UNKNOWN_REFERENCE, e.extra.at(before != null ? "before" : "after"),
                    Suggest.hint(anchor, rules.stream().map(r -> r.meta().id()).toList()), "problem.reference.rule",
                    Fields.abbreviate(anchor));
            rules.add(rule); // still checked below, so its other problems are reported too
            return;
        }
        rules.add(before != null ? at : at + 1, rule);
    }

    /**
     * An obligation changed by an overlay: its provenance, citation and place are the overlay's; its title,
     * number, roles and timing are the overlay's where it gives them, else the base's.
     */
    private static Item changed(Item old, Item given, String overlay) {
        Meta m = given.meta();
        Meta meta = new Meta(m.id(), m.title() == null ? old.meta().title() : m.title(), m.provenance(), m.citation(),
                m.location(), overlay);
        Duty was = old.duty();
        Duty now = given.duty();
        Duty duty = now == null ? was : new Duty(now.roles().isEmpty() ? was.roles() : now.roles(),
                now.timing() == null ? was.timing() : now.timing());
        return new Item(meta, given.number() == null ? old.number() : given.number(), duty);
    }

    /**
     * The index of the sheet of this kind with this id; a problem if there is none, saying so when the id
     * names a sheet of the other kind (items are added to checklists, obligations to obligation sheets).
     */
    private static int sheet(List<Checklist> sheets, String id, Fields at, String field, SheetKind kind, Problems problems) {
        if (id == null) {
            return -1;
        }
        int i = indexOf(sheets, c -> c.meta().id(), id);
        if (i >= 0 && sheets.get(i).kind() == kind) {
            return i;
        }
        if (i >= 0) {
            problems.error(ProblemCode.INVALID_VALUE, at.at(field), kind == SheetKind.CHECKLIST
                    ? "problem.overlay.items-on-obligations" : "problem.overlay.obligations-on-checklist", Fields.abbreviate(id));
            return -1;
        }
        List<String> ofKind = sheets.stream().filter(c -> c.kind() == kind).map(c -> c.meta().id()).toList();
        problems.errorWithHint(ProblemCode.UNKNOWN_REFERENCE, at.at(field), Suggest.hint(id, ofKind),
                kind == SheetKind.CHECKLIST ? "problem.reference.checklist" : "problem.reference.obligation-sheet",
                Fields.abbreviate(id));
        return -1;
    }

    private static int group(Checklist c, String gid, Fields at, Problems problems) {
        int gi = indexOf(c.groups(), g -> g.meta().id(), gid);
        if (gi < 0) {
            problems.errorWithHint(ProblemCode.UNKNOWN_REFERENCE, at.at("group"),
                    Suggest.hint(gid, c.groups().stream().map(g -> g.meta().id()).toList()), "problem.reference.group",
                    Fields.abbreviate(gid), c.meta().id());
        }
        return gi;
    }

    private static int checklist(List<Checklist> checklists, String id, Fields at, Problems problems) {
        if (id == null) {
            return -1;
        }
        int ci = indexOf(checklists, c -> c.meta().id(), id);
        if (ci < 0) {
            problems.errorWithHint(ProblemCode.UNKNOWN_REFERENCE, at.at("checklist"),
                    Suggest.hint(id, checklists.stream().map(c -> c.meta().id()).toList()), "problem.reference.checklist",
                    Fields.abbreviate(id));
        }
        return ci;
    }

    private static <T> int indexOf(List<T> list, Function<T, String> id, String wanted) {
        if (wanted == null) {
            return -1;
        }
        for (int i = 0; i < list.size(); i++) {
            if (wanted.equals(id.apply(list.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static Set<String> with(Set<String> base, String more) {
        return DefinitionParser.with(base, more);
    }

}
