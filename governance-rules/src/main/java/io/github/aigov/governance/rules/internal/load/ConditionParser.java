package io.github.aigov.governance.rules.internal.load;

import io.github.aigov.governance.Location;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.RiskLevel;
import io.github.aigov.governance.rules.model.Condition;
import io.github.aigov.governance.rules.model.Flag;
import io.github.aigov.governance.rules.internal.yaml.Fields;
import io.github.aigov.governance.rules.internal.yaml.Problems;
import io.github.aigov.governance.rules.internal.yaml.Suggest;
import io.github.aigov.governance.rules.internal.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a {@code when} condition: a closed vocabulary of data (see docs/definition-format.md). */
final class ConditionParser {
    static final Set<String> KEYS = Set.of("axis", "level", "atLeast", "option", "countAxes", "classification",
            "classificationAtLeast", "procurementForm", "flag", "all", "any", "not");
    private static final Map<String, RiskLevel> LEVELS = Fields.names(RiskLevel.class);

    private ConditionParser() {
    }

    /** The condition, or {@link Condition.Always} when absent; {@code null} after a problem. */
    static Condition parseOptional(Fields owner, String key) {
        YNode node = owner.node(key);
        if (node == null) {
            return new Condition.Always(owner.location());
        }
        return parse(node, owner.path(key), owner.problems());
    }

    static Condition parse(YNode node, String path, Problems problems) {
        Fields f = Fields.of(node, path, problems, KEYS);
        if (f == null) {
            return null;
        }
        Location loc = f.location();
        List<String> present = KEYS.stream().filter(f::has).sorted().toList();
        String head;
        if (present.contains("axis")) {
            head = "axis";
        } else if (present.size() == 1) {
            head = present.get(0);
        } else {
            problems.errorWithHint(ProblemCode.INVALID_VALUE, loc, io.github.aigov.governance.Message.of("hint.condition"),
                    "problem.condition.shape", String.join(", ", present));
            return null;
        }
        switch (head) {
            case "axis" -> {
                String axis = f.id("axis");
                List<String> tests = present.stream().filter(k -> Set.of("level", "atLeast", "option").contains(k)).toList();
                if (tests.size() != 1 || present.size() != 2) {
                    problems.errorWithHint(ProblemCode.INVALID_VALUE, loc, io.github.aigov.governance.Message.of("hint.condition"),
                            "problem.condition.shape", String.join(", ", present));
                    return null;
                }
                return switch (tests.get(0)) {
                    case "level" -> {
                        RiskLevel l = f.choice("level", LEVELS, true);
                        yield axis == null || l == null ? null : new Condition.AxisLevelIs(axis, l, loc);
                    }
                    case "atLeast" -> {
                        RiskLevel l = f.choice("atLeast", LEVELS, true);
                        yield axis == null || l == null ? null : new Condition.AxisAtLeast(axis, l, loc);
                    }
                    default -> {
                        String o = f.id("option");
                        yield axis == null || o == null ? null : new Condition.AxisOption(axis, o, loc);
                    }
                };
            }
            case "countAxes" -> {
                Fields c = Fields.of(f.node("countAxes"), f.path("countAxes"), problems, Set.of("level", "atLeast"));
                if (c == null) {
                    return null;
                }
                RiskLevel l = c.choice("level", LEVELS, true);
                Integer n = c.integer("atLeast", true, 0, 64);
                return l == null || n == null ? null : new Condition.CountAxes(l, n, loc);
            }
            case "classification" -> {
                RiskLevel l = f.choice("classification", LEVELS, true);
                return l == null ? null : new Condition.ClassificationIs(l, loc);
            }
            case "classificationAtLeast" -> {
                RiskLevel l = f.choice("classificationAtLeast", LEVELS, true);
                return l == null ? null : new Condition.ClassificationAtLeast(l, loc);
            }
            case "procurementForm" -> {
                ProcurementForm p = f.choice("procurementForm", Fields.names(ProcurementForm.class), true);
                return p == null ? null : new Condition.FormIs(p, loc);
            }
            case "flag" -> {
                Flag fl = f.choice("flag", Fields.names(Flag.class), true);
                return fl == null ? null : new Condition.FlagIs(fl, loc);
            }
            case "not" -> {
                Condition inner = parse(f.node("not"), f.path("not"), problems);
                return inner == null ? null : new Condition.Not(inner, loc);
            }
            case "all", "any" -> {
                List<YNode> items = f.list(head, true);
                List<Condition> parts = new ArrayList<>();
                boolean ok = true;
                for (int i = 0; i < items.size(); i++) {
                    Condition c = parse(items.get(i), f.path(head) + "[" + i + "]", problems);
                    ok &= c != null;
                    parts.add(c);
                }
                if (!ok) {
                    return null;
                }
                return head.equals("all") ? new Condition.All(parts, loc) : new Condition.Any(parts, loc);
            }
            default -> {
                problems.errorWithHint(ProblemCode.INVALID_VALUE, loc, Suggest.hint(head, KEYS), "problem.condition.shape", head);
                return null;
            }
        }
    }
}
