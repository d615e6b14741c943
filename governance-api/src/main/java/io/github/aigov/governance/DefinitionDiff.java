package io.github.aigov.governance;

import java.util.List;

/**
 * What changes between two definition sets (a guideline revision, or a ministry's overlay): the
 * definitions added, removed and changed, and, for the profiles given, whose decision changes and why.
 * Every line is a {@link Message}, rendered late in Japanese or English.
 */
public record DefinitionDiff(DefinitionsRef from, DefinitionsRef to, List<Change> changes, List<ProfileImpact> impacts) {
    public DefinitionDiff {
        changes = List.copyOf(changes);
        impacts = List.copyOf(impacts);
    }

    public enum ChangeKind { ADDED, REMOVED, CHANGED }

    /**
     * One definition that differs.
     *
     * @param category what it is: {@code option}, {@code scope}, {@code combination}, {@code escalation},
     *                 {@code applicability}, {@code item}, {@code group}, {@code checklist}, {@code axis}
     * @param details  what differs (for CHANGED), one message per aspect
     */
    public record Change(ChangeKind kind, String category, String id, List<Message> details) {
        public Change {
            details = List.copyOf(details);
        }
    }

    /** How one profile's decision differs; {@code differences} is empty when nothing changes. */
    public record ProfileImpact(String profileId, Classification fromClassification, Classification toClassification,
                                List<Message> differences) {
        public ProfileImpact {
            differences = List.copyOf(differences);
        }

        public boolean changed() {
            return !differences.isEmpty();
        }
    }
}
