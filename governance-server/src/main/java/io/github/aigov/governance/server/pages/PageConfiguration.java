package io.github.aigov.governance.server.pages;

import io.github.aigov.governance.server.problems.Languages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The pages' language: Japanese unless the user chose English with the switch every page carries
 * ({@code ?lang=en}, or {@code ?lang=ja} back), remembered in a cookie. The browser's
 * {@code Accept-Language} is not followed: the service is a Japanese ministry's, and its pages read
 * in Japanese first. Only {@code ja} and {@code en} are taken. The API keeps its own rule
 * ({@code lang}, else {@code Accept-Language}, else Japanese) and is not affected.
 */
@Configuration
public class PageConfiguration implements WebMvcConfigurer {
    static final String COOKIE = "lang";

    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setDefaultLocale(Locale.JAPANESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieHttpOnly(true);
        resolver.setRejectInvalidCookies(true);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch(localeResolver())).addPathPatterns("/**").excludePathPatterns("/api/**");
    }

    /** {@code ?lang=ja|en} on any page sets the language; anything else is ignored. */
    record LanguageSwitch(LocaleResolver resolver) implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            Locale chosen = Languages.parse(request.getParameter("lang"));
            if (chosen != null) {
                resolver.setLocale(request, response, chosen);
            }
            Locale current = resolver.resolveLocale(request);
            if (!"en".equals(current.getLanguage()) && !"ja".equals(current.getLanguage())) {
                resolver.setLocale(request, response, Locale.JAPANESE);
            }
            return true;
        }
    }
}
