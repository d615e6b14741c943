package io.github.aigov.governance.rules.internal.cases;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.RiskLevel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One golden case as read from its file: a profile and what the definitions are expected to decide for it.
 *
 * @param file        how the case file is named in results and locations
 * @param name        the case's name
 * @param description what the case is about (may be empty)
 * @param guidelineVersion the shipped guideline version the case was written for, or {@code null} when it names none
 */
public record GoldenCase(String file, String name, String description, String guidelineVersion, ProjectProfile profile,
                         Expectation expect) {

    /**
     * What is expected. Only {@code classification} and {@code escalation} are always checked; the rest is
     * checked when given.
     *
     * @param decidedBy     the combination (or scope) rule expected to decide the classification, or {@code null}
     * @param axes          expected level per axis; empty when not checked
     * @param items         expected status of some items; empty when not checked
     * @param itemsByStatus the exact set of items per status (covering every item); empty when not checked
     * @param obligations   expected status of some obligations (the ministry's duties); empty when not checked
     * @param obligationsByStatus the exact set of obligations per status (covering every obligation); empty when
     *                      not checked
     */
    public record Expectation(Classification classification, boolean escalation, String decidedBy,
                              Map<String, RiskLevel> axes, Map<String, ItemStatus> items,
                              Map<ItemStatus, List<String>> itemsByStatus, Map<String, ItemStatus> obligations,
                              Map<ItemStatus, List<String>> obligationsByStatus) {
        public Expectation {
            axes = Collections.unmodifiableMap(new LinkedHashMap<>(axes));
            items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
            itemsByStatus = copy(itemsByStatus);
            obligations = Collections.unmodifiableMap(new LinkedHashMap<>(obligations));
            obligationsByStatus = copy(obligationsByStatus);
        }

        private static Map<ItemStatus, List<String>> copy(Map<ItemStatus, List<String>> byStatus) {
            Map<ItemStatus, List<String>> copy = new LinkedHashMap<>();
            byStatus.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return Collections.unmodifiableMap(copy);
        }
    }
}
