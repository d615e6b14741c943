package io.github.aigov.governance.server.systems;

import io.github.aigov.governance.AxisResult;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ProjectProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What changed between two stored revisions of a system, read from their two decision records:
 * the answers in the profile, the definitions that decided, and what was decided (classification,
 * escalation, each axis's level, each item's status). Nothing is re-assessed: the records are what
 * was decided at the time. (The library's {@code Governance.diff} answers another question: how
 * one set of profiles fares under two definition sets; here the profile itself changed, and
 * possibly the definitions too, and the question is what the office recorded.)
 *
 * @param answers     the profile's answers that differ
 * @param definitions the definitions, if they differ
 * @param outcome     classification, escalation and axis levels that differ
 * @param items       items whose status differs, or that one decision has and the other has not
 */
public record RevisionComparison(int from, int to, List<Change> answers, List<Change> definitions, List<Change> outcome,
                                 List<Change> items) {

    /** One difference: what, before, after (each already in the page's language). */
    public record Change(String what, String before, String after) {
    }

    /** A part of the comparison with changes: {@code answers}, {@code definitions}, {@code outcome} or {@code items}. */
    public record Part(String name, List<Change> changes) {
    }

    /** The parts that have changes, in that order. */
    public List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        for (Part p : List.of(new Part("answers", answers), new Part("definitions", definitions), new Part("outcome", outcome),
                new Part("items", items))) {
            if (!p.changes().isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }

    public boolean none() {
        return answers.isEmpty() && definitions.isEmpty() && outcome.isEmpty() && items.isEmpty();
    }

    /** Compares revision {@code from} (decision {@code a}) with revision {@code to} (decision {@code b}). */
    static RevisionComparison of(int from, Decision a, int to, Decision b, DecisionView.Render r, DecisionView.Render rb,
                                 java.util.function.Function<String, String> own) {
        List<Change> answers = new ArrayList<>();
        ProjectProfile p = a.profile();
        ProjectProfile q = b.profile();
        add(answers, r.text("reports.project.name"), p.name(), q.name());
        add(answers, r.text("reports.project.organisation"), p.organisation(), q.organisation());
        add(answers, r.text("reports.project.description"), p.description(), q.description());
        add(answers, r.text("reports.project.model"), p.model().name(), q.model().name());
        add(answers, r.text("reports.project.vendor"), p.model().vendor(), q.model().vendor());
        add(answers, r.text("reports.project.form"), r.text("reports.form." + p.procurement().form().name()),
                r.text("reports.form." + q.procurement().form().name()));
        add(answers, r.text("reports.project.vendor-trains"), r.yesNo(p.procurement().vendorTrainsModel()),
                r.yesNo(q.procurement().vendorTrainsModel()));
        add(answers, own.apply("profile.text-generation"), r.yesNo(p.scope().textGeneration()), r.yesNo(q.scope().textGeneration()));
        add(answers, own.apply("profile.specified-secrets"), r.yesNo(p.scope().specifiedSecrets()), r.yesNo(q.scope().specifiedSecrets()));
        Set<String> axes = new LinkedHashSet<>(p.axes().keySet());
        axes.addAll(q.axes().keySet());
        for (String axis : axes) {
            String x = p.axes().get(axis);
            String y = q.axes().get(axis);
            add(answers, rb.title(axis), x == null ? "" : r.title(axis + "." + x) + " (" + x + ")",
                    y == null ? "" : rb.title(axis + "." + y) + " (" + y + ")");
        }

        List<Change> definitions = new ArrayList<>();
        add(definitions, r.text("reports.definitions.version"), a.definitions().version(), b.definitions().version());
        add(definitions, r.text("reports.definitions.overlays"), overlays(a.definitions()), overlays(b.definitions()));
        add(definitions, r.text("reports.definitions.hash"), a.definitions().hash(), b.definitions().hash());

        List<Change> outcome = new ArrayList<>();
        add(outcome, r.text("reports.classification"), r.classification(a.classification()).text() + " (" + a.classificationReason().ruleId() + ")",
                rb.classification(b.classification()).text() + " (" + b.classificationReason().ruleId() + ")");
        add(outcome, r.text("reports.escalation"), r.text(a.escalation().required() ? "reports.status.REQUIRED" : "reports.escalation.not-required"),
                rb.text(b.escalation().required() ? "reports.status.REQUIRED" : "reports.escalation.not-required"));
        Map<String, AxisResult> levels = new LinkedHashMap<>();
        a.axes().forEach(x -> levels.put(x.axis(), x));
        for (AxisResult y : b.axes()) {
            AxisResult x = levels.remove(y.axis());
            add(outcome, rb.title(y.axis()), x == null ? "" : r.text("reports.level." + x.level().name()),
                    rb.text("reports.level." + y.level().name()));
        }
        levels.values().forEach(x -> add(outcome, r.title(x.axis()), r.text("reports.level." + x.level().name()), ""));

        List<Change> items = new ArrayList<>();
        Map<String, ItemResult> before = new LinkedHashMap<>();
        a.items().forEach(i -> before.put(i.id(), i));
        for (ItemResult y : b.items()) {
            ItemResult x = before.remove(y.id());
            if (x == null || x.status() != y.status()) {
                items.add(new Change(y.id() + " " + rb.title(y.id()), x == null ? "" : r.status(x.status()).text(),
                        rb.status(y.status()).text()));
            }
        }
        before.values().forEach(x -> items.add(new Change(x.id() + " " + r.title(x.id()), r.status(x.status()).text(), "")));
        return new RevisionComparison(from, to, answers, definitions, outcome, items);
    }

    private static String overlays(DefinitionsRef d) {
        return d.overlays().stream().map(DefinitionsRef.OverlayRef::id).collect(Collectors.joining(", "));
    }

    private static void add(List<Change> changes, String what, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(what, before == null ? "" : before, after == null ? "" : after));
        }
    }
}
