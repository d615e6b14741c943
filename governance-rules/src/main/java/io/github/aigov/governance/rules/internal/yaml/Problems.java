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
        list.add(new Problem(p.code(), p.severity(), p.location(), oneLine(p.message()), p.hint() == null ? null : oneLine(p.hint())));
    }

    /**
     * Message arguments often quote the input; a line break or other control character in one
     * could forge further lines in a report or a log, so each becomes a space.
     */
    private static Message oneLine(Message m) {
        boolean clean = m.args().stream().allMatch(a -> a.codePoints().noneMatch(Character::isISOControl));
        return clean ? m : new Message(m.key(), m.args().stream()
                .map(a -> a.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString())
                .toList());
    }

    public void addAll(List<Problem> problems) {
        problems.forEach(this::add);
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
