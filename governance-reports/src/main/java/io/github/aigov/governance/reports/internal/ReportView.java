package io.github.aigov.governance.reports.internal;

import io.github.aigov.governance.AxisResult;
import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Crosswalk;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ObligationResult;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.Provenance;
import io.github.aigov.governance.Reason;
import io.github.aigov.governance.RiskLevel;
import io.github.aigov.governance.Role;
import io.github.aigov.governance.SourceRef;
import io.github.aigov.governance.Timing;
import io.github.aigov.governance.WhatIf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One decision as every report sees it: in one language, its items arranged by checklist and group
 * and its duties by obligation sheet and group, in definition order, and every label rendered from
 * the message bundles. The formats only lay it out.
 */
public final class ReportView {
    /** The procurement checklist's id: its items become specification clauses. */
    public static final String PROCUREMENT = "PROCUREMENT";
    /** The contract checklist's id: its items become contract articles. */
    public static final String CONTRACT = "CONTRACT";
    /** The sheet of what the report to the advisory board contains (each version its own, as publicly reported). */
    public static final String BOARD_REPORT = "BOARD-REPORT";

    private final Decision decision;
    private final GovernanceEngine engine;
    private final Locale locale;
    private final List<Sheet> sheets;
    private final List<DutySheet> duties;
    private final List<Crosswalk> crosswalks;

    /** A checklist with its groups, in definition order. */
    public record Sheet(String id, String title, List<Group> groups) {
        public List<Row> rows() {
            return groups.stream().flatMap(g -> g.rows().stream()).toList();
        }

        public long count(ItemStatus status) {
            return rows().stream().filter(r -> r.item().status() == status).count();
        }
    }

    /** An obligation sheet (the ministry's own duties) with its groups, in definition order. */
    public record DutySheet(String id, String title, List<DutyGroup> groups) {
        public List<DutyRow> rows() {
            return groups.stream().flatMap(g -> g.rows().stream()).toList();
        }

        public long count(ItemStatus status) {
            return rows().stream().filter(r -> r.status() == status).count();
        }
    }

    /** A group of an obligation sheet with its duties. */
    public record DutyGroup(String id, String title, List<DutyRow> rows) {
    }

    /** One duty: its result, its number on the sheet, and its title. */
    public record DutyRow(ObligationResult duty, String number, String title) {
        public String id() {
            return duty.id();
        }

        public ItemStatus status() {
            return duty.status();
        }
    }

    /** A group of a checklist with its items. */
    public record Group(String id, String title, List<Row> rows) {
    }

    /** One item: its result, its number on the guideline's sheet (e.g. ⑫), and its title. */
    public record Row(ItemResult item, String number, String title) {
        public String id() {
            return item.id();
        }

        public ItemStatus status() {
            return item.status();
        }
    }

    private ReportView(Decision decision, GovernanceEngine engine, Locale locale, List<Crosswalk> crosswalks) {
        this.decision = decision;
        this.engine = engine;
        this.locale = locale;
        this.crosswalks = List.copyOf(crosswalks);
        this.sheets = arrange();
        this.duties = arrangeDuties();
    }

    /** The view of a decision, refusing an engine whose definitions did not make it. */
    public static ReportView of(Decision decision, GovernanceEngine engine, Locale locale) {
        return of(decision, engine, locale, List.of());
    }

    /**
     * The view of a decision with the references of these crosswalks, refusing an engine whose definitions did
     * not make it, and a crosswalk the engine does not have ({@code GOV-0006}, naming the ones it has).
     */
    public static ReportView of(Decision decision, GovernanceEngine engine, Locale locale, List<String> crosswalkIds) {
        DefinitionsRef made = decision.definitions();
        DefinitionsRef have = engine.definitions();
        if (!made.id().equals(have.id()) || !made.version().equals(have.version()) || !made.hash().equals(have.hash())
                || !overlays(made).equals(overlays(have))) {
            throw new GovernanceException(List.of(Problem.error(ProblemCode.DEFINITIONS_MISMATCH,
                    Location.of("<decision " + decision.decisionId() + ">"),
                    Message.of("reports.problem.definitions", describe(made), describe(have)),
                    Message.of("reports.hint.definitions"))));
        }
        List<Crosswalk> chosen = new ArrayList<>();
        List<Problem> unknown = new ArrayList<>();
        List<String> known = engine.crosswalks().stream().map(Crosswalk::id).toList();
        for (String id : crosswalkIds) {
            engine.crosswalk(id).ifPresentOrElse(c -> {
                if (!chosen.contains(c)) {
                    chosen.add(c);
                }
            }, () -> unknown.add(Problem.error(ProblemCode.UNKNOWN_REFERENCE, new Location("crosswalk", 0, 0, "crosswalk"),
                    Message.of("reports.problem.crosswalk", id), Message.of("reports.hint.crosswalk",
                    known.isEmpty() ? "-" : String.join(", ", known)))));
        }
        if (!unknown.isEmpty()) {
            throw new GovernanceException(unknown);
        }
        Locale language = "ja".equals(locale.getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
        return new ReportView(decision, engine, language, chosen);
    }

    private static String describe(DefinitionsRef r) {
        return r.id() + " " + r.version() + " " + r.hash() + overlays(r).stream().map(o -> " + " + o).collect(Collectors.joining());
    }

    private static List<String> overlays(DefinitionsRef r) {
        return r.overlays().stream().map(o -> o.id() + "@" + o.hash()).toList();
    }

    private List<Sheet> arrange() {
        Map<String, String> numbers = new HashMap<>();
        for (DefinitionCatalog.Checklist c : engine.catalog().checklists()) {
            for (DefinitionCatalog.Group g : c.groups()) {
                for (DefinitionCatalog.Item i : g.items()) {
                    numbers.put(i.id(), i.number() == null ? "" : i.number()); // an overlay's item may have none
                }
            }
        }
        // The decision lists items in definition order; keep it, grouping by checklist then group.
        Map<String, Map<String, List<Row>>> bySheet = new LinkedHashMap<>();
        for (ItemResult item : decision.items()) {
            bySheet.computeIfAbsent(item.sheet(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(item.group(), g -> new ArrayList<>())
                    .add(new Row(item, numbers.getOrDefault(item.id(), ""), title(item.id())));
        }
        List<Sheet> result = new ArrayList<>();
        bySheet.forEach((sheet, groups) -> result.add(new Sheet(sheet, title(sheet), groups.entrySet().stream()
                .map(g -> new Group(g.getKey(), title(g.getKey()), List.copyOf(g.getValue()))).toList())));
        return List.copyOf(result);
    }

    private List<DutySheet> arrangeDuties() {
        Map<String, String> numbers = new HashMap<>();
        engine.catalog().obligations().forEach(o -> numbers.put(o.id(), o.number() == null ? "" : o.number()));
        Map<String, Map<String, List<DutyRow>>> bySheet = new LinkedHashMap<>();
        for (ObligationResult duty : decision.obligations()) {
            bySheet.computeIfAbsent(duty.sheet(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(duty.group(), g -> new ArrayList<>())
                    .add(new DutyRow(duty, numbers.getOrDefault(duty.id(), ""), title(duty.id())));
        }
        List<DutySheet> result = new ArrayList<>();
        bySheet.forEach((sheet, groups) -> result.add(new DutySheet(sheet, title(sheet), groups.entrySet().stream()
                .map(g -> new DutyGroup(g.getKey(), title(g.getKey()), List.copyOf(g.getValue()))).toList())));
        return List.copyOf(result);
    }

    public Decision decision() {
        return decision;
    }

    /** The engine that made the decision. */
    public GovernanceEngine engine() {
        return engine;
    }

    private WhatIf whatIf;
    private boolean whatIfDone;

    /**
     * What would lower the decision, assessed by the engine on first use; {@code null} when nothing can be
     * lowered (out of scope, or LOW without escalation).
     */
    public synchronized WhatIf whatIf() {
        if (!whatIfDone) {
            whatIfDone = true;
            boolean lowerable = !outOfScope() && (decision.classification() != Classification.LOW
                    || decision.escalation().required());
            whatIf = lowerable ? engine.whatIf(decision.profile()) : null;
        }
        return whatIf;
    }

    /** The crosswalks asked for, in the order asked. */
    public List<Crosswalk> crosswalks() {
        return crosswalks;
    }

    /**
     * The references of a crosswalk that a required item or duty maps to, each once, in mapping order; empty
     * for an item or duty that is not required.
     */
    public List<Crosswalk.Target> targets(Crosswalk crosswalk, String id, ItemStatus status) {
        if (status != ItemStatus.REQUIRED) {
            return List.of();
        }
        Map<String, Crosswalk.Target> out = new LinkedHashMap<>();
        for (Crosswalk.Mapping m : crosswalk.mappingsOf(id)) {
            m.targets().forEach(t -> out.putIfAbsent(t.reference().id(), t));
        }
        return List.copyOf(out.values());
    }

    /** The references of an axis's answer: those of the axis as a question and of the option answered. */
    public List<Crosswalk.Target> targets(Crosswalk crosswalk, AxisResult axis) {
        Map<String, Crosswalk.Target> out = new LinkedHashMap<>();
        for (Crosswalk.Mapping m : crosswalk.mappingsOf(axis.axis(), axis.option())) {
            m.targets().forEach(t -> out.putIfAbsent(t.reference().id(), t));
        }
        return List.copyOf(out.values());
    }

    /** References as one line: {@code Art. 14（直接）、Art. 26（部分）} or {@code Art. 14 (direct), Art. 26 (partial)}. */
    public String references(List<Crosswalk.Target> targets) {
        return targets.stream().map(t -> t.reference().label() + (japanese() ? "（" : " (")
                + text("reports.crosswalk.strength." + t.strength().name()) + (japanese() ? "）" : ")"))
                .collect(Collectors.joining(comma()));
    }

    /** The line of a required item's references in a crosswalk, {@code EU-AI-ACT：Art. 14（直接）}; empty when none. */
    public String referenceLine(Crosswalk crosswalk, String id, ItemStatus status) {
        List<Crosswalk.Target> t = targets(crosswalk, id, status);
        return t.isEmpty() ? "" : crosswalk.framework().id() + colon() + references(t);
    }

    /** Every crosswalk's line for a required item or duty, in the order asked; empty ones left out. */
    public List<String> referenceLines(String id, ItemStatus status) {
        return crosswalks.stream().map(c -> referenceLine(c, id, status)).filter(l -> !l.isEmpty()).toList();
    }

    /** A crosswalk text (title, scope, reason) in the report's language. */
    public String in(io.github.aigov.governance.LocalizedText text) {
        return text == null ? "" : text.in(locale);
    }

    /** {@code ja} or {@code en}. */
    public String lang() {
        return locale.getLanguage();
    }

    public boolean japanese() {
        return "ja".equals(lang());
    }

    public boolean outOfScope() {
        return decision.classification() == Classification.OUT_OF_SCOPE;
    }

    /** The checklists, in definition order. */
    public List<Sheet> sheets() {
        return sheets;
    }

    /** The obligation sheets (the ministry's own duties), in definition order; empty for a decision without them. */
    public List<DutySheet> duties() {
        return duties;
    }

    /** Who acts on a duty, in this language: {@code 企画者、提供者} or {@code planner, provider}. */
    public String roles(List<Role> roles) {
        return roles.stream().map(r -> text("label.role." + r.name())).collect(Collectors.joining(comma()));
    }

    /** When a duty falls due, in this language; {@code -} when not said. */
    public String timing(Timing timing) {
        return timing == null ? "-" : text("label.timing." + timing.name());
    }

    /** Counts of an obligation sheet's duties by status, as one line. */
    public String counts(DutySheet sheet) {
        return text("reports.duties.counts", sheet.count(ItemStatus.REQUIRED), sheet.count(ItemStatus.RECOMMENDED),
                sheet.count(ItemStatus.NOT_APPLICABLE));
    }

    /** A library message (a {@code reports.} key). */
    public String text(String key, Object... args) {
        return engine.render(Message.of(key, args), locale);
    }

    /** A definition's title: a checklist, group, item, axis ({@code users}) or option ({@code users.PUBLIC}). */
    public String title(String definitionId) {
        return engine.render(Message.of(definitionId + ".title"), locale);
    }

    /** A reason's text. */
    public String reason(Reason reason) {
        return engine.render(reason.message(), locale);
    }

    /** Why an answer to an axis has its level: the option's reason, in the report's language. */
    public String optionReason(AxisResult axis) {
        return reason(axis.reason());
    }

    /** A source's citation in the report's language; empty if it has none. */
    public String citation(SourceRef source) {
        return source == null || source.citation() == null ? "" : source.citation().in(locale);
    }

    /** An overlay's own title in the report's language; empty for a decision whose record did not keep it. */
    public String overlayTitle(DefinitionsRef.OverlayRef overlay) {
        return overlay.title() == null ? "" : overlay.title().in(locale);
    }

    /** An overlay's own citation in the report's language; empty for a decision whose record did not keep it. */
    public String overlayCitation(DefinitionsRef.OverlayRef overlay) {
        return overlay.citation() == null ? "" : overlay.citation().in(locale);
    }

    /** The definition set's own title. */
    public String definitionsTitle() {
        return title(decision.definitions().id());
    }

    /** A clearly marked blank for the reader to complete: {@code 【記入してください：…】}. */
    public String blank(String whatKey) {
        return text("reports.blank", text(whatKey));
    }

    public String classification(Classification c) {
        return text("reports.classification." + c.name());
    }

    public String level(RiskLevel level) {
        return text("reports.level." + level.name());
    }

    public String status(ItemStatus status) {
        return text("reports.status." + status.name());
    }

    public String provenance(Provenance provenance) {
        return text("reports.provenance." + provenance.name());
    }

    /** A source's provenance, and the overlay that contributed it: {@code interpretation, overlay X}. */
    public String provenance(SourceRef source) {
        return source.overlay() == null ? provenance(source.provenance())
                : provenance(source.provenance()) + ", " + text("reports.provenance.overlay", source.overlay());
    }

    /** The separator after a label: {@code ：} or {@code ": "}. */
    public String colon() {
        return japanese() ? "：" : ": ";
    }

    /** The separator between list parts: {@code 、} or {@code ", "}. */
    public String comma() {
        return japanese() ? "、" : ", ";
    }

    public String yesNo(boolean value) {
        return text(value ? "reports.yes" : "reports.no");
    }

    /** Counts of a sheet's items by status, as one line. */
    public String counts(Sheet sheet) {
        return text("reports.items.counts", sheet.count(ItemStatus.REQUIRED), sheet.count(ItemStatus.RECOMMENDED),
                sheet.count(ItemStatus.NOT_APPLICABLE));
    }
}
