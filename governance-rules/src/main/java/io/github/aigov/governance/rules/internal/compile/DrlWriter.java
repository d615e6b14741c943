package io.github.aigov.governance.rules.internal.compile;

import io.github.aigov.governance.RiskLevel;
import io.github.aigov.governance.rules.model.Condition;
import io.github.aigov.governance.rules.model.Flag;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes DRL from data. Every string that reaches the rule text goes through {@link #literal}, which
 * admits only identifier characters: nothing from a YAML file can become DRL, MVEL or Java code.
 * Texts (titles, reasons, citations) never reach the rule text at all; they stay in the definitions.
 */
final class DrlWriter {
    /** Identifier characters only; long enough for an option's key, {@code axis.OPTION}: two 64-character ids and a dot. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.-]{1,129}");

    private final StringBuilder out = new StringBuilder();
    /** Where each rule begins in the text, by name, when a listing asks (else {@code null}). */
    java.util.Map<String, Integer> starts;

    int length() {
        return out.length();
    }

    /** A double-quoted DRL string literal of an identifier; anything else is refused. */
    static String literal(String value) {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an identifier, refused in generated rules: " + value);
        }
        return "\"" + value + "\"";
    }

    static String level(RiskLevel level) {
        return "RiskLevel." + level.name();
    }

    DrlWriter line(String s) {
        out.append(s).append('\n');
        return this;
    }

    /**
     * The condition as DRL conditional elements. Negations are pushed down to the leaves first
     * (negation normal form), and each negated leaf becomes a positive pattern on the one fact that
     * answers it, so every match in the trace names the facts that made it hold.
     */
    static String when(Condition c, boolean negated) {
        return c.accept(new Drl(negated, new int[1]));
    }

    /** The DRL of a condition, or of its negation. */
    private static final class Drl implements Condition.Visitor<String> {
        private final boolean negated;
        /** The counts of axes written so far in this rule: each collects under a name of its own. */
        private final int[] counts;

        private Drl(boolean negated, int[] counts) {
            this.negated = negated;
            this.counts = counts;
        }

        @Override
        public String always(Condition.Always c) {
            return negated ? "eval(false)" : "eval(true)";
        }

        @Override
        public String not(Condition.Not n) {
            return n.condition().accept(new Drl(!negated, counts));
        }

        @Override
        public String all(Condition.All a) {
            return group(a.conditions(), negated ? "or" : "and", this);
        }

        @Override
        public String any(Condition.Any a) {
            return group(a.conditions(), negated ? "and" : "or", this);
        }

        @Override
        public String axisLevelIs(Condition.AxisLevelIs a) {
            return "AxisLevel(axis == " + literal(a.axis()) + ", level " + (negated ? "!=" : "==") + " " + level(a.level()) + ")";
        }

        @Override
        public String axisAtLeast(Condition.AxisAtLeast a) {
            return "AxisLevel(axis == " + literal(a.axis()) + ", rank " + (negated ? "<" : ">=") + " " + a.level().ordinal() + ")";
        }

        @Override
        public String axisOption(Condition.AxisOption a) {
            return "AxisAnswer(axis == " + literal(a.axis()) + ", option " + (negated ? "!=" : "==") + " " + literal(a.option()) + ")";
        }

        @Override
        public String countAxes(Condition.CountAxes a) {
            // The axes that have the level, collected (not only counted) so that the trace names them.
            String counted = "$counted" + counts[0]++;
            return "java.util.List(size " + (negated ? "<" : ">=") + " " + a.atLeast() + ") from accumulate(" + counted
                    + ": AxisLevel(level == " + level(a.level()) + "), collectList(" + counted + "))";
        }

        @Override
        public String classificationIs(Condition.ClassificationIs a) {
            return "ClassificationFact(level " + (negated ? "!=" : "==") + " " + level(a.level()) + ")";
        }

        @Override
        public String classificationAtLeast(Condition.ClassificationAtLeast a) {
            return "ClassificationFact(rank " + (negated ? "<" : ">=") + " " + a.level().ordinal() + ")";
        }

        @Override
        public String formIs(Condition.FormIs a) {
            return "ProfileFact(procurementForm " + (negated ? "!=" : "==") + " " + literal(a.form().name()) + ")";
        }

        @Override
        public String flagIs(Condition.FlagIs a) {
            return "ProfileFact(" + flag(a.flag()) + " == " + !negated + ")";
        }
    }

    private static String flag(Flag f) {
        return switch (f) {
            case textGeneration -> "textGeneration";
            case specifiedSecrets -> "specifiedSecrets";
            case vendorTrainsModel -> "vendorTrainsModel";
        };
    }

    private static String group(List<Condition> parts, String op, Drl writer) {
        if (parts.isEmpty()) {
            // all [] holds, any [] does not; negated, the other way round
            return op.equals("and") ? "eval(true)" : "eval(false)";
        }
        List<String> drl = new ArrayList<>();
        for (Condition p : parts) {
            drl.add(p.accept(writer));
        }
        return drl.size() == 1 ? drl.get(0) : drl.stream().collect(Collectors.joining(" " + op + " ", "( ", " )"));
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
