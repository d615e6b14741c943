package io.github.aigov.governance.cli;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.Question;
import io.github.aigov.governance.QuestionOption;
import io.github.aigov.governance.Questionnaire;
import io.github.aigov.governance.QuestionnaireSection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code governance interview --out project.yaml}: asks the questionnaire's questions one at a time on
 * standard input (a terminal, or a pipe of scripted answers, one line per answer), in the language of
 * {@code --lang} (by default the system's): {@code ?} shows the explanation and examples; a yes/no or
 * choice question takes the answer's number or its value; a refused answer is asked again. At the end the
 * profile is assessed, written whole (the question above each answer as a comment) and its decision shown.
 * Input that ends before every question is answered is refused (GOV-0003, naming the question), and
 * nothing is written.
 */
@Command(name = "interview", modelTransformer = HelpTexts.Installer.class, abbreviateSynopsis = true,
        sortOptions = false, usageHelpAutoWidth = true)
final class InterviewCommand extends GovernanceCommand {

    @Output
    @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "interview.out")
    private Path out;

    @Mixin
    private DefinitionsOptions definitions;

    @Override
    int execute() throws IOException {
        GovernanceEngine engine = engine(definitions.spec());
        Questionnaire q = Interview.questionnaire(engine);
        OutputFile file = output(out, "--out");
        Locale locale = support.locale();
        PrintWriter o = spec.commandLine().getOut();
        GovernanceCli cli = (GovernanceCli) spec.root().userObject();
        BufferedReader in = new BufferedReader(new InputStreamReader(cli.input(), StandardCharsets.UTF_8));
        // Answers piped in are not echoed by a terminal: print each after its prompt, so the transcript reads whole.
        boolean echo = cli.input() != System.in || System.console() == null;
        String definitionsName = engine.definitions().id() + " " + engine.definitions().version();
        int total = q.questions().size();
        o.println(text("cli.interview.intro", locale, Interview.oneLine(q.title(), locale), definitionsName, total));

        List<Interview.Answer> answers = new ArrayList<>();
        int asked = 0;
        int lines = 0;
        for (QuestionnaireSection section : q.sections()) {
            o.println();
            o.println("## " + Interview.oneLine(section.title(), locale));
            for (Question question : section.questions()) {
                asked++;
                while (true) {
                    ask(o, question, asked, total, locale);
                    String line = in.readLine();
                    lines++;
                    if (line == null) {
                        throw ended(question, asked, total, lines, locale);
                    }
                    line = line.replace("\uFEFF", "").strip();
                    if (echo) {
                        o.println(line);
                    }
                    if (line.equals("?") || line.equals("？")) {
                        help(o, question, locale);
                        continue;
                    }
                    if (question.type() == Question.Type.TEXT) {
                        Message refused = Interview.refusal(question, line);
                        if (refused != null) {
                            o.println(Messages.render(refused, locale));
                            continue;
                        }
                        answers.add(new Interview.Answer(question, line));
                        break;
                    }
                    Optional<QuestionOption> chosen = Interview.choose(question, line);
                    if (chosen.isEmpty()) {
                        o.println(text("cli.interview.bad", locale, abbreviate(line), question.options().size(),
                                question.options().stream().map(QuestionOption::value).collect(Collectors.joining(", "))));
                        continue;
                    }
                    answers.add(new Interview.Answer(question, chosen.get().value()));
                    break;
                }
            }
        }
        String yaml = Interview.yaml(q, definitionsName, answers, locale);
        ProjectProfile profile = Governance.parseProfile(yaml, out.toString());
        Decision decision = engine.assess(profile);
        file.writeText(yaml);
        o.println();
        o.print(new DecisionReport(engine, locale).summary(decision));
        o.println();
        o.println(Messages.render(Message.of("cli.written", file.path()), locale));
        o.println(Messages.render(Message.of("cli.interview.full-report", file.path()), locale));
        return GovernanceCli.DECIDED;
    }

    private static void ask(PrintWriter o, Question question, int n, int total, Locale locale) {
        o.println();
        o.println("(" + n + "/" + total + ") " + Interview.oneLine(question.text(), locale));
        List<QuestionOption> options = question.options();
        for (int i = 0; i < options.size(); i++) {
            QuestionOption option = options.get(i);
            o.println("  " + (i + 1) + ") " + Interview.oneLine(option.meaning(), locale) + " [" + option.value() + "]");
        }
        o.print(text(question.type() == Question.Type.TEXT
                ? (question.optional() ? "cli.interview.prompt.optional" : "cli.interview.prompt.text")
                : "cli.interview.prompt.choice", locale, options.size()));
        o.flush();
    }

    private static void help(PrintWriter o, Question question, Locale locale) {
        o.println();
        o.println(Interview.oneLine(question.help().explanation(), locale));
        for (LocalizedText example : question.help().examples()) {
            o.println("  " + text("cli.options.example", locale, Interview.oneLine(example, locale)));
        }
        for (QuestionOption option : question.options()) {
            if (option.examples().isEmpty()) {
                continue;
            }
            o.println("  [" + option.value() + "] " + Interview.oneLine(option.meaning(), locale));
            for (LocalizedText example : option.examples()) {
                o.println("    " + text("cli.options.example", locale, Interview.oneLine(example, locale)));
            }
        }
    }

    /** The input ended before this question was answered: nothing is written. */
    private static GovernanceException ended(Question question, int n, int total, int line, Locale locale) {
        return new GovernanceException(List.of(Problem.error(ProblemCode.MISSING_FIELD,
                new Location("<stdin>", line, 0, question.sets()),
                Message.of("cli.interview.ended", n, total, Interview.oneLine(question.text(), locale)),
                Message.of("cli.hint.interview.ended"))));
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static String text(String key, Locale locale, Object... args) {
        return Messages.render(Message.of(key, args), locale);
    }
}
