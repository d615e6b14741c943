package io.github.aigov.governance.rules.internal.yaml;

import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.Severity;
import java.util.ArrayList;
import java.util.List;

/** Collects problems across a whole load, so they are reported together. Not thread-safe. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void error(ProblemCode code, Location at, String key, Object... args) {
        add(new Problem(code, Severity.ERROR, at, Message.of(key, args), null));
    }

    public void errorWithHint(ProblemCode code, Location at, Message hint, String key, Object... args) {
        add(new Problem(code, Severity.ERROR, at, Message.of(key, args), hint));
    }

    public void warning(ProblemCode code, Location at, String key, Object... args) {
        add(new Problem(code, Severity.WARNING, at, Message.of(key, args), null));
    }

    public void add(Problem p) {
        list.add(p);
    }

    public void addAll(List<Problem> problems) {
        list.addAll(problems);
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    public List<Problem> all() {
        return list.stream().sorted().toList();
    }

    public List<Problem> warnings() {
        return all().stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }

    /** Throws every problem at once if any is an error. */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new GovernanceException(all());
        }
    }
}
