package io.github.aigov.governance.examples.cli;

import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Where a command's paper goes: standard output, or a file named with {@code --out}. */
final class Papers {
    private Papers() {
    }

    /** Text to a file (UTF-8), or to standard output when {@code out} is null. */
    static void write(String text, Path out, PrintWriter stdout, Locale locale) throws IOException {
        if (out == null) {
            stdout.print(text.endsWith("\n") ? text : text + System.lineSeparator());
            return;
        }
        Files.writeString(out, text, StandardCharsets.UTF_8);
        stdout.println(Messages.render(Message.of("cli.written", out), locale));
    }

    /** A binary paper: a file is required. */
    static OutputStream open(Path out, String format) throws IOException {
        if (out == null) {
            throw new GovernanceException(List.of(Problem.error(ProblemCode.MISSING_FIELD, Location.of("<command line>"),
                    Message.of("cli.problem.out-required", format), Message.of("cli.hint.out-required"))));
        }
        return Files.newOutputStream(out);
    }
}
