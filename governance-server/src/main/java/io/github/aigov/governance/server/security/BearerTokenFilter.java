package io.github.aigov.governance.server.security;

import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.server.problems.ProblemJson;
import io.github.aigov.governance.server.users.UserService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer TOKEN}: finds the token's user by the token's hash. A request that
 * sends a token that names no current user (unknown, revoked, or of a deleted user) is refused at
 * once with 401; a request without one goes on as anonymous, to be refused by the rules that follow
 * (unless the endpoint is open: health).
 */
final class BearerTokenFilter extends OncePerRequestFilter {
    private final UserService users;

    BearerTokenFilter(UserService users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        Optional<CurrentUser> user = ApiTokens.wellFormed(token) ? users.byTokenHash(ApiTokens.hash(token)) : Optional.empty();
        if (user.isEmpty()) {
            refuse(request, response);
            return;
        }
        CurrentUser u = user.get();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(u, null,
                List.of(new SimpleGrantedAuthority(u.role().authority()))));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        ProblemJson.write(response, HttpStatus.UNAUTHORIZED, List.of(Problem.error(ProblemCode.AUTHENTICATION_REQUIRED,
                Location.of(request.getRequestURI()), Message.of("problem.server.unauthenticated"),
                Message.of("hint.server.unauthenticated"))), request);
    }
}
