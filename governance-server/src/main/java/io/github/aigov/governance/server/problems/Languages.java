package io.github.aigov.governance.server.problems;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.Locale;

/**
 * The language a response is written in: the {@code lang} parameter ({@code ja} or {@code en}) if
 * given, else the first of Japanese or English in {@code Accept-Language}, else Japanese (the
 * service is a Japanese ministry's).
 */
public final class Languages {
    private Languages() {
    }

    public static Locale of(HttpServletRequest request) {
        Locale chosen = parse(request.getParameter("lang"));
        if (chosen != null) {
            return chosen;
        }
        if (request.getHeader("Accept-Language") != null) {
            for (Enumeration<Locale> e = request.getLocales(); e.hasMoreElements(); ) {
                Locale l = parse(e.nextElement().getLanguage());
                if (l != null) {
                    return l;
                }
            }
        }
        return Locale.JAPANESE;
    }

    /** {@code ja} or {@code en} as a locale; {@code null} for anything else. */
    public static Locale parse(String lang) {
        if ("ja".equals(lang)) {
            return Locale.JAPANESE;
        }
        return "en".equals(lang) ? Locale.ENGLISH : null;
    }

    /** The {@code lang} parameter checked: absent means the request's language, anything but ja or en is refused. */
    public static Locale require(String lang, HttpServletRequest request) {
        if (lang == null) {
            return of(request);
        }
        Locale l = parse(lang);
        if (l == null) {
            throw ApiProblem.badParameter("lang", lang, "ja, en");
        }
        return l;
    }
}
