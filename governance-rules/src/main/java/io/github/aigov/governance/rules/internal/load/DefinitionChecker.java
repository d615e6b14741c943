package io.github.aigov.governance.rules.internal.load;

import io.github.aigov.governance.Location;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.rules.model.Condition;
import io.github.aigov.governance.rules.model.Meta;
import io.github.aigov.governance.rules.model.Rules.ApplicabilityRule;
import io.github.aigov.governance.rules.model.Rules.Rule;
import io.github.aigov.governance.rules.model.Sheets.Axis;
import io.github.aigov.governance.rules.model.Sheets.Checklist;
import io.github.aigov.governance.rules.model.Sheets.Group;
import io.github.aigov.governance.rules.model.Sheets.Option;
import io.github.aigov.governance.rules.model.Sheets.RiskSheet;
import io.github.aigov.governance.rules.internal.yaml.Fields;
import io.github.aigov.governance.rules.internal.yaml.Problems;
import io.github.aigov.governance.rules.internal.yaml.Suggest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cross-checks a parsed definition set: unique ids, references that resolve, conditions that fit
 * their phase; then, with {@link RuleReachability}, rules that can never decide anything (warnings)
 * and answers that no rule decides (errors).
 */
public final class DefinitionChecker {
    private final Problems problems;

    public DefinitionChecker(Problems problems) {
        this.problems = problems;
    }

    public void check(RiskSheet risk, List<Checklist> checklists) {
        Map<String, Meta> ids = new HashMap<>();
        unique(ids, risk.meta());
        Map<String, Set<String>> options = new LinkedHashMap<>();
        for (Axis axis : risk.axes()) {
            unique(ids, axis.meta());
            Map<String, Meta> optionIds = new HashMap<>();
            for (Option o : axis.options()) {
                unique(optionIds, o.meta());
            }
            options.put(axis.meta().id(), optionIds.keySet());
            if (axis.options().isEmpty()) {
                problems.error(ProblemCode.MISSING_FIELD, field(axis.meta().location(), "options"),
                        "problem.field.missing", "options");
            }
        }
        risk.scope().forEach(r -> unique(ids, r.meta()));
        risk.combination().forEach(r -> unique(ids, r.meta()));
        risk.escalation().forEach(r -> unique(ids, r.meta()));
        for (Checklist c : checklists) {
            unique(ids, c.meta());
            for (Group g : c.groups()) {
                unique(ids, g.meta());
                g.items().forEach(i -> unique(ids, i.meta()));
            }
            c.applicability().forEach(r -> unique(ids, r.meta()));
        }

        risk.scope().forEach(r -> conditions(r, options, Phase.SCOPE));
        risk.combination().forEach(r -> conditions(r, options, Phase.COMBINATION));
        risk.escalation().forEach(r -> conditions(r, options, Phase.DECIDED));
        if (risk.combination().isEmpty()) {
            problems.error(ProblemCode.MISSING_FIELD, risk.meta().location(), "problem.field.missing", "combination");
        }
        for (Checklist c : checklists) {
            // definitions whose own id was refused (null) are reported already and named by nothing
            Set<String> itemIds = new HashSet<>();
            c.items().stream().map(i -> i.meta().id()).filter(id -> id != null).forEach(itemIds::add);
            Map<String, Group> groups = new HashMap<>();
            c.groups().stream().filter(g -> g.meta().id() != null).forEach(g -> groups.put(g.meta().id(), g));
            for (ApplicabilityRule r : c.applicability()) {
                conditions(r, options, Phase.DECIDED);
                for (String ref : r.items()) {
                    if (!itemIds.contains(ref) && !groups.containsKey(ref)) {
                        Set<String> known = new HashSet<>(itemIds);
                        known.addAll(groups.keySet());
                        problems.errorWithHint(ProblemCode.UNKNOWN_REFERENCE, field(r.meta().location(), "items"),
                                Suggest.hint(ref, known), "problem.reference.item", Fields.abbreviate(ref), c.meta().id());
                    }
                }
            }
        }
        // Only a set whose references all resolve can be run through the rules; a broken one gets
        // the quick syntactic checks, so its warnings still come with its errors.
        if (problems.hasErrors() || !new RuleReachability(problems).check(risk, checklists)) {
            unreachable(risk.combination());
            unreachable(risk.escalation());
            for (Checklist c : checklists) {
                Map<String, Group> groups = new HashMap<>();
                c.groups().forEach(g -> groups.put(g.meta().id(), g));
                coverage(c, groups);
            }
        }
    }

    /** Which facts a condition may test in each phase. */
    private enum Phase { SCOPE, COMBINATION, DECIDED }

    private void conditions(Rule rule, Map<String, Set<String>> options, Phase phase) {
        walk(rule.when(), rule, options, phase);
    }

    private void walk(Condition c, Rule rule, Map<String, Set<String>> options, Phase phase) {
        if (c == null) {
            return;
        }
        c.accept(new Condition.Visitor<Void>() {
            @Override
            public Void always(Condition.Always a) {
                return null;
            }

            @Override
            public Void all(Condition.All a) {
                a.conditions().forEach(x -> walk(x, rule, options, phase));
                return null;
            }

            @Override
            public Void any(Condition.Any a) {
                a.conditions().forEach(x -> walk(x, rule, options, phase));
                return null;
            }

            @Override
            public Void not(Condition.Not n) {
                walk(n.condition(), rule, options, phase);
                return null;
            }

            @Override
            public Void axisLevelIs(Condition.AxisLevelIs a) {
                axis(a.axis(), a.location(), options, phase);
                return null;
            }

            @Override
            public Void axisAtLeast(Condition.AxisAtLeast a) {
                axis(a.axis(), a.location(), options, phase);
                return null;
            }

            @Override
            public Void axisOption(Condition.AxisOption a) {
                if (axis(a.axis(), a.location(), options, phase) && !options.get(a.axis()).contains(a.option())) {
                    problems.errorWithHint(ProblemCode.UNKNOWN_REFERENCE, a.location(), Suggest.hint(a.option(), options.get(a.axis())),
                            "problem.reference.option", a.option(), a.axis());
                }
                return null;
            }

            @Override
            public Void countAxes(Condition.CountAxes a) {
                if (phase == Phase.SCOPE) {
                    problems.error(ProblemCode.INVALID_VALUE, a.location(), "problem.condition.phase", "countAxes", "scope");
                }
                return null;
            }

            @Override
            public Void classificationIs(Condition.ClassificationIs a) {
                classification(a.location(), phase);
                return null;
            }

            @Override
            public Void classificationAtLeast(Condition.ClassificationAtLeast a) {
                classification(a.location(), phase);
                return null;
            }

            @Override
            public Void formIs(Condition.FormIs a) {
                return null; // the profile's form: any phase may test it
            }

            @Override
            public Void flagIs(Condition.FlagIs a) {
                return null; // the profile's flags: any phase may test them
            }
        });
    }

    private boolean axis(String axis, Location at, Map<String, Set<String>> options, Phase phase) {
        if (phase == Phase.SCOPE) {
            problems.error(ProblemCode.INVALID_VALUE, at, "problem.condition.phase", "axis", "scope");
            return false;
        }
        if (!options.containsKey(axis)) {
            problems.errorWithHint(ProblemCode.UNKNOWN_REFERENCE, at, Suggest.hint(axis, options.keySet()),
                    "problem.reference.axis", axis);
            return false;
        }
        return true;
    }

    private void classification(Location at, Phase phase) {
        if (phase != Phase.DECIDED) {
            problems.error(ProblemCode.INVALID_VALUE, at, "problem.condition.phase", "classification",
                    phase.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** In a first-match list, nothing after a rule that always holds can fire (the quick check). */
    private void unreachable(List<? extends Rule> ordered) {
        for (int i = 0; i < ordered.size() - 1; i++) {
            if (ordered.get(i).when() instanceof Condition.Always) {
                for (Rule later : ordered.subList(i + 1, ordered.size())) {
                    problems.warning(ProblemCode.UNREACHABLE_RULE, later.meta().location(), "problem.rule.unreachable",
                            later.meta().id(), ordered.get(i).meta().id());
                }
                return;
            }
        }
    }

    /** An applicability rule is unreachable when every item it names is already decided unconditionally (the quick check). */
    private void coverage(Checklist c, Map<String, Group> groups) {
        Set<String> decided = new HashSet<>();
        for (ApplicabilityRule r : c.applicability()) {
            Set<String> named = named(r, c, groups);
            if (!named.isEmpty() && decided.containsAll(named)) {
                problems.warning(ProblemCode.UNREACHABLE_RULE, r.meta().location(), "problem.applicability.unreachable",
                        r.meta().id());
            }
            if (r.when() instanceof Condition.Always) {
                decided.addAll(named);
            }
        }
    }

    static Set<String> named(ApplicabilityRule r, Checklist c, Map<String, Group> groups) {
        Set<String> out = new java.util.LinkedHashSet<>();
        if (r.allItems()) {
            c.items().forEach(i -> out.add(i.meta().id()));
            return out;
        }
        for (String ref : r.items()) {
            Group g = groups.get(ref);
            if (g != null) {
                g.items().forEach(i -> out.add(i.meta().id()));
            } else {
                out.add(ref);
            }
        }
        return out;
    }

    private void unique(Map<String, Meta> seen, Meta meta) {
        if (meta.id() == null) {
            return;
        }
        Meta before = seen.putIfAbsent(meta.id(), meta);
        if (before != null) {
            problems.error(ProblemCode.DUPLICATE_ID, field(meta.location(), "id"), "problem.id.duplicate",
                    meta.id(), before.location().toString());
        }
    }

    /** The location of a definition's field: the definition's position, with the field's full path. */
    private static Location field(Location definition, String key) {
        return Fields.located(definition, Fields.join(definition.path(), key));
    }

    /** Item ids named by a rule, expanded from groups and {@code all}. */
    public static Set<String> itemsOf(ApplicabilityRule r, Checklist c) {
        return c.itemsOf(r);
    }

}
