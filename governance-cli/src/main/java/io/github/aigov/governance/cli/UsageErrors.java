package io.github.aigov.governance.cli;

import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.internal.Nearest;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Arguments picocli refused (exit 2): one line saying what is wrong and, where one is near, what was
 * meant — a value outside an option's closed list names the allowed values and the nearest one
 * ({@code --format JSON} → {@code json}, {@code --guideline-version 2} → {@code 2.0}), an unknown option
 * or command the nearest known one — then the command's usage, all in the language the arguments ask
 * for ({@code --lang}), read from the raw arguments since they did not parse.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        Locale locale = Language.of(args).locale();
        HelpTexts.localize(root(command), locale);
        PrintWriter err = command.getErr();
        err.println(line(ex, command, locale));
        command.usage(err);
        err.flush();
        return GovernanceCli.USAGE;
    }

    /** {@code message — hint}, as a problem is printed. */
    static String line(ParameterException ex, CommandLine command, Locale locale) {
        Message[] said = describe(ex, command);
        String text = Messages.render(said[0], locale);
        return said[1] == null ? text : text + " — " + Messages.render(said[1], locale);
    }

    /** The message and the hint (or {@code null}) for a refusal. */
    private static Message[] describe(ParameterException ex, CommandLine command) {
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String given = u.getUnmatched().get(0);
            List<String> known = new ArrayList<>();
            if (given.startsWith("-")) {
                command.getCommandSpec().options().forEach(o -> known.addAll(List.of(o.names())));
                int eq = given.indexOf('=');
                given = eq > 0 ? given.substring(0, eq) : given;
            } else {
                known.addAll(command.getSubcommands().keySet());
            }
            return new Message[] {Message.of("cli.usage.unknown", String.join(" ", u.getUnmatched())), nearest(given, known)};
        }
        if (ex instanceof MissingParameterException m) {
            return new Message[] {Message.of("cli.usage.missing",
                    String.join(", ", m.getMissing().stream().map(UsageErrors::name).toList())), null};
        }
        if (ex instanceof OverwrittenOptionException o && o.getOverwritten() != null) {
            return new Message[] {Message.of("cli.usage.repeated", name(o.getOverwritten())), null};
        }
        ArgSpec arg = ex.getArgSpec();
        if (arg != null && ex.getValue() != null && ex.getClass() == ParameterException.class) {
            List<String> allowed = new ArrayList<>();
            if (arg.completionCandidates() != null) {
                arg.completionCandidates().forEach(allowed::add);
            }
            if (!allowed.isEmpty()) {
                return new Message[] {Message.of("cli.usage.invalid", ex.getValue(), name(arg), String.join(", ", allowed)),
                        nearest(ex.getValue(), allowed)};
            }
            Class<?> type = arg.type();
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                return new Message[] {Message.of("cli.usage.not-a-number", ex.getValue(), name(arg)), null};
            }
        }
        if (ex.getArgSpec() == null && !command.getSubcommands().isEmpty() && command.getParseResult() != null
                && !command.getParseResult().hasSubcommand()) {
            return new Message[] {Message.of("cli.usage.command"),
                    Message.of("hint.one-of", String.join(", ", command.getSubcommands().keySet()))};
        }
        return new Message[] {Message.of("cli.usage.other", ex.getMessage()), null};
    }

    private static Message nearest(String given, List<String> known) {
        String best = Nearest.of(given, known);
        return best == null ? null : Message.of("hint.did-you-mean", best);
    }

    /** An option by its longest name, a positional parameter by its label. */
    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }

    private static CommandLine root(CommandLine command) {
        CommandLine c = command;
        while (c.getParent() != null) {
            c = c.getParent();
        }
        return c;
    }
}
