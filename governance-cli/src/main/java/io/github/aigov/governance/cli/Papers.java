package io.github.aigov.governance.cli;

import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Where a command's paper goes: standard output, or a file named with {@code --out} — checked and
 * written whole or not at all by {@link OutputFile}.
 */
final class Papers {
    private Papers() {
    }

    /** Text to the file (UTF-8), or to standard output when {@code out} is null. */
    static void write(String text, OutputFile out, PrintWriter stdout, Locale locale) {
        if (out == null) {
            stdout.print(text.endsWith("\n") ? text : text + System.lineSeparator());
            return;
        }
        out.writeText(text);
        stdout.println(Messages.render(Message.of("cli.written", out.path()), locale));
    }

    /** A binary format is written to a file: refused (GOV-0003) without {@code --out}. */
    static void requireFile(Object out, String format) {
        if (out == null) {
            throw new GovernanceException(List.of(Problem.error(ProblemCode.MISSING_FIELD, Location.of("<command line>"),
                    Message.of("cli.problem.out-required", format), Message.of("cli.hint.out-required"))));
        }
    }

    /** A binary paper: a file is required. */
    static void write(OutputFile.Paper paper, OutputFile out, String format, PrintWriter stdout, Locale locale) {
        requireFile(out, format);
        out.write(paper);
        stdout.println(Messages.render(Message.of("cli.written", out.path()), locale));
    }
}
