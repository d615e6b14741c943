package io.github.aigov.governance.server.users;

import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.server.security.ApiTokens;
import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.security.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users, their organisations and their API tokens, as the database keeps them. Used by the running
 * service (a token per request, a password per form login) and by {@code ./governance users}.
 */
@Service
public class UserService implements UserDetailsService {
    /** A user name: letters, digits and {@code . _ @ -}, as in an e-mail address or an account id. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PasswordEncoder passwords;
    private final Clock clock;
    /** Users of tokens verified lately, by the token's hash, and until when (System.nanoTime()). */
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private volatile long tokenCacheNanos = TimeUnit.SECONDS.toNanos(5);

    private record Verified(CurrentUser user, long until) {
    }

    @org.springframework.beans.factory.annotation.Autowired
    public UserService(JdbcClient jdbc, TransactionTemplate transactions, PasswordEncoder passwords) {
        this(jdbc, transactions, passwords, Clock.systemUTC());
    }

    UserService(JdbcClient jdbc, TransactionTemplate transactions, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * How long a verified token is taken on trust without asking the database again
     * ({@code governance.token-cache-seconds}, default 5; 0: every request asks). A token revoked
     * through this process is refused at once; one revoked by another process (another node, or
     * {@code ./governance users delete}) at most this long after.
     */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    public void setTokenCacheSeconds(@org.springframework.beans.factory.annotation.Value("${governance.token-cache-seconds:5}") long seconds) {
        this.tokenCacheNanos = TimeUnit.SECONDS.toNanos(Math.max(0, seconds));
    }

    /**
     * The current (not deleted) user whose token has this hash: from the tokens verified in the last
     * seconds (a map look-up: a request's token check costs microseconds), else from the database.
     * Unknown tokens are not remembered, so a token issued a moment ago works at once.
     */
    public Optional<CurrentUser> byTokenHash(String tokenHash) {
        long now = System.nanoTime();
        Verified v = verified.get(tokenHash);
        if (v != null && now - v.until() < 0) {
            return Optional.of(v.user());
        }
        Optional<CurrentUser> user = lookUpToken(tokenHash);
        if (user.isPresent() && tokenCacheNanos > 0) {
            if (verified.size() >= 10_000) {
                verified.clear();
            }
            verified.put(tokenHash, new Verified(user.get(), now + tokenCacheNanos));
        } else {
            verified.remove(tokenHash);
        }
        return user;
    }

    private Optional<CurrentUser> lookUpToken(String tokenHash) {
        return jdbc.sql("""
                SELECT u.id, u.name, u.role, u.organisation_id, o.name AS organisation
                FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN organisations o ON o.id = u.organisation_id
                WHERE t.token_hash = ? AND u.deleted_at IS NULL""")
                .param(tokenHash)
                .query((rs, n) -> new CurrentUser(rs.getLong("id"), rs.getString("name"), Role.valueOf(rs.getString("role")),
                        rs.getLong("organisation_id"), rs.getString("organisation")))
                .optional();
    }

    /** Adds a user (and its organisation, the first time it is named). */
    public CurrentUser add(String name, Role role, String organisation, char[] password) {
        List<Problem> problems = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add(problem(ProblemCode.INVALID_ID, "NAME", "problem.server.user-name", "hint.server.user-name", name));
        }
        if (organisation == null || organisation.isBlank() || organisation.length() > 200
                || organisation.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(problem(ProblemCode.CONSTRAINT_VIOLATION, "--organisation", "problem.server.organisation",
                    "hint.server.organisation", organisation));
        }
        if (!problems.isEmpty()) {
            throw new GovernanceException(problems);
        }
        String hash = password == null || password.length == 0 ? null : passwords.encode(new String(password));
        return transactions.execute(tx -> {
            long organisationId = organisation(organisation.strip());
            try {
                jdbc.sql("INSERT INTO users (name, role, organisation_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?)")
                        .params(name, role.name(), organisationId, hash, now()).update();
                return new CurrentUser(id(name), name, role, organisationId, organisation.strip());
            } catch (DuplicateKeyException e) {
                throw new GovernanceException(List.of(problem(ProblemCode.DUPLICATE_ID, "NAME", "problem.server.user-exists",
                        "hint.server.user-exists", name)));
            }
        });
    }

    private long id(String name) {
        return jdbc.sql("SELECT id FROM users WHERE name = ?").param(name).query(Long.class).single();
    }

    /** The id of the organisation of this name, if there is one. */
    public Optional<Long> organisationNamed(String name) {
        return jdbc.sql("SELECT id FROM organisations WHERE name = ?").param(name).query(Long.class).optional();
    }

    /** The organisation's id, adding it the first time (another process may add it at the same moment). */
    long organisation(String name) {
        Optional<Long> found = jdbc.sql("SELECT id FROM organisations WHERE name = ?").param(name).query(Long.class).optional();
        if (found.isPresent()) {
            return found.get();
        }
        try {
            jdbc.sql("INSERT INTO organisations (name, created_at) VALUES (?, ?)").params(name, now()).update();
        } catch (DuplicateKeyException e) {
            // Added meanwhile: read it below.
        }
        return jdbc.sql("SELECT id FROM organisations WHERE name = ?").param(name).query(Long.class).single();
    }

    /** A new API token for the user, returned once; only its hash is kept. */
    public String issueToken(String name) {
        CurrentUser user = current(name);
        String token = ApiTokens.generate();
        jdbc.sql("INSERT INTO api_tokens (token_hash, user_id, created_at) VALUES (?, ?, ?)")
                .params(ApiTokens.hash(token), user.id(), now()).update();
        return token;
    }

    /** Marks the user deleted and revokes every token; what the user recorded keeps naming them. */
    public void delete(String name) {
        CurrentUser user = current(name);
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("DELETE FROM api_tokens WHERE user_id = ?").param(user.id()).update();
            jdbc.sql("UPDATE users SET deleted_at = ?, password_hash = NULL WHERE id = ?").params(now(), user.id()).update();
        });
        verified.values().removeIf(v -> v.user().id() == user.id());
    }

    /** Every current user, by name. */
    public List<CurrentUser> list() {
        return jdbc.sql("""
                SELECT u.id, u.name, u.role, u.organisation_id, o.name AS organisation
                FROM users u JOIN organisations o ON o.id = u.organisation_id
                WHERE u.deleted_at IS NULL ORDER BY u.name""")
                .query((rs, n) -> new CurrentUser(rs.getLong("id"), rs.getString("name"), Role.valueOf(rs.getString("role")),
                        rs.getLong("organisation_id"), rs.getString("organisation")))
                .list();
    }

    /** The current (not deleted) user of this name, read afresh (the pages check it on every request). */
    public Optional<CurrentUser> byName(String name) {
        return jdbc.sql("""
                SELECT u.id, u.name, u.role, u.organisation_id, o.name AS organisation
                FROM users u JOIN organisations o ON o.id = u.organisation_id
                WHERE u.name = ? AND u.deleted_at IS NULL""")
                .param(name)
                .query((rs, n) -> new CurrentUser(rs.getLong("id"), rs.getString("name"), Role.valueOf(rs.getString("role")),
                        rs.getLong("organisation_id"), rs.getString("organisation")))
                .optional();
    }

    /** The current user of this name. */
    public CurrentUser current(String name) {
        return list().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow(() -> new GovernanceException(
                List.of(problem(ProblemCode.UNKNOWN_REFERENCE, "NAME", "problem.server.no-such-user", "hint.server.no-such-user", name))));
    }

    /** For form login (the pages): the user's password hash and role. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT name, role, password_hash FROM users WHERE name = ? AND deleted_at IS NULL AND password_hash IS NOT NULL")
                .param(username)
                .query((rs, n) -> User.withUsername(rs.getString("name")).password(rs.getString("password_hash"))
                        .authorities(AuthorityUtils.createAuthorityList(Role.valueOf(rs.getString("role")).authority())).build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Problem problem(ProblemCode code, String where, String key, String hint, Object arg) {
        return Problem.error(code, new Location("<command line>", 0, 0, where), Message.of(key, arg), Message.of(hint));
    }
}
