package io.github.aigov.governance.cli;

import io.github.aigov.governance.Crosswalk;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The crosswalks a command was asked for with {@code --crosswalk ID}, and how the text report writes their references. */
final class Crosswalks {
    private Crosswalks() {
    }

    /** The engine's crosswalks with these ids, in the order given; every unknown id refused at once (GOV-0006). */
    static List<Crosswalk> resolve(GovernanceEngine engine, List<String> ids) {
        List<Crosswalk> out = new ArrayList<>();
        List<Problem> unknown = new ArrayList<>();
        String known = engine.crosswalks().stream().map(Crosswalk::id).collect(Collectors.joining(", "));
        for (String id : ids) {
            engine.crosswalk(id).ifPresentOrElse(c -> {
                if (!out.contains(c)) {
                    out.add(c);
                }
            }, () -> unknown.add(Problem.error(ProblemCode.UNKNOWN_REFERENCE, new Location("<command line>", 0, 0, "--crosswalk"),
                    Message.of("reports.problem.crosswalk", id), Message.of("reports.hint.crosswalk", known.isEmpty() ? "-" : known))));
        }
        if (!unknown.isEmpty()) {
            throw new GovernanceException(unknown);
        }
        return out;
    }

    /** A required item's or duty's references in one crosswalk, {@code EU-AI-ACT: Art. 14 (direct), ...}; empty when none. */
    static String line(Crosswalk c, String id, GovernanceEngine engine, Locale locale) {
        Map<String, Crosswalk.Target> targets = new LinkedHashMap<>();
        c.mappingsOf(id).forEach(m -> m.targets().forEach(t -> targets.putIfAbsent(t.reference().id(), t)));
        return targets.isEmpty() ? "" : c.framework().id() + ": " + references(List.copyOf(targets.values()), engine, locale);
    }

    static String references(List<Crosswalk.Target> targets, GovernanceEngine engine, Locale locale) {
        boolean ja = "ja".equals(locale.getLanguage());
        return targets.stream().map(t -> t.reference().label() + (ja ? "（" : " (")
                + engine.render(Message.of("reports.crosswalk.strength." + t.strength().name()), locale) + (ja ? "）" : ")"))
                .collect(Collectors.joining(ja ? "、" : ", "));
    }
}
