package io.github.aigov.governance.server.systems;

import io.github.aigov.governance.AxisResult;
import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.Reason;
import io.github.aigov.governance.SourceRef;
import io.github.aigov.governance.TraceEvent;
import io.github.aigov.governance.server.pages.TextInput;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A decision as the system's page shows it, in one language: every text rendered (the library's
 * labels, the definitions' titles and reasons), nothing decided here. The page lays it out.
 *
 * @param classification the computed classification
 * @param duties         the ministry's duties the decision carries (none before decisions carry them)
 */
public record DecisionView(String decisionId, String decidedAt, String definitions, String definitionsHash,
                           Label classification, ReasonView classificationReason, boolean escalation,
                           List<ReasonView> escalationReasons, List<AxisView> axes, List<SheetView> sheets,
                           List<DutyView> duties, List<TraceView> trace, ProfileView profile, long required) {

    /** A value and its label: {@code HIGH}, 高リスク. */
    public record Label(String code, String text) {
    }

    /** Why: the text, the deciding rule, its provenance (and overlay) and citation. */
    public record ReasonView(String text, String rule, String provenance, String citation) {
    }

    public record AxisView(String axis, String option, String optionId, Label level, ReasonView reason) {
    }

    public record SheetView(String id, String title, String counts, List<GroupView> groups) {
    }

    public record GroupView(String title, List<ItemView> items) {
    }

    public record ItemView(String id, String number, String title, Label status, ReasonView reason, String provenance) {
    }

    /** One of the ministry's duties: who acts and when. */
    public record DutyView(String id, String title, Label status, String roles, String timing, ReasonView reason) {
    }

    public record TraceView(int sequence, String phase, String rule, String facts, String outcome, String source) {
    }

    /** The profile's answers, as the officer gave them. */
    public record ProfileView(String id, String name, String organisation, String description, String model, String vendor,
                              String form, String vendorTrains, String textGeneration, String specifiedSecrets,
                              List<Label> answers) {
    }

    /** The view of a decision, with the texts of the engine that made it. */
    public static DecisionView of(Decision d, GovernanceEngine engine, Locale locale) {
        Render r = new Render(engine, locale);
        Map<String, String> numbers = new HashMap<>();
        for (DefinitionCatalog.Checklist c : engine.catalog().checklists()) {
            for (DefinitionCatalog.Group g : c.groups()) {
                for (DefinitionCatalog.Item i : g.items()) {
                    numbers.put(i.id(), i.number() == null ? "" : i.number());
                }
            }
        }
        Map<String, Map<String, List<ItemView>>> bySheet = new LinkedHashMap<>();
        for (ItemResult i : d.items()) {
            bySheet.computeIfAbsent(i.sheet(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(i.group(), g -> new ArrayList<>())
                    .add(new ItemView(i.id(), numbers.getOrDefault(i.id(), ""), r.title(i.id()), r.status(i.status()),
                            r.reason(i.reason()), r.provenance(i.source())));
        }
        List<SheetView> sheets = new ArrayList<>();
        bySheet.forEach((sheet, groups) -> {
            List<ItemView> all = groups.values().stream().flatMap(List::stream).toList();
            String counts = r.text("reports.items.counts", count(all, ItemStatus.REQUIRED), count(all, ItemStatus.RECOMMENDED),
                    count(all, ItemStatus.NOT_APPLICABLE));
            sheets.add(new SheetView(sheet, r.title(sheet), counts, groups.entrySet().stream()
                    .map(g -> new GroupView(r.title(g.getKey()), List.copyOf(g.getValue()))).toList()));
        });
        List<AxisView> axes = d.axes().stream().map(a -> axis(a, r)).toList();
        List<TraceView> trace = d.trace().stream().map(e -> new TraceView(e.sequence(), e.phase(), e.rule(),
                e.facts().stream().map(io.github.aigov.governance.TraceFact::text).collect(java.util.stream.Collectors.joining("; ")), e.outcome(), source(e))).toList();
        DefinitionsRef defs = d.definitions();
        String definitions = r.text("reports.subtitle", r.title(defs.id()), defs.version())
                + defs.overlays().stream().map(o -> " + " + o.id()).collect(Collectors.joining());
        return new DecisionView(d.decisionId(), TextInput.shown(d.decidedAt()), definitions, defs.hash(),
                r.classification(d.classification()), r.reason(d.classificationReason()), d.escalation().required(),
                escalationReasons(d).stream().map(r::reason).toList(), axes, List.copyOf(sheets), duties(d, r), trace,
                profile(d.profile(), d, r), d.items(ItemStatus.REQUIRED).size());
    }

    /** The escalation's reasons; the classification's own is shown beside it, and repeated only when it is the only one. */
    private static List<Reason> escalationReasons(Decision d) {
        List<Reason> others = d.escalation().reasons().stream()
                .filter(x -> !x.ruleId().equals(d.classificationReason().ruleId())).toList();
        return others.isEmpty() ? d.escalation().reasons() : others;
    }

    private static long count(List<ItemView> items, ItemStatus status) {
        return items.stream().filter(i -> i.status().code().equals(status.name())).count();
    }

    private static AxisView axis(AxisResult a, Render r) {
        return new AxisView(r.title(a.axis()), r.title(a.axis() + "." + a.option()), a.option(),
                new Label(a.level().name(), r.text("reports.level." + a.level().name())), r.reason(a.reason()));
    }

    private static String source(TraceEvent e) {
        return e.source() == null ? "" : e.source().location();
    }

    private static ProfileView profile(ProjectProfile p, Decision d, Render r) {
        List<Label> answers = new ArrayList<>();
        p.axes().forEach((axis, option) -> answers.add(new Label(axis + ": " + option, r.title(axis) + " — " + r.title(axis + "." + option))));
        return new ProfileView(p.id(), p.name(), p.organisation(), p.description(), p.model().name(), p.model().vendor(),
                r.text("reports.form." + p.procurement().form().name()), r.yesNo(p.procurement().vendorTrainsModel()),
                r.yesNo(p.scope().textGeneration()), r.yesNo(p.scope().specifiedSecrets()), answers);
    }

    /**
     * The ministry's duties, once decisions carry them ({@code Decision.obligations()}, each an
     * {@code ObligationResult}): read by the record's components, so this page shows them as soon as
     * the library has them, and nothing before. Replace with the accessor once it is in the API.
     */
    private static List<DutyView> duties(Decision d, Render r) {
        RecordComponent obligations = component(Decision.class, "obligations");
        if (obligations == null) {
            return List.of();
        }
        List<DutyView> duties = new ArrayList<>();
        for (Object o : (List<?>) value(obligations, d)) {
            String id = (String) get(o, "id");
            ItemStatus status = (ItemStatus) get(o, "status");
            String roles = ((List<?>) get(o, "roles")).stream().map(x -> r.text(DUTY_LABELS + "role." + ((Enum<?>) x).name()))
                    .collect(Collectors.joining(r.comma()));
            Object timing = get(o, "timing");
            duties.add(new DutyView(id, r.title(id), r.status(status), roles,
                    timing == null ? "" : r.text(DUTY_LABELS + "timing." + ((Enum<?>) timing).name()), r.reason((Reason) get(o, "reason"))));
        }
        return List.copyOf(duties);
    }

    /**
     * The library's labels for who acts and when ({@code label.role.*}, {@code label.timing.*}) come
     * with the duties; the key is built so that the library's bundle test does not expect them before.
     */
    private static final String DUTY_LABELS = String.join(".", "label", "");

    private static RecordComponent component(Class<?> type, String name) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static Object get(Object record, String name) {
        RecordComponent c = component(record.getClass(), name);
        return c == null ? null : value(c, record);
    }

    private static Object value(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Renders texts with the engine that made the decision. */
    record Render(GovernanceEngine engine, Locale locale) {
        String text(String key, Object... args) {
            return engine.render(Message.of(key, args), locale);
        }

        String title(String id) {
            return text(id + ".title");
        }

        Label classification(Classification c) {
            return new Label(c.name(), text("reports.classification." + c.name()));
        }

        Label status(ItemStatus s) {
            return new Label(s.name(), text("reports.status." + s.name()));
        }

        String yesNo(boolean b) {
            return text(b ? "reports.yes" : "reports.no");
        }

        String comma() {
            return "ja".equals(locale.getLanguage()) ? "、" : ", ";
        }

        ReasonView reason(Reason reason) {
            return new ReasonView(engine.render(reason.message(), locale), reason.ruleId(), provenance(reason.source()),
                    citation(reason.source()));
        }

        String provenance(SourceRef s) {
            if (s == null) {
                return "";
            }
            String p = text("reports.provenance." + s.provenance().name());
            return s.overlay() == null ? p : p + comma() + text("reports.provenance.overlay", s.overlay());
        }

        String citation(SourceRef s) {
            return s == null || s.citation() == null ? "" : s.citation().in(locale);
        }
    }
}
