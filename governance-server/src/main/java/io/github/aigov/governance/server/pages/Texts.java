package io.github.aigov.governance.server.pages;

import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Texts for pages and exports rendered in Java: the server's own keys (its bundle, through Spring's
 * message source, which also holds the library's bundle) and the library's messages, in the
 * request's language or a given one.
 */
@Component
public class Texts {
    private final MessageSource messages;

    public Texts(MessageSource messages) {
        this.messages = messages;
    }

    /** The request's language: Japanese or English. */
    public static Locale locale() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.JAPANESE;
    }

    /** A server or library key in the request's language. */
    public String text(String key, Object... args) {
        return text(locale(), key, args);
    }

    /** A server or library key in this language. */
    public String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** A library message (a problem's text, a diff line) in the request's language. */
    public String render(Message message) {
        return Messages.render(message, locale());
    }

    /** A problem as a page shows it: its code, where, its message and its hint, in the request's language. */
    public record ProblemView(String code, String where, String message, String hint) {
    }

    public ProblemView problem(Problem problem) {
        String where = problem.location().path() == null || problem.location().path().isEmpty()
                ? "" : problem.location().path();
        if (problem.location().line() > 0) {
            where = text("where.line", problem.location().file(), problem.location().line(), Math.max(1, problem.location().column()))
                    + (where.isEmpty() ? "" : " " + where);
        }
        return new ProblemView(problem.code().id(), where, render(problem.message()),
                problem.hint() == null ? null : render(problem.hint()));
    }
}
