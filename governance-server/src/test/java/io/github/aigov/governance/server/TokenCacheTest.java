package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.server.TestServers.Caller;
import io.github.aigov.governance.server.TestServers.Db;
import io.github.aigov.governance.server.TestServers.Server;
import io.github.aigov.governance.server.security.ApiTokens;
import io.github.aigov.governance.server.security.Role;
import io.github.aigov.governance.server.users.UserService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verified tokens are remembered briefly by their hash, so a request does not ask the database; a
 * token revoked by another node (or {@code ./governance users delete}) stops working once that brief
 * time has passed, one revoked through this node at once, and a token just issued elsewhere works at once.
 */
class TokenCacheTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void a_token_revoked_elsewhere_is_refused_after_the_cache_time_and_a_new_one_works_at_once(Db db) throws Exception {
        Server server = TestServers.get(db);
        var context = server.running().context();
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
        UserService node = new UserService(jdbc, tx, encoder);
        node.setTokenCacheSeconds(1);
        UserService otherNode = new UserService(jdbc, tx, encoder);

        Caller caller = server.caller(Role.OFFICER, server.organisation());
        String hash = ApiTokens.hash(caller.token());
        assertThat(node.byTokenHash(hash)).hasValueSatisfying(u -> assertThat(u.name()).isEqualTo(caller.name()));

        String fresh = otherNode.issueToken(caller.name());
        assertThat(node.byTokenHash(ApiTokens.hash(fresh))).isPresent();
        assertThat(node.byTokenHash(ApiTokens.hash(ApiTokens.generate()))).isEmpty();

        otherNode.delete(caller.name());
        // Remembered for at most the cache time ...
        assertThat(node.byTokenHash(hash)).isPresent();
        Thread.sleep(1_100);
        // ... then asked again, and refused.
        assertThat(node.byTokenHash(hash)).isEmpty();
        assertThat(node.byTokenHash(ApiTokens.hash(fresh))).isEmpty();
    }
}
