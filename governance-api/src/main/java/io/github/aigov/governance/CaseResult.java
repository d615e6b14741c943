package io.github.aigov.governance;

import java.util.List;

/**
 * The outcome of one golden case (a profile and the decision expected for it), as run by
 * {@link Governance#runCases}.
 *
 * @param file        the case file
 * @param name        the case's name
 * @param differences what differs from the expectation, one line each; empty when the case passes
 * @param problems    problems reading the case or assessing its profile (the case then fails)
 */
public record CaseResult(String file, String name, List<String> differences, List<Problem> problems) {
    public CaseResult {
        differences = List.copyOf(differences);
        problems = List.copyOf(problems);
    }

    public boolean passed() {
        return differences.isEmpty() && problems.isEmpty();
    }
}
