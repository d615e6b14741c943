package io.github.aigov.governance.rules;

import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every shipped definition set and the example ministry overlay, and every combination of answers
 * their axes allow (read from each engine's catalog, so a set with other axes is enumerated too).
 * Public for the tests of other packages that go over the whole answer space.
 */
public final class EverySet {
    /** A set's name and how to build an engine over it. */
    public record Set(String name, Supplier<GovernanceEngine> engine) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static final List<Set> SETS = List.of(
            new Set("DS-920 1.0", () -> Governance.builder().guidelineVersion("1.0").build()),
            new Set("DS-920 2.0", () -> Governance.builder().guidelineVersion("2.0").build()),
            new Set("DS-920 2.0 + example overlay", () -> Governance.builder().guidelineVersion("2.0")
                    .overlay(Path.of("../examples/overlays/example-ministry-overlay.yaml")).build()));

    private EverySet() {
    }

    /** Every combination of one option per axis, axes in catalog order. */
    public static List<Map<String, String>> answers(List<DefinitionCatalog.Axis> axes) {
        List<Map<String, String>> all = new ArrayList<>();
        all.add(new LinkedHashMap<>());
        for (DefinitionCatalog.Axis axis : axes) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : all) {
                for (DefinitionCatalog.Option o : axis.options()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(axis.id(), o.id());
                    next.add(m);
                }
            }
            all = next;
        }
        return all;
    }

    /** An in-scope profile with these answers. */
    public static ProjectProfile profile(Map<String, String> answers, ProcurementForm form, boolean trains) {
        return profile(answers, form, trains, true, false);
    }

    public static ProjectProfile profile(Map<String, String> answers, ProcurementForm form, boolean trains,
                                         boolean textGeneration, boolean specifiedSecrets) {
        return new ProjectProfile("p", "Project", "Ministry", "", new ProjectProfile.Scope(textGeneration, specifiedSecrets),
                new ProjectProfile.Model("m", "v"), new ProjectProfile.Procurement(form, trains), answers);
    }
}
