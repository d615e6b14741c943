package io.github.aigov.governance.server.pages;

import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.security.Role;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's layout shows: who is logged in, the navigation their role may use, the page's
 * language and the link to the other language.
 */
@Component
public class PageFrame {

    /** A navigation link; {@code current} marks the section the page belongs to ({@code aria-current}). */
    public record NavLink(String href, String label, boolean current) {
    }

    /** The link to the same page in the other language. */
    public record LanguageLink(String href, String lang, String label) {
    }

    private record Section(String href, String label, Set<Role> roles) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section("/dashboard", "nav.dashboard", Set.of(Role.values())),
            new Section("/systems/new", "nav.register", Set.of(Role.OFFICER, Role.CAIO)),
            new Section("/reports/regular", "nav.regular-report", Set.of(Role.CAIO, Role.AUDITOR, Role.DIGITAL_AGENCY)),
            new Section("/revision", "nav.revision", Set.of(Role.CAIO)),
            new Section("/settings", "nav.settings", Set.of(Role.CAIO)));

    /** Fills the layout's model for this request. */
    public void fill(Model model, HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        String lang = "en".equals(locale.getLanguage()) ? "en" : "ja";
        model.addAttribute("lang", lang);
        String other = lang.equals("ja") ? "en" : "ja";
        model.addAttribute("languageLink", new LanguageLink(sameWith(request, other), other,
                other.equals("en") ? "English" : "日本語"));
        CurrentUser me = currentUser();
        model.addAttribute("me", me);
        List<NavLink> nav = new ArrayList<>();
        if (me != null) {
            String path = path(request);
            for (Section s : SECTIONS) {
                if (s.roles().contains(me.role())) {
                    nav.add(new NavLink(s.href(), s.label(), path.equals(s.href()) || path.startsWith(s.href() + "/")));
                }
            }
            model.addAttribute("roleLabel", "role." + me.role().name());
        }
        model.addAttribute("nav", nav);
    }

    /** The logged-in user, or {@code null} on the login page. */
    public static CurrentUser currentUser() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof CurrentUser u ? u : null;
    }

    private static String path(HttpServletRequest request) {
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String uri = forwarded != null ? forwarded.toString() : request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** This page's address (path and query) with {@code lang} set to the other language. */
    static String sameWith(HttpServletRequest request, String lang) {
        String path = path(request);
        try {
            Object forwardedQuery = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
            String query = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) != null
                    ? (forwardedQuery == null ? null : forwardedQuery.toString()) : request.getQueryString();
            return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang", lang).build(true).toUriString();
        } catch (IllegalArgumentException e) {
            return UriComponentsBuilder.fromPath("/dashboard").queryParam("lang", lang).build().toUriString();
        }
    }
}
