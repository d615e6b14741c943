package io.github.aigov.governance.server.pages;

import io.github.aigov.governance.server.security.Role;
import io.github.aigov.governance.server.users.UserService;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may open which page. The pages are a browser session: form login over the users in the
 * database, CSRF protection on every form (Spring Security's token, which the templates' forms carry),
 * logout by a form (POST). Which role may write what is decided here, by path, as the API's chain
 * decides for the API; which organisation a user sees is decided by the services (404 for another
 * organisation's system). Nothing is fetched from elsewhere: the policy allows only this server's
 * style sheet and script, and no inline script.
 */
@Configuration
public class PageSecurity {
    /** The largest upload a page takes (a workbook or a profile), with room for the form's other fields. */
    public static final long UPLOAD_LIMIT = 8L * 1024 * 1024;

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final String OFFICER = Role.OFFICER.name();
    private static final String CAIO = Role.CAIO.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String DIGITAL_AGENCY = Role.DIGITAL_AGENCY.name();

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, UserService users) throws Exception {
        http.authorizeHttpRequests(a -> a
                        // The refusal pages below are forwarded to, whatever the request's method.
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/css/**", "/js/**", "/error").permitAll()
                        // Officers and the CAIO register and revise systems, upload evidence, report risk cases.
                        .requestMatchers("/systems/new", "/systems/new/**", "/systems/*/profile").hasAnyRole(OFFICER, CAIO)
                        .requestMatchers(HttpMethod.POST, "/systems", "/systems/*/evidence", "/systems/*/evidence/marks")
                        .hasAnyRole(OFFICER, CAIO)
                        .requestMatchers("/systems/*/risk-cases/new").hasAnyRole(OFFICER, CAIO)
                        .requestMatchers(HttpMethod.POST, "/systems/*/risk-cases").hasAnyRole(OFFICER, CAIO)
                        // The CAIO determines, records the board's advice, the steps of a risk case, verifications,
                        // the organisation's settings, and revises the guideline for every system.
                        .requestMatchers("/systems/*/determination", "/systems/*/board-advice", "/systems/*/risk-cases/*/response",
                                "/systems/*/risk-cases/*/board-note", "/settings", "/revision", "/revision/**").hasRole(CAIO)
                        .requestMatchers(HttpMethod.POST, "/systems/*/verification", "/systems/*/go-live").hasRole(CAIO)
                        // Exports: the regular report and the audit chain.
                        .requestMatchers("/reports/**", "/audit/**").hasAnyRole(CAIO, AUDITOR, DIGITAL_AGENCY)
                        // Anything else that writes is refused; everything else needs a login.
                        .requestMatchers(HttpMethod.POST, "/logout").authenticated()
                        .requestMatchers(HttpMethod.GET, "/**").authenticated()
                        .anyRequest().denyAll())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/dashboard", false).failureUrl("/login?error").permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?out").deleteCookies("JSESSIONID"))
                .addFilterBefore(new UploadLimit(), CsrfFilter.class)
                .addFilterBefore(new SessionUser(users), AuthorizationFilter.class)
                .exceptionHandling(e -> e.accessDeniedHandler(refusal()))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** A refusal as a page: 403 in the user's language (a form without a valid CSRF token included). */
    private static AccessDeniedHandler refusal() {
        AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
        denied.setErrorPage("/denied");
        return denied;
    }
}
