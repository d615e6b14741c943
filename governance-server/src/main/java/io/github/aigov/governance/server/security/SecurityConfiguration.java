package io.github.aigov.governance.server.security;

import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.server.problems.ProblemJson;
import io.github.aigov.governance.server.users.UserService;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what. The API ({@code /api/**}) is stateless: a bearer token on every request, no
 * session, no cookie, so no CSRF token either. Everything else, the pages, is a browser session
 * with form login and CSRF protection, configured by {@code pages.PageSecurity} (order 2). Roles
 * decide writes and exports in these two chains; which organisation a user sees is decided by the
 * services.
 */
@Configuration
public class SecurityConfiguration {
    private static final String[] WRITERS = {Role.OFFICER.name(), Role.CAIO.name()};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, UserService users) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .addFilterBefore(new BearerTokenFilter(users), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/v1/health", "/api/v1/health/ready").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/systems").hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/systems/*/profile").hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/public-key").authenticated()
                        .requestMatchers("/api/v1/audit/**").hasAnyRole(Role.CAIO.name(), Role.AUDITOR.name(),
                                Role.DIGITAL_AGENCY.name())
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> BearerTokenFilter.refuse(request, response))
                        .accessDeniedHandler((request, response, ex) -> ProblemJson.write(response, HttpStatus.FORBIDDEN,
                                List.of(Problem.error(ProblemCode.FORBIDDEN, Location.of(request.getMethod() + " " + request.getRequestURI()),
                                        Message.of("problem.server.forbidden"), Message.of("hint.server.forbidden"))), request)));
        return http.build();
    }

    /** Passwords (form login) with the framework's delegating encoder: bcrypt today, upgradable. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
