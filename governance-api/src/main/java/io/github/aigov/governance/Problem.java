package io.github.aigov.governance;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with an input, as data: a permanent code, a location, a message and, where it
 * helps, a hint. Messages are keys; render them with {@link Messages}.
 */
public record Problem(ProblemCode code, Severity severity, Location location, Message message, Message hint)
        implements Comparable<Problem> {

    private static final Comparator<Problem> ORDER = Comparator
            .comparing(Problem::location)
            .thenComparing(p -> p.code.id());

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(ProblemCode code, Location location, Message message, Message hint) {
        return new Problem(code, Severity.ERROR, location, message, hint);
    }

    @Override
    public int compareTo(Problem o) {
        return ORDER.compare(this, o);
    }
}
