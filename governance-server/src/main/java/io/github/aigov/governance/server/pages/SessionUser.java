package io.github.aigov.governance.server.pages;

import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.users.UserService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The logged-in user as the database has them now, on every request: the session remembers only
 * who logged in; the role and organisation are read afresh (one indexed look-up), so a changed role
 * applies at once and a deleted user's session ends at their next request. For this request only,
 * the principal is the {@link CurrentUser} the services take (nothing is written to the session).
 */
final class SessionUser extends OncePerRequestFilter {
    private final UserService users;

    SessionUser(UserService users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication logged = SecurityContextHolder.getContext().getAuthentication();
        if (logged == null || !logged.isAuthenticated() || logged instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Optional<CurrentUser> now = users.byName(logged.getName());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        if (now.isEmpty()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        } else {
            CurrentUser u = now.get();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(u, null,
                    List.of(new SimpleGrantedAuthority(u.role().authority()))));
        }
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
