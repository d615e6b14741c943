package io.github.aigov.governance;

import java.util.List;

/**
 * The structure of a compiled definition set, for reports and tools: its axes with their options,
 * and its checklists with their groups and items, in definition order. Texts are message keys
 * ({@code ID.title}).
 */
public record DefinitionCatalog(List<Axis> axes, List<Checklist> checklists) {
    public DefinitionCatalog {
        axes = List.copyOf(axes);
        checklists = List.copyOf(checklists);
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
}
