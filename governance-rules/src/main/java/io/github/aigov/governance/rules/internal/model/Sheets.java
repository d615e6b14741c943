package io.github.aigov.governance.rules.internal.model;

import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Provenance;
import io.github.aigov.governance.RiskLevel;
import io.github.aigov.governance.Role;
import io.github.aigov.governance.Timing;
import io.github.aigov.governance.rules.internal.model.Rules.ApplicabilityRule;
import io.github.aigov.governance.rules.internal.model.Rules.CombinationRule;
import io.github.aigov.governance.rules.internal.model.Rules.EscalationRule;
import io.github.aigov.governance.rules.internal.model.Rules.ScopeRule;
import java.util.List;

/** The parse model of a definition set: immutable records that remember where they were written. */
public final class Sheets {
    private Sheets() {
    }

    /**
     * The manifest. {@code questionnaireFile} names the set's questionnaire ({@code null}: none); it
     * decides nothing, so the content hash does not cover it.
     */
    public record DefinitionSetModel(String id, String version, String date, LocalizedText title, Provenance provenance,
                                     LocalizedText citation, List<String> sheetFiles, Location location,
                                     String questionnaireFile) {
        public DefinitionSetModel {
            sheetFiles = List.copyOf(sheetFiles);
        }
    }

    public record RiskSheet(Meta meta, List<ScopeRule> scope, List<Axis> axes, List<CombinationRule> combination,
                            List<EscalationRule> escalation) {
        public RiskSheet {
            scope = List.copyOf(scope);
            axes = List.copyOf(axes);
            combination = List.copyOf(combination);
            escalation = List.copyOf(escalation);
        }
    }

    public record Axis(Meta meta, LocalizedText question, List<Option> options) {
        public Axis {
            options = List.copyOf(options);
        }
    }

    /**
     * An option of an axis; its definition id is {@code axis.OPTION}. Its reason says why the option
     * has its level (the options and their levels are this project's reading, not the guideline's);
     * {@code null} in definitions written before options had reasons.
     */
    public record Option(Meta meta, String axis, RiskLevel level, LocalizedText reason) {
        public String key() {
            return axis + "." + meta.id();
        }

        /** The text shown as the reason for the option's level: its reason, or its title if it has none. */
        public String reasonKey() {
            return key() + (reason == null ? ".title" : ".reason");
        }
    }

    /**
     * What a sheet of rule-decided items is: a checklist (what the specifications and the contract
     * contain; {@code kind: Checklist}) or the ministry's own duties ({@code kind: ObligationSheet}),
     * whose items carry who acts and when. Both are decided by the same applicability rules.
     */
    public enum SheetKind {
        CHECKLIST, OBLIGATIONS
    }

    /** A checklist or an obligation sheet: groups of items, and the applicability rules that decide them. */
    public record Checklist(Meta meta, SheetKind kind, List<Group> groups, List<ApplicabilityRule> applicability) {
        public Checklist {
            groups = List.copyOf(groups);
            applicability = List.copyOf(applicability);
        }

        /** A checklist ({@link SheetKind#CHECKLIST}). */
        public Checklist(Meta meta, List<Group> groups, List<ApplicabilityRule> applicability) {
            this(meta, SheetKind.CHECKLIST, groups, applicability);
        }

        /** Whether this is a sheet of the ministry's duties rather than a checklist. */
        public boolean obligations() {
            return kind == SheetKind.OBLIGATIONS;
        }

        /** The same sheet with other groups and rules (an overlay's result). */
        public Checklist with(List<Group> newGroups, List<ApplicabilityRule> newRules) {
            return new Checklist(meta, kind, newGroups, newRules);
        }

        public List<Item> items() {
            return groups.stream().flatMap(g -> g.items().stream()).toList();
        }
    }

    public record Group(Meta meta, List<Item> items) {
        public Group {
            items = List.copyOf(items);
        }
    }

    /** An item; on an obligation sheet, with its duty (who acts and when), else {@code duty} is null. */
    public record Item(Meta meta, String number, Duty duty) {
        /** A checklist item. */
        public Item(Meta meta, String number) {
            this(meta, number, null);
        }
    }

    /** Who acts on a duty, and when it falls due. */
    public record Duty(List<Role> roles, Timing timing) {
        public Duty {
            roles = List.copyOf(roles);
        }
    }
}
