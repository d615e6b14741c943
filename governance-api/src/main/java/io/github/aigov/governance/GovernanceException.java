package io.github.aigov.governance;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An input was refused, or an evaluation could not complete. Carries every problem found, sorted by
 * location, so one run reports them all.
 */
public class GovernanceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public GovernanceException(List<Problem> problems) {
        this(problems, null);
    }

    public GovernanceException(List<Problem> problems, Throwable cause) {
        super(summary(problems), cause);
        this.problems = problems.stream().sorted().toList();
    }

    /** Every problem, sorted by location. */
    public List<Problem> problems() {
        return problems;
    }

    /** Whether any problem is a defect of the library rather than of the input. */
    public boolean internal() {
        return problems.stream().anyMatch(p -> p.code().internal());
    }

    private static String summary(List<Problem> problems) {
        return problems.stream().sorted()
                .map(p -> Messages.format(p, Locale.ENGLISH))
                .collect(Collectors.joining("\n"));
    }
}
