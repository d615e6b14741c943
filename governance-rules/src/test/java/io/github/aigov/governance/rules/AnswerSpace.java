package io.github.aigov.governance.rules;

import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every answer a profile can give in DS-920 v1.0: each option of each axis (4 x 5 x 4 x 3), each procurement form
 * and both vendor-training answers: 1,440 combinations. The option ids are written out here, not read from the
 * engine, and {@code AnswerSpaceTest} checks they are exactly the definitions' options, so the enumeration is
 * known to be exhaustive.
 */
final class AnswerSpace {
    /** Axis id to its option ids, in definition order. */
    static final Map<String, List<String>> OPTIONS = options();

    private AnswerSpace() {
    }

    private static Map<String, List<String>> options() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("users", List.of("STAFF_SPECIFIC", "STAFF_GENERAL", "EXTERNAL_CONTRACTED", "PUBLIC"));
        m.put("work", List.of("INTERNAL_SUPPORT", "INFORMATION_PROVISION", "POLICY_ANALYSIS", "RIGHTS_AFFECTING",
                "LIFE_SAFETY"));
        m.put("data", List.of("PUBLIC_ONLY", "INTERNAL_NON_CONFIDENTIAL", "SENSITIVE_IN_PROMPTS", "SENSITIVE_LEARNED"));
        m.put("judgement", List.of("EVERY_OUTPUT", "SAMPLED", "NONE"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** One combination of answers. */
    record Answers(Map<String, String> axes, ProcurementForm form, boolean vendorTrainsModel) {
        Answers {
            axes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(axes));
        }

        /** The same answers with one axis answered differently. */
        Answers with(String axis, String option) {
            Map<String, String> changed = new LinkedHashMap<>(axes);
            changed.put(axis, option);
            return new Answers(changed, form, vendorTrainsModel);
        }

        /** The in-scope profile. */
        ProjectProfile profile() {
            return profile(true, false);
        }

        ProjectProfile profile(boolean textGeneration, boolean specifiedSecrets) {
            String id = String.join(".", axes.values()) + "." + form + "." + vendorTrainsModel + "." + textGeneration
                    + "." + specifiedSecrets;
            return new ProjectProfile(id, "Answer-space profile " + id, "Test ministry", "",
                    new ProjectProfile.Scope(textGeneration, specifiedSecrets),
                    new ProjectProfile.Model("example-llm", "Example Corp."),
                    new ProjectProfile.Procurement(form, vendorTrainsModel), axes);
        }

        @Override
        public String toString() {
            return axes + " " + form + (vendorTrainsModel ? " vendor trains" : "");
        }
    }

    /** All 1,440 combinations, in a fixed order. */
    static List<Answers> all() {
        List<Answers> out = new ArrayList<>();
        for (String users : OPTIONS.get("users")) {
            for (String work : OPTIONS.get("work")) {
                for (String data : OPTIONS.get("data")) {
                    for (String judgement : OPTIONS.get("judgement")) {
                        for (ProcurementForm form : ProcurementForm.values()) {
                            for (boolean trains : new boolean[] {false, true}) {
                                Map<String, String> axes = new LinkedHashMap<>();
                                axes.put("users", users);
                                axes.put("work", work);
                                axes.put("data", data);
                                axes.put("judgement", judgement);
                                out.add(new Answers(axes, form, trains));
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }
}
