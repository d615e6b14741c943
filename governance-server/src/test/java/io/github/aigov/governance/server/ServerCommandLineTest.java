package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.cli.GovernanceCli;
import io.github.aigov.governance.server.security.ApiTokens;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./governance serve} and {@code ./governance users}, run in process on the embedded database. */
class ServerCommandLineTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = ServerCommandLine.commandLine(args).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        if (stdin != null) {
            ServerCommandLine.Users.Add add = cmd.getSubcommands().get("users").getSubcommands().get("add").getCommand();
            add.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        }
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void users_are_added_given_a_token_shown_once_and_deleted(@TempDir Path data) throws Exception {
        String dir = data.toString();
        Run added = run("correct horse battery staple\n", "users", "add", "tanaka", "--role", "CAIO", "--organisation", "デジタル庁",
                "--password-stdin", "--data", dir, "--lang", "en");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("added: tanaka (CAIO, デジタル庁)");
        assertThat(Files.getPosixFilePermissions(data.resolve(Database.SECRET))).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        Run token = run(null, "users", "token", "tanaka", "--data", dir, "--lang", "en");
        assertThat(token.exit()).as(token.err()).isZero();
        String printed = token.out().strip();
        assertThat(ApiTokens.wellFormed(printed)).as(printed).isTrue();
        assertThat(token.err()).contains("shown only this once");
        Run second = run(null, "users", "token", "tanaka", "--data", dir);
        assertThat(second.out().strip()).isNotEqualTo(printed);

        Run list = run(null, "users", "list", "--data", dir);
        assertThat(list.out()).contains("tanaka\tCAIO\tデジタル庁");
        assertThat(run(null, "users", "delete", "tanaka", "--data", dir).exit()).isZero();
        assertThat(run(null, "users", "list", "--data", dir).out()).doesNotContain("tanaka");
        Run gone = run(null, "users", "token", "tanaka", "--data", dir, "--lang", "en");
        assertThat(gone.exit()).isEqualTo(1);
        assertThat(gone.err()).contains("GOV-0006");
    }

    @Test
    void bad_names_roles_and_passwords_are_refused_with_problems(@TempDir Path data) {
        String dir = data.toString();
        Run shortPassword = run("short\n", "users", "add", "sato", "--role", "OFFICER", "--organisation", "総務省",
                "--password-stdin", "--data", dir, "--lang", "en");
        assertThat(shortPassword.exit()).isEqualTo(1);
        assertThat(shortPassword.err()).contains("shorter than 12");
        Run badName = run(null, "users", "add", "<script>", "--role", "OFFICER", "--organisation", "総務省", "--data", dir);
        assertThat(badName.exit()).isEqualTo(1);
        assertThat(badName.err()).contains("GOV-0008");
        Run control = run(null, "users", "add", "sato", "--role", "OFFICER", "--organisation", "総務\u0007省", "--data", dir);
        assertThat(control.exit()).isEqualTo(1);
        assertThat(control.err()).contains("GOV-0011");
        Run badRole = run(null, "users", "add", "sato", "--role", "ADMIN", "--organisation", "総務省", "--data", dir);
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(run(null, "users", "add", "sato", "--role", "OFFICER", "--organisation", "総務省", "--data", dir).exit()).isZero();
        Run twice = run(null, "users", "add", "sato", "--role", "AUDITOR", "--organisation", "総務省", "--data", dir);
        assertThat(twice.exit()).isEqualTo(1);
        assertThat(twice.err()).contains("GOV-0005");
    }

    @Test
    void serve_prints_where_it_listens_and_answers_health(@TempDir Path data) {
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new ServerCommandLine()).setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()));
        int exit = cmd.execute("serve", "--port", "0", "--data", data.toString(), "--lang", "en");
        ServerCommandLine.Serve serve = cmd.getSubcommands().get("serve").getCommand();
        try (GovernanceServer.Running running = serve.running) {
            assertThat(exit).isZero();
            assertThat(out.toString()).contains("listening on " + running.url());
            assertThat(running.url()).startsWith("http://127.0.0.1:");
            assertThat(new Http(running.url(), null).get("/api/v1/health").status()).isEqualTo(200);
        }
    }

    @Test
    void the_library_s_help_and_the_service_s_help_name_the_service_s_commands() {
        StringWriter out = new StringWriter();
        new CommandLine(new GovernanceCli()).setOut(new PrintWriter(out)).execute("--help");
        assertThat(out.toString()).contains("serve").contains("users");
        Run help = run(null, "--help");
        assertThat(help.out()).contains("serve").contains("users");
        assertThat(run(null, "serve", "--help").out()).contains("--db-url").contains("--data").contains("--port")
                .contains("--signing-key").contains("--threads").contains("--warm-up");
        // Each new option has its text (words wrap across lines in the help).
        assertThat(run(null, "serve", "--help").out().replaceAll("\\s+", " "))
                .contains("from audit keygen").contains("two per core").contains("/api/v1/health/ready answers 200");
        assertThat(run(null, "users", "add", "--help").out()).contains("--password-stdin").contains("--organisation");
    }

    @Test
    void the_service_s_help_is_in_the_language_asked_for() {
        String ja = run(null, "serve", "--help", "--lang", "ja").out();
        assertThat(ja).contains("使い方：").contains("待ち受けるポート").doesNotContain("Usage:");
        String en = run(null, "serve", "--lang=en", "--help").out();
        assertThat(en).contains("Usage:").contains("The port to listen on").doesNotContain("使い方");
    }
}
