package io.github.aigov.governance.internal;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.QuestionOption;
import io.github.aigov.governance.Questionnaire;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.Reason;
import io.github.aigov.governance.WhatIf;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The what-if search: every single change of an answer, assessed by the engine itself; when none lowers the
 * outcome, every pair of changes of two different answers. Nothing here decides: the engine's {@code assess}
 * gives each alternative its decision and trace.
 */
public final class WhatIfSearch {
    private WhatIfSearch() {
    }

    public static WhatIf search(GovernanceEngine engine, ProjectProfile profile) {
        Decision base = engine.assess(profile);
        if (!lowerable(base)) {
            return new WhatIf(base, 0, List.of());
        }
        List<WhatIf.Change> singles = singles(engine, profile);
        List<WhatIf.Alternative> found = new ArrayList<>();
        for (WhatIf.Change c : singles) {
            consider(engine, profile, base, List.of(c), found);
        }
        int distance = 1;
        if (found.isEmpty()) {
            distance = 2;
            for (int i = 0; i < singles.size(); i++) {
                for (int j = i + 1; j < singles.size(); j++) {
                    if (!singles.get(i).field().equals(singles.get(j).field())) {
                        consider(engine, profile, base, List.of(singles.get(i), singles.get(j)), found);
                    }
                }
            }
        }
        if (found.isEmpty()) {
            return new WhatIf(base, 0, List.of());
        }
        List<WhatIf.Alternative> sorted = new ArrayList<>(found);
        // stable: within a rank, the definitions' order of the changes
        sorted.sort(Comparator.comparing((WhatIf.Alternative a) -> !a.designChoice())
                .thenComparing(a -> rank(a.decision().classification())));
        return new WhatIf(base, distance, sorted);
    }

    /** Whether something can be lowered: a class above LOW, or an escalation. */
    public static boolean lowerable(Decision d) {
        return d.classification() != Classification.OUT_OF_SCOPE
                && (d.classification() != Classification.LOW || d.escalation().required());
    }

    /** Whether {@code alt} lowers {@code base}: a lower class (still in scope), or no escalation where there was one. */
    public static boolean lowers(Decision base, Decision alt) {
        if (alt.classification() == Classification.OUT_OF_SCOPE) {
            return false;
        }
        return rank(alt.classification()) < rank(base.classification())
                || (base.escalation().required() && !alt.escalation().required());
    }

    private static int rank(Classification c) {
        return switch (c) {
            case LOW -> 0;
            case MEDIUM -> 1;
            case HIGH -> 2;
            case OUT_OF_SCOPE -> 3;
        };
    }

    /**
     * Every answer changed once, in the definitions' order: each axis's other options, then the procurement
     * answers; each with what it means (the questionnaire's change text, else the answer's title) and whether
     * it is a design choice (the questionnaire's mark, else yes).
     */
    public static List<WhatIf.Change> singles(GovernanceEngine engine, ProjectProfile p) {
        Optional<Questionnaire> questionnaire = engine.questionnaire();
        List<WhatIf.Change> out = new ArrayList<>();
        for (DefinitionCatalog.Axis axis : engine.catalog().axes()) {
            String given = p.axes().get(axis.id());
            for (DefinitionCatalog.Option o : axis.options()) {
                if (!o.id().equals(given)) {
                    out.add(change(engine, questionnaire, "axes." + axis.id(), given, o.id(),
                            Message.of(axis.id() + "." + o.id() + ".title")));
                }
            }
        }
        for (ProcurementForm f : ProcurementForm.values()) {
            if (f != p.procurement().form()) {
                out.add(change(engine, questionnaire, WhatIf.FORM, p.procurement().form().name(), f.name(),
                        Message.of("label.whatif.form." + f.name())));
            }
        }
        String trains = String.valueOf(!p.procurement().vendorTrainsModel());
        out.add(change(engine, questionnaire, WhatIf.VENDOR_TRAINS_MODEL, String.valueOf(p.procurement().vendorTrainsModel()),
                trains, Message.of("label.whatif.vendor-trains." + trains)));
        return out;
    }

    private static WhatIf.Change change(GovernanceEngine engine, Optional<Questionnaire> questionnaire, String field,
                                        String from, String to, Message fallback) {
        Optional<QuestionOption> option = questionnaire.flatMap(q -> q.questionFor(field)).flatMap(q -> q.option(to));
        LocalizedText meaning = option.map(QuestionOption::change).orElseGet(() ->
                new LocalizedText(engine.render(fallback, Locale.JAPANESE), engine.render(fallback, Locale.ENGLISH)));
        return new WhatIf.Change(field, from, to, meaning, option.map(QuestionOption::designChoice).orElse(true));
    }

    /** The profile with these changes applied. */
    public static ProjectProfile apply(ProjectProfile p, List<WhatIf.Change> changes) {
        Map<String, String> axes = new LinkedHashMap<>(p.axes());
        ProcurementForm form = p.procurement().form();
        boolean trains = p.procurement().vendorTrainsModel();
        for (WhatIf.Change c : changes) {
            if (c.axis() != null) {
                axes.put(c.axis(), c.to());
            } else if (c.field().equals(WhatIf.FORM)) {
                form = ProcurementForm.valueOf(c.to());
            } else if (c.field().equals(WhatIf.VENDOR_TRAINS_MODEL)) {
                trains = Boolean.parseBoolean(c.to());
            } else {
                throw new IllegalArgumentException("not an answer a what-if changes: " + c.field());
            }
        }
        return new ProjectProfile(p.id(), p.name(), p.organisation(), p.description(), p.scope(), p.model(),
                new ProjectProfile.Procurement(form, trains), axes);
    }

    private static void consider(GovernanceEngine engine, ProjectProfile p, Decision base, List<WhatIf.Change> changes,
                                 List<WhatIf.Alternative> found) {
        Decision alt = engine.assess(apply(p, changes));
        if (!lowers(base, alt)) {
            return;
        }
        Reason decidedBy = rank(alt.classification()) < rank(base.classification()) ? alt.classificationReason()
                : alt.escalation().reasons().get(0);
        Set<String> was = required(base, false);
        Set<String> now = required(alt, false);
        Set<String> dutiesWas = required(base, true);
        Set<String> dutiesNow = required(alt, true);
        found.add(new WhatIf.Alternative(changes, alt, decidedBy, minus(now, was), minus(was, now), minus(dutiesNow, dutiesWas),
                minus(dutiesWas, dutiesNow)));
    }

    private static Set<String> required(Decision d, boolean duties) {
        Set<String> ids = new LinkedHashSet<>();
        if (duties) {
            d.obligations(ItemStatus.REQUIRED).forEach(o -> ids.add(o.id()));
        } else {
            d.items(ItemStatus.REQUIRED).forEach(i -> ids.add(i.id()));
        }
        return ids;
    }

    private static List<String> minus(Set<String> a, Set<String> b) {
        return a.stream().filter(x -> !b.contains(x)).collect(Collectors.toList());
    }
}
