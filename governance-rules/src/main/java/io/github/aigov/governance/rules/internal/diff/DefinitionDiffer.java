package io.github.aigov.governance.rules.internal.diff;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Crosswalk;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionDiff;
import io.github.aigov.governance.DefinitionDiff.Change;
import io.github.aigov.governance.DefinitionDiff.ChangeKind;
import io.github.aigov.governance.DefinitionDiff.ProfileImpact;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ObligationResult;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.rules.model.ConditionText;
import io.github.aigov.governance.rules.model.Definitions;
import io.github.aigov.governance.rules.model.Meta;
import io.github.aigov.governance.rules.model.Rules.ApplicabilityRule;
import io.github.aigov.governance.rules.model.Rules.Rule;
import io.github.aigov.governance.rules.model.Sheets.Axis;
import io.github.aigov.governance.rules.model.Sheets.Checklist;
import io.github.aigov.governance.rules.model.Sheets.Group;
import io.github.aigov.governance.rules.model.Sheets.Item;
import io.github.aigov.governance.rules.model.Sheets.Option;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Compares two definition sets, and the decisions they give a set of profiles. */
public final class DefinitionDiffer {

    public DefinitionDiff diff(Definitions from, Definitions to, GovernanceEngine fromEngine, GovernanceEngine toEngine,
                               List<ProjectProfile> profiles) {
        List<Change> changes = new ArrayList<>();
        compare(changes, "axis", from.risk().axes(), to.risk().axes(), Axis::meta, (a, b) -> List.of());
        compare(changes, "option", options(from), options(to), o -> o.meta().withId(o.key()), (a, b) -> {
            List<Message> d = new ArrayList<>();
            if (a.level() != b.level()) {
                d.add(Message.of("diff.level", a.level(), b.level()));
            }
            return d;
        });
        compareRules(changes, "scope", from.risk().scope(), to.risk().scope(), (a, b) -> List.of());
        compareRules(changes, "combination", from.risk().combination(), to.risk().combination(),
                (a, b) -> a.result() != b.result() ? List.of(Message.of("diff.result", a.result(), b.result())) : List.of());
        compareRules(changes, "escalation", from.risk().escalation(), to.risk().escalation(),
                (a, b) -> a.required() != b.required() ? List.of(Message.of("diff.required", a.required(), b.required())) : List.of());
        compare(changes, "checklist", sheets(from, false), sheets(to, false), Checklist::meta, (a, b) -> List.of());
        compare(changes, "obligation-sheet", sheets(from, true), sheets(to, true), Checklist::meta, (a, b) -> List.of());
        compare(changes, "group", groups(from), groups(to), Group::meta, (a, b) -> List.of());
        compare(changes, "item", items(from, false), items(to, false), i -> i.item().meta(), (a, b) -> moved(a, b));
        compare(changes, "obligation", items(from, true), items(to, true), i -> i.item().meta(), (a, b) -> {
            List<Message> d = moved(a, b);
            if (!a.item().duty().roles().equals(b.item().duty().roles())) {
                d.add(Message.of("diff.roles", names(a.item().duty().roles()), names(b.item().duty().roles())));
            }
            if (a.item().duty().timing() != b.item().duty().timing()) {
                d.add(Message.of("diff.timing", a.item().duty().timing(), b.item().duty().timing()));
            }
            return d;
        });
        BiFunction<ApplicabilityRule, ApplicabilityRule, List<Message>> applicabilityChange = (a, b) -> {
            List<Message> d = new ArrayList<>();
            if (a.status() != b.status()) {
                d.add(Message.of("diff.status", a.status(), b.status()));
            }
            String ai = written(a);
            String bi = written(b);
            if (!ai.equals(bi)) {
                d.add(Message.of("diff.items", ai, bi));
            }
            return d;
        };
        compareRules(changes, "applicability", applicability(from, false), applicability(to, false), applicabilityChange);
        compareRules(changes, "obligation-rule", applicability(from, true), applicability(to, true), applicabilityChange);

        crosswalks(changes, from.crosswalks(), to.crosswalks());

        List<ProfileImpact> impacts = new ArrayList<>();
        for (ProjectProfile p : profiles) {
            impacts.add(impact(p, fromEngine.assess(p), toEngine.assess(p)));
        }
        return new DefinitionDiff(from.ref(), to.ref(), changes, impacts);
    }

    /**
     * The crosswalks' changes: a crosswalk added or removed (category {@code crosswalk}, its id), and within
     * one both sets have, its references ({@code crosswalk-reference}) and mappings ({@code crosswalk-mapping}),
     * each named {@code crosswalk/id}.
     */
    private static void crosswalks(List<Change> changes, List<Crosswalk> a, List<Crosswalk> b) {
        Map<String, Crosswalk> before = new LinkedHashMap<>();
        a.forEach(c -> before.put(c.id(), c));
        Map<String, Crosswalk> after = new LinkedHashMap<>();
        b.forEach(c -> after.put(c.id(), c));
        for (Crosswalk x : a) {
            Crosswalk y = after.get(x.id());
            if (y == null) {
                changes.add(new Change(ChangeKind.REMOVED, "crosswalk", x.id(), List.of()));
                continue;
            }
            List<Message> d = new ArrayList<>();
            if (!Objects.equals(x.framework().version(), y.framework().version())) {
                d.add(Message.of("diff.crosswalk.framework", x.framework().version(), y.framework().version()));
            }
            if (!Objects.equals(x.title(), y.title())) {
                d.add(Message.of("diff.title"));
            }
            overlay(d, x.source(), y.source());
            if (!d.isEmpty()) {
                changes.add(new Change(ChangeKind.CHANGED, "crosswalk", x.id(), d));
            }
            keyed(changes, "crosswalk-reference", x.id(), x.references(), y.references(), Crosswalk.Reference::id,
                    Crosswalk.Reference::source, (r, s) -> {
                        List<Message> m = new ArrayList<>();
                        if (!r.label().equals(s.label())) {
                            m.add(Message.of("diff.crosswalk.label", r.label(), s.label()));
                        }
                        if (!r.title().equals(s.title())) {
                            m.add(Message.of("diff.title"));
                        }
                        return m;
                    });
            keyed(changes, "crosswalk-mapping", x.id(), x.mappings(), y.mappings(), Crosswalk.Mapping::id,
                    Crosswalk.Mapping::source, (m, n) -> {
                        List<Message> dm = new ArrayList<>();
                        String fm = m.from() + (m.options().isEmpty() ? "" : " " + m.options());
                        String fn = n.from() + (n.options().isEmpty() ? "" : " " + n.options());
                        if (!fm.equals(fn)) {
                            dm.add(Message.of("diff.crosswalk.from", fm, fn));
                        }
                        String tm = targets(m);
                        String tn = targets(n);
                        if (!tm.equals(tn)) {
                            dm.add(Message.of("diff.crosswalk.targets", tm, tn));
                        }
                        if (!m.reason().equals(n.reason())) {
                            dm.add(Message.of("diff.reason"));
                        }
                        return dm;
                    });
        }
        for (Crosswalk y : b) {
            if (!before.containsKey(y.id())) {
                changes.add(new Change(ChangeKind.ADDED, "crosswalk", y.id(), List.of()));
            }
        }
    }

    private static String targets(Crosswalk.Mapping m) {
        return m.targets().stream().map(t -> t.reference().label() + " (" + t.strength().name().toLowerCase(java.util.Locale.ROOT)
                + ")").collect(java.util.stream.Collectors.joining(", "));
    }

    private static void overlay(List<Message> d, io.github.aigov.governance.SourceRef x, io.github.aigov.governance.SourceRef y) {
        if (!Objects.equals(x.overlay(), y.overlay())) {
            d.add(Message.of("diff.overlay", y.overlay() == null ? "-" : y.overlay()));
        }
    }

    private static <T> void keyed(List<Change> changes, String category, String crosswalk, List<T> a, List<T> b,
                                  Function<T, String> id, Function<T, io.github.aigov.governance.SourceRef> source,
                                  BiFunction<T, T, List<Message>> specific) {
        Map<String, T> after = new LinkedHashMap<>();
        b.forEach(t -> after.put(id.apply(t), t));
        Set<String> seen = new LinkedHashSet<>();
        for (T x : a) {
            String key = id.apply(x);
            seen.add(key);
            T y = after.get(key);
            if (y == null) {
                changes.add(new Change(ChangeKind.REMOVED, category, crosswalk + "/" + key, List.of()));
                continue;
            }
            List<Message> d = new ArrayList<>(specific.apply(x, y));
            overlay(d, source.apply(x), source.apply(y));
            if (!d.isEmpty()) {
                changes.add(new Change(ChangeKind.CHANGED, category, crosswalk + "/" + key, d));
            }
        }
        for (T y : b) {
            if (!seen.contains(id.apply(y))) {
                changes.add(new Change(ChangeKind.ADDED, category, crosswalk + "/" + id.apply(y), List.of()));
            }
        }
    }

    static ProfileImpact impact(ProjectProfile p, Decision a, Decision b) {
        List<Message> d = new ArrayList<>();
        if (a.classification() != b.classification()) {
            d.add(Message.of("diff.impact.classification", a.classification(), b.classification(),
                    a.classificationReason().ruleId(), b.classificationReason().ruleId()));
        }
        if (a.escalation().required() != b.escalation().required()) {
            d.add(Message.of("diff.impact.escalation", a.escalation().required(), b.escalation().required(),
                    a.escalation().reasons().get(0).ruleId(), b.escalation().reasons().get(0).ruleId()));
        }
        statuses(d, new String[] {"diff.impact.item", "diff.impact.item.added", "diff.impact.item.removed"},
                results(a.items(), ItemResult::id, ItemResult::status, i -> i.reason().ruleId()),
                results(b.items(), ItemResult::id, ItemResult::status, i -> i.reason().ruleId()));
        statuses(d, new String[] {"diff.impact.obligation", "diff.impact.obligation.added", "diff.impact.obligation.removed"},
                results(a.obligations(), ObligationResult::id, ObligationResult::status, o -> o.reason().ruleId()),
                results(b.obligations(), ObligationResult::id, ObligationResult::status, o -> o.reason().ruleId()));
        Classification from = a.classification();
        return new ProfileImpact(p.id(), from, b.classification(), d);
    }

    /** An item's or an obligation's status and the rule that decided it. */
    private record Status(ItemStatus status, String ruleId) {
    }

    private static <T> Map<String, Status> results(List<T> list, Function<T, String> id, Function<T, ItemStatus> status,
                                                   Function<T, String> rule) {
        Map<String, Status> m = new LinkedHashMap<>();
        list.forEach(t -> m.put(id.apply(t), new Status(status.apply(t), rule.apply(t))));
        return m;
    }

    /** What changed for each item (or obligation), in the messages {@code keys}: changed, added, removed. */
    private static void statuses(List<Message> d, String[] keys, Map<String, Status> before, Map<String, Status> after) {
        Set<String> ids = new LinkedHashSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            Status x = before.get(id);
            Status y = after.get(id);
            if (x == null) {
                d.add(Message.of(keys[1], id, y.status(), y.ruleId()));
            } else if (y == null) {
                d.add(Message.of(keys[2], id, x.status()));
            } else if (x.status() != y.status()) {
                d.add(Message.of(keys[0], id, x.status(), y.status(), x.ruleId(), y.ruleId()));
            }
        }
    }

    private static List<Message> moved(PlacedItem a, PlacedItem b) {
        List<Message> d = new ArrayList<>();
        if (!a.group().equals(b.group())) {
            d.add(Message.of("diff.group", a.group(), b.group()));
        }
        return d;
    }

    private static String names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(java.util.stream.Collectors.joining(", "));
    }

    private <R extends Rule> void compareRules(List<Change> changes, String category, List<R> a, List<R> b,
                                               BiFunction<R, R, List<Message>> specific) {
        List<String> commonA = a.stream().map(r -> r.meta().id()).filter(id -> b.stream().anyMatch(r -> r.meta().id().equals(id))).toList();
        List<String> commonB = b.stream().map(r -> r.meta().id()).filter(commonA::contains).toList();
        compare(changes, category, a, b, Rule::meta, (x, y) -> {
            List<Message> d = new ArrayList<>();
            String wx = ConditionText.of(x.when());
            String wy = ConditionText.of(y.when());
            if (!wx.equals(wy)) {
                d.add(Message.of("diff.when", wx, wy));
            }
            d.addAll(specific.apply(x, y));
            int px = commonA.indexOf(x.meta().id());
            int py = commonB.indexOf(y.meta().id());
            if (px != py) {
                d.add(Message.of("diff.position", px + 1, py + 1));
            }
            if (!Objects.equals(x.reason(), y.reason())) {
                d.add(Message.of("diff.reason"));
            }
            return d;
        });
    }

    private static <T> void compare(List<Change> changes, String category, List<T> a, List<T> b, Function<T, Meta> meta,
                                    BiFunction<T, T, List<Message>> specific) {
        Map<String, T> before = index(a, meta);
        Map<String, T> after = index(b, meta);
        for (Map.Entry<String, T> e : before.entrySet()) {
            T y = after.get(e.getKey());
            if (y == null) {
                changes.add(new Change(ChangeKind.REMOVED, category, e.getKey(), List.of()));
                continue;
            }
            List<Message> d = new ArrayList<>(specific.apply(e.getValue(), y));
            Meta mx = meta.apply(e.getValue());
            Meta my = meta.apply(y);
            if (!Objects.equals(mx.title(), my.title())) {
                d.add(Message.of("diff.title"));
            }
            if (mx.provenance() != my.provenance()) {
                d.add(Message.of("diff.provenance", lower(mx.provenance()), lower(my.provenance())));
            }
            if (!Objects.equals(mx.overlay(), my.overlay())) {
                d.add(Message.of("diff.overlay", my.overlay() == null ? "-" : my.overlay()));
            }
            if (!d.isEmpty()) {
                changes.add(new Change(ChangeKind.CHANGED, category, e.getKey(), d));
            }
        }
        for (Map.Entry<String, T> e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                changes.add(new Change(ChangeKind.ADDED, category, e.getKey(), List.of()));
            }
        }
    }

    private static String lower(Enum<?> e) {
        return e == null ? "-" : e.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static <T> Map<String, T> index(List<T> list, Function<T, Meta> meta) {
        Map<String, T> m = new LinkedHashMap<>();
        list.forEach(t -> m.put(meta.apply(t).id(), t));
        return m;
    }

    private static List<Option> options(Definitions d) {
        return d.risk().axes().stream().flatMap(a -> a.options().stream()).toList();
    }

    /** The checklists, or the obligation sheets. */
    private static List<Checklist> sheets(Definitions d, boolean obligations) {
        return d.checklists().stream().filter(c -> c.obligations() == obligations).toList();
    }

    private static List<Group> groups(Definitions d) {
        return d.checklists().stream().flatMap(c -> c.groups().stream()).toList();
    }

    private record PlacedItem(Item item, String group) {
    }

    /** The items of the checklists, or the obligations of the obligation sheets. */
    private static List<PlacedItem> items(Definitions d, boolean obligations) {
        return sheets(d, obligations).stream().flatMap(c -> c.groups().stream()
                .flatMap(g -> g.items().stream().map(i -> new PlacedItem(i, c.meta().id() + "/" + g.meta().id())))).toList();
    }

    private static List<ApplicabilityRule> applicability(Definitions d, boolean obligations) {
        return sheets(d, obligations).stream().flatMap(c -> c.applicability().stream()).toList();
    }

    /** The items as the rule names them ({@code all}, or ids and groups): additions to a checklist show as items. */
    private static String written(ApplicabilityRule r) {
        return r.allItems() ? "all" : String.join(", ", r.items());
    }


}
