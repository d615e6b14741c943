package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import java.util.Locale;

/**
 * What every refusal of an input must be: problems that are the input's fault (never a library
 * defect, GOV-09xx), each with a code, a location naming a file, and messages that exist in both
 * bundles and render in both languages.
 */
final class WellFormedProblems {
    private WellFormedProblems() {
    }

    static void assertWellFormed(GovernanceException e) {
        assertThat(e.problems()).as("a refusal lists its problems").isNotEmpty();
        assertThat(e.internal()).as("a refused input is never a library defect: %s", e.getMessage()).isFalse();
        for (Problem p : e.problems()) {
            assertThat(p.code()).isNotNull();
            assertThat(p.location()).isNotNull();
            assertThat(p.location().file()).as("the file of %s", p).isNotBlank();
            assertThat(p.location().line()).isNotNegative();
            assertThat(p.location().column()).isNotNegative();
            exists(p.message());
            if (p.hint() != null) {
                exists(p.hint());
            }
            for (Locale l : new Locale[] {Locale.ENGLISH, Locale.JAPANESE}) {
                assertThat(Messages.format(p, l)).isNotBlank();
            }
        }
    }

    private static void exists(Message m) {
        assertThat(Messages.has(m.key(), Locale.ENGLISH)).as("English message %s", m.key()).isTrue();
        assertThat(Messages.has(m.key(), Locale.JAPANESE)).as("Japanese message %s", m.key()).isTrue();
    }
}
