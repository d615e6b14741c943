package io.github.aigov.governance;

import java.util.List;

/**
 * The structure of a compiled definition set, for reports and tools: its axes with their options,
 * its checklists with their groups and items, and its obligation sheets (the ministry's own duties)
 * with their groups and obligations, in definition order. Texts are message keys ({@code ID.title}).
 */
public record DefinitionCatalog(List<Axis> axes, List<Checklist> checklists, List<ObligationSheet> obligationSheets) {
    public DefinitionCatalog {
        axes = List.copyOf(axes);
        checklists = List.copyOf(checklists);
        obligationSheets = List.copyOf(obligationSheets);
    }

    /** Every obligation of every obligation sheet, in definition order. */
    public List<Obligation> obligations() {
        return obligationSheets.stream().flatMap(s -> s.groups().stream()).flatMap(g -> g.obligations().stream()).toList();
    }

    public record Axis(String id, List<Option> options, SourceRef source) {
        public Axis {
            options = List.copyOf(options);
        }
    }

    public record Option(String id, RiskLevel level, SourceRef source) {
    }

    public record Checklist(String id, List<Group> groups, SourceRef source) {
        public Checklist {
            groups = List.copyOf(groups);
        }
    }

    public record Group(String id, List<Item> items, SourceRef source) {
        public Group {
            items = List.copyOf(items);
        }
    }

    public record Item(String id, String number, SourceRef source) {
    }

    /** A sheet of the ministry's duties, e.g. {@code OBLIGATIONS}. */
    public record ObligationSheet(String id, List<ObligationGroup> groups, SourceRef source) {
        public ObligationSheet {
            groups = List.copyOf(groups);
        }
    }

    public record ObligationGroup(String id, List<Obligation> obligations, SourceRef source) {
        public ObligationGroup {
            obligations = List.copyOf(obligations);
        }
    }

    /** A duty: who acts and when. */
    public record Obligation(String id, String number, List<Role> roles, Timing timing, SourceRef source) {
        public Obligation {
            roles = List.copyOf(roles);
        }
    }
}
