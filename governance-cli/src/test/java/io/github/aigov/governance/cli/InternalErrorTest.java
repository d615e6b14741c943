package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProjectProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A defect, not bad input: exit 3, one line on stderr, the stack trace only with --debug. */
class InternalErrorTest {
    private static final String SAMPLE = Path.of("..", "examples", "projects", "seabis-help-chat.yaml").toString();

    @Test
    void an_unexpected_exception_is_one_line_without_a_stack_trace() {
        CliRun run = CliRun.of(failingWith(() -> new IllegalStateException("the rule base is corrupt")), "assess", SAMPLE);

        assertThat(run.exit()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("internal error: java.lang.IllegalStateException: the rule base is corrupt — ")
                .contains("--debug");
    }

    @Test
    void with_debug_the_stack_trace_follows() {
        CliRun run = CliRun.of(failingWith(() -> new IllegalStateException("the rule base is corrupt")),
                "assess", SAMPLE, "--debug");

        assertThat(run.exit()).as(run.toString()).isEqualTo(3);
        assertThat(run.errLines().get(0)).startsWith("internal error: java.lang.IllegalStateException");
        assertThat(run.err()).contains("\tat io.github.aigov.governance.cli.InternalErrorTest");
    }

    @Test
    void an_internal_problem_is_printed_as_a_problem_and_exits_with_3() {
        CliRun run = CliRun.of(failingWith(() -> new GovernanceException(List.of(Problem.error(
                ProblemCode.INTERNAL_EVALUATION_ERROR, Location.of("<evaluation>"),
                Message.of("problem.internal.no-classification"), Message.of("hint.internal"))))),
                "assess", SAMPLE);

        assertThat(run.exit()).as(run.toString()).isEqualTo(3);
        assertThat(run.errLines()).singleElement().asString()
                .isEqualTo("<evaluation>: GOV-0901 no combination rule decided a classification — this is a defect of "
                        + "the definitions or the library, not of the profile; report it with the definitions used");
    }

    /** A command line whose engine is real but fails every assessment with the given exception. */
    private static GovernanceCli failingWith(Supplier<RuntimeException> failure) {
        GovernanceEngine real = Governance.builder().build();
        GovernanceEngine failing = new GovernanceEngine() {
            @Override
            public Decision assess(ProjectProfile profile) {
                throw failure.get();
            }

            @Override
            public DefinitionsRef definitions() {
                return real.definitions();
            }

            @Override
            public DefinitionCatalog catalog() {
                return real.catalog();
            }

            @Override
            public String render(Message message, Locale locale) {
                return real.render(message, locale);
            }

            @Override
            public List<Problem> warnings() {
                return real.warnings();
            }
        };
        return new GovernanceCli(spec -> failing);
    }
}
