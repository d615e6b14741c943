package io.github.aigov.governance.cli;

import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Question;
import io.github.aigov.governance.QuestionOption;
import io.github.aigov.governance.Questionnaire;
import io.github.aigov.governance.QuestionnaireSection;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code governance options}: what a profile can say, without reading the definition files: each
 * question of the questionnaire with the profile field it sets, and each answer's id (the value to
 * write), its meaning and examples, in the language of {@code --lang}, as an overlay rewords them.
 */
@Command(name = "options", modelTransformer = HelpTexts.Installer.class, abbreviateSynopsis = true,
        sortOptions = false, usageHelpAutoWidth = true)
final class OptionsCommand extends GovernanceCommand {

    @Mixin
    private DefinitionsOptions definitions;

    @Override
    int execute() {
        GovernanceEngine engine = engine(definitions.spec());
        Questionnaire q = Interview.questionnaire(engine);
        Locale locale = support.locale();
        PrintWriter out = spec.commandLine().getOut();
        out.println(Messages.render(Message.of("cli.options.title", engine.definitions().id(), engine.definitions().version(),
                q.title().in(locale)), locale));
        for (QuestionnaireSection section : q.sections()) {
            out.println();
            out.println("## " + section.title().in(locale));
            for (Question question : section.questions()) {
                out.println();
                out.println(question.sets() + ": " + Interview.oneLine(question.text(), locale) + " "
                        + Messages.render(Message.of(question.type() == Question.Type.TEXT
                        ? (question.optional() ? "cli.options.text-optional" : "cli.options.text") : "cli.options.choice"), locale));
                int width = question.options().stream().mapToInt(o -> o.value().length()).max().orElse(0);
                for (QuestionOption o : question.options()) {
                    out.println("  " + pad(o.value(), width) + "  " + Interview.oneLine(o.meaning(), locale));
                    for (LocalizedText example : o.examples()) {
                        out.println("  " + " ".repeat(width) + "  " + Messages.render(Message.of("cli.options.example",
                                Interview.oneLine(example, locale)), locale));
                    }
                }
            }
        }
        return GovernanceCli.DECIDED;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
