package io.github.aigov.governance.rules.internal.load;

import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.Severity;
import io.github.aigov.governance.Provenance;
import io.github.aigov.governance.RiskLevel;
import io.github.aigov.governance.Role;
import io.github.aigov.governance.Timing;
import io.github.aigov.governance.rules.internal.model.Condition;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.rules.internal.model.Meta;
import io.github.aigov.governance.rules.internal.model.Rules.ApplicabilityRule;
import io.github.aigov.governance.rules.internal.model.Rules.CombinationRule;
import io.github.aigov.governance.rules.internal.model.Rules.EscalationRule;
import io.github.aigov.governance.rules.internal.model.Rules.ScopeRule;
import io.github.aigov.governance.rules.internal.model.Sheets.Axis;
import io.github.aigov.governance.rules.internal.model.Sheets.Checklist;
import io.github.aigov.governance.rules.internal.model.Sheets.DefinitionSetModel;
import io.github.aigov.governance.rules.internal.model.Sheets.Duty;
import io.github.aigov.governance.rules.internal.model.Sheets.Group;
import io.github.aigov.governance.rules.internal.model.Sheets.Item;
import io.github.aigov.governance.rules.internal.model.Sheets.Option;
import io.github.aigov.governance.rules.internal.model.Sheets.RiskSheet;
import io.github.aigov.governance.rules.internal.model.Sheets.SheetKind;
import io.github.aigov.governance.rules.internal.yaml.Fields;
import io.github.aigov.governance.rules.internal.yaml.Problems;
import io.github.aigov.governance.rules.internal.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Turns located YAML nodes into the definition parse model. Reports every problem it meets and
 * keeps reading; cross-references are checked afterwards by {@link DefinitionChecker}.
 */
public final class DefinitionParser {
    static final Map<String, Provenance> PROVENANCE = Fields.lowerNames(Provenance.class);
    private static final Map<String, RiskLevel> LEVELS = Fields.names(RiskLevel.class);
    private static final Map<String, ItemStatus> STATUSES = Fields.names(ItemStatus.class);
    static final Map<String, Role> ROLES = Fields.names(Role.class);
    static final Map<String, Timing> TIMINGS = Fields.names(Timing.class);
    /** What an obligation has beyond an item's fields: who acts and when. */
    static final Set<String> DUTY = Set.of("roles", "timing");
    private static final Set<String> META = Set.of("id", "title", "provenance", "citation");
    /** A sheet: a file in the set's directory or below it, named in plain characters. */
    private static final java.util.regex.Pattern SHEET = java.util.regex.Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_./-]{0,254}$");

    private final Problems problems;
    private final String overlay;

    /** @param overlay the overlay id that these nodes come from, or {@code null} for a base set */
    public DefinitionParser(Problems problems, String overlay) {
        this.problems = problems;
        this.overlay = overlay;
    }

    public DefinitionSetModel definitionSet(YNode root) {
        Fields f = Fields.of(root, "", problems,
                Set.of("kind", "id", "version", "date", "title", "provenance", "citation", "sheets", "questionnaire"));
        if (f == null) {
            return null;
        }
        kind(f, "DefinitionSet");
        String id = f.id("id");
        String version = f.text("version", true);
        String date = f.text("date", true);
        LocalizedText title = f.localized("title", true);
        Provenance p = f.choice("provenance", PROVENANCE, true);
        LocalizedText citation = f.citation("citation", true);
        List<String> sheets = new ArrayList<>();
        List<YNode> sheetNodes = f.list("sheets", true);
        for (int i = 0; i < sheetNodes.size(); i++) {
            YNode n = sheetNodes.get(i);
            io.github.aigov.governance.Location at = Fields.located(n.location(), f.path("sheets") + "[" + i + "]");
            if (!(n instanceof YNode.YScalar s) || s.isNull()) {
                problems.error(io.github.aigov.governance.ProblemCode.WRONG_TYPE, at, "problem.type", "text", n.kind());
            } else if (!SHEET.matcher(s.value()).matches() || s.value().contains("..")) {
                // a sheet is named in locations and read from disk: plain relative names only
                problems.errorWithHint(io.github.aigov.governance.ProblemCode.INVALID_VALUE, at,
                        io.github.aigov.governance.Message.of("hint.sheet.name"), "problem.value.invalid",
                        Fields.abbreviate(s.value()), "sheets");
            } else {
                sheets.add(s.value());
            }
        }
        String questionnaire = f.text("questionnaire", false);
        if (questionnaire != null && (!SHEET.matcher(questionnaire).matches() || questionnaire.contains(".."))) {
            problems.errorWithHint(io.github.aigov.governance.ProblemCode.INVALID_VALUE, f.at("questionnaire"),
                    io.github.aigov.governance.Message.of("hint.sheet.name"), "problem.value.invalid",
                    Fields.abbreviate(questionnaire), "questionnaire");
            questionnaire = null;
        }
        return new DefinitionSetModel(id, version, date, title, p, citation, sheets, f.location(), questionnaire);
    }

    /** The {@code kind} of a sheet file, or {@code null}. */
    public String kindOf(YNode root) {
        if (root instanceof YNode.YMap m && m.get("kind") instanceof YNode.YScalar s) {
            return s.value();
        }
        return null;
    }

    public RiskSheet riskSheet(YNode root) {
        Fields f = Fields.of(root, "", problems,
                Set.of("kind", "id", "title", "provenance", "citation", "scope", "axes", "combination", "escalation"));
        if (f == null) {
            return null;
        }
        Meta meta = meta(f, true);
        List<ScopeRule> scope = each(f, "scope", false, (n, p) -> scopeRule(n, p, Set.of()));
        List<Axis> axes = each(f, "axes", true, this::axis);
        List<CombinationRule> combination = each(f, "combination", true, (n, p) -> combinationRule(n, p, Set.of()));
        List<EscalationRule> escalation = each(f, "escalation", true, (n, p) -> escalationRule(n, p, Set.of()));
        return new RiskSheet(meta, scope, axes, combination, escalation);
    }

    ScopeRule scopeRule(YNode n, String p, Set<String> extra) {
        Fields r = Fields.of(n, p, problems, with(with(META, "when", "reason"), extra));
        return r == null ? null : new ScopeRule(meta(r, false), ConditionParser.parseOptional(r, "when"),
                r.localized("reason", true));
    }

    CombinationRule combinationRule(YNode n, String p, Set<String> extra) {
        Fields r = Fields.of(n, p, problems, with(with(META, "when", "result", "reason"), extra));
        return r == null ? null : new CombinationRule(meta(r, false), ConditionParser.parseOptional(r, "when"),
                r.choice("result", LEVELS, true), r.localized("reason", true));
    }

    EscalationRule escalationRule(YNode n, String p, Set<String> extra) {
        Fields r = Fields.of(n, p, problems, with(with(META, "when", "required", "reason"), extra));
        if (r == null) {
            return null;
        }
        Boolean required = r.bool("required", true);
        return new EscalationRule(meta(r, false), ConditionParser.parseOptional(r, "when"),
                Boolean.TRUE.equals(required), r.localized("reason", true));
    }

    private Axis axis(YNode n, String path) {
        Fields f = Fields.of(n, path, problems, with(META, "question", "options"));
        if (f == null) {
            return null;
        }
        Meta meta = meta(f, true);
        LocalizedText question = f.localized("question", true);
        List<Option> options = each(f, "options", true, (o, p) -> option(o, p, meta.id(), Set.of(), true));
        return new Axis(meta, question, options);
    }

    /**
     * An option. Its {@code reason} (why it has its level) is expected; one without (as options were
     * written before they had reasons) is still read, with a warning, and shows its title instead.
     */
    Option option(YNode o, String p, String axis, Set<String> extra, boolean titled) {
        Fields of = Fields.of(o, p, problems, with(with(META, "level", "reason"), extra));
        if (of == null) {
            return null;
        }
        Meta meta = meta(of, titled);
        if (!of.has("reason")) {
            problems.add(new Problem(ProblemCode.MISSING_FIELD, Severity.WARNING, of.at("reason"),
                    Message.of("problem.option.no-reason", meta.id() == null ? "" : meta.id()), Message.of("hint.option.no-reason", "reason")));
        }
        return new Option(meta, axis, of.choice("level", LEVELS, true), of.localized("reason", false));
    }

    /** A checklist ({@code kind: Checklist}). */
    public Checklist checklist(YNode root) {
        return sheet(root, SheetKind.CHECKLIST);
    }

    /**
     * An obligation sheet ({@code kind: ObligationSheet}): a checklist in shape, whose items are the
     * ministry's duties, each with who acts ({@code roles}) and when ({@code timing}).
     */
    public Checklist obligationSheet(YNode root) {
        return sheet(root, SheetKind.OBLIGATIONS);
    }

    private Checklist sheet(YNode root, SheetKind kind) {
        Fields f = Fields.of(root, "", problems,
                Set.of("kind", "id", "title", "provenance", "citation", "groups", "applicability"));
        if (f == null) {
            return null;
        }
        Meta meta = meta(f, true);
        List<Group> groups = each(f, "groups", true, (n, p) -> group(n, p, kind));
        List<ApplicabilityRule> rules = each(f, "applicability", true, (n, p) -> applicability(n, p, meta.id(), Set.of()));
        return new Checklist(meta, kind, groups, rules);
    }

    Group group(YNode n, String path, SheetKind kind) {
        Fields g = Fields.of(n, path, problems, with(META, "items"));
        if (g == null) {
            return null;
        }
        return new Group(meta(g, true), each(g, "items", true,
                kind == SheetKind.OBLIGATIONS ? (i, p) -> obligation(i, p, Set.of(), true) : this::item));
    }

    Item item(YNode n, String path) {
        return item(n, path, Set.of());
    }

    Item item(YNode n, String path, Set<String> extra) {
        Fields i = Fields.of(n, path, problems, with(with(META, "number"), extra));
        return i == null ? null : new Item(meta(i, true), i.text("number", false));
    }

    /**
     * An obligation: an item with {@code roles} (who acts, at least one) and {@code timing} (when). In an
     * overlay that changes an existing obligation ({@code complete} false), title, roles and timing may be
     * left out: the duty is then {@code null} when neither is given, or has only what is given.
     */
    Item obligation(YNode n, String path, Set<String> extra, boolean complete) {
        Fields i = Fields.of(n, path, problems, with(with(with(META, "number"), DUTY), extra));
        if (i == null) {
            return null;
        }
        Meta meta = meta(i, complete);
        String number = i.text("number", false);
        List<Role> roles = complete || i.has("roles") ? i.choices("roles", ROLES, true) : null;
        Timing timing = i.choice("timing", TIMINGS, complete);
        Duty duty = roles == null && timing == null ? null : new Duty(roles == null ? List.of() : roles, timing);
        return new Item(meta, number, duty);
    }

    ApplicabilityRule applicability(YNode n, String path, String checklist, Set<String> extra) {
        Fields r = Fields.of(n, path, problems, with(with(META, "items", "when", "status", "reason"), extra));
        if (r == null) {
            return null;
        }
        Meta meta = meta(r, false);
        boolean all = false;
        List<String> items = List.of();
        YNode itemsNode = r.node("items");
        if (itemsNode instanceof YNode.YScalar s && s.value().equals("all")) {
            all = true;
        } else if (itemsNode instanceof YNode.YScalar s) {
            problems.error(io.github.aigov.governance.ProblemCode.INVALID_VALUE, r.at("items"), "problem.items.word",
                    Fields.abbreviate(s.value()));
        } else {
            items = r.texts("items", true);
        }
        Condition when = ConditionParser.parseOptional(r, "when");
        return new ApplicabilityRule(meta, checklist, items, all, when, r.choice("status", STATUSES, true),
                r.localized("reason", true));
    }

    /** id, title, provenance, citation. */
    Meta meta(Fields f, boolean titled) {
        return new Meta(f.id("id"), f.localized("title", titled), f.choice("provenance", PROVENANCE, true),
                f.citation("citation", true), f.location(), overlay);
    }

    private void kind(Fields f, String expected) {
        String k = f.text("kind", true);
        if (k != null && !k.equals(expected)) {
            problems.error(io.github.aigov.governance.ProblemCode.INVALID_VALUE, f.at("kind"), "problem.kind", Fields.abbreviate(k),
                    expected);
        }
    }

    <T> List<T> each(Fields f, String key, boolean required, BiFunction<YNode, String, T> parse) {
        List<YNode> nodes = f.list(key, required);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            T t = parse.apply(nodes.get(i), f.path(key) + "[" + i + "]");
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    static Set<String> with(Set<String> base, String... more) {
        return with(base, Set.of(more));
    }

    static Set<String> with(Set<String> base, Set<String> more) {
        Set<String> s = new java.util.HashSet<>(base);
        s.addAll(more);
        return s;
    }
}
