package io.github.aigov.governance.server;

import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.server.security.Role;
import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.users.UserService;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The service's commands, {@code ./governance serve} and {@code ./governance users}: a command line
 * of their own, so the library's command line keeps Spring off its class path (and its start-up
 * time). Exit codes as the library's: 0 done, 1 bad input, 2 usage, 3 internal error.
 */
@Command(name = "governance", subcommands = {ServerCommandLine.Serve.class, ServerCommandLine.Users.class},
        modelTransformer = ServerCommandLine.HelpTexts.class, synopsisSubcommandLabel = "COMMAND", usageHelpAutoWidth = true)
public final class ServerCommandLine {
    static final int DONE = 0;
    static final int BAD_INPUT = 1;
    static final int INTERNAL = 3;
    /** Set once the service listens: the process then lives until it is stopped. */
    private static volatile boolean serving;

    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "help")
    private boolean help;

    /** The language the usage help is built in, while {@link #commandLine} builds it. */
    private static final ThreadLocal<Locale> HELP_LANGUAGE = new ThreadLocal<>();

    /**
     * The command line for these arguments: its usage help in the language they ask for
     * ({@code --lang ja|en} anywhere on the line; else the system's), as the library's command line does.
     */
    static CommandLine commandLine(String... args) {
        Locale language = null;
        for (int i = 0; i < args.length; i++) {
            String value = args[i].startsWith("--lang=") ? args[i].substring(7)
                    : args[i].equals("--lang") && i + 1 < args.length ? args[i + 1] : null;
            if ("ja".equals(value) || "en".equals(value)) {
                language = Locale.forLanguageTag(value);
            }
        }
        HELP_LANGUAGE.set(language);
        try {
            return new CommandLine(new ServerCommandLine());
        } finally {
            HELP_LANGUAGE.remove();
        }
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("users")
                && org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logs) {
            // No log lines from Flyway or H2 among what a script reads (a token): problems are printed as problems.
            logs.reset();
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int exit = commandLine(args).setOut(out).setErr(err).execute(args);
        out.flush();
        err.flush();
        if (!(exit == DONE && serving)) {
            System.exit(exit);
        }
    }

    /** The folder and database options that {@code serve} and {@code users} share. */
    static final class Storage {
        @Option(names = "--data", paramLabel = "DIR", defaultValue = "governance-data", descriptionKey = "server.data")
        Path data;

        @Option(names = "--db-url", paramLabel = "JDBC-URL", descriptionKey = "server.db-url")
        String dbUrl;

        @Option(names = "--db-user", paramLabel = "USER", descriptionKey = "server.db-user")
        String dbUser;

        @Option(names = "--lang", paramLabel = "ja|en", descriptionKey = "assess.lang")
        String lang;

        Database database() {
            return Database.of(data, dbUrl, dbUser);
        }

        Locale locale() {
            if ("ja".equals(lang) || "en".equals(lang)) {
                return Locale.forLanguageTag(lang);
            }
            return "ja".equals(Locale.getDefault().getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
        }

        String text(String key, Object... args) {
            return Messages.render(Message.of(key, args), locale());
        }
    }

    /** Runs a command's body: problems on stderr, one per line; exit 1 for bad input, 3 for anything else. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Storage storage;

        @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "help")
        private boolean help;

        @Override
        public final Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                return execute(spec.commandLine().getOut());
            } catch (GovernanceException e) {
                for (Problem p : e.problems()) {
                    err.println(Messages.format(p, storage.locale()));
                }
                return e.internal() ? INTERNAL : BAD_INPUT;
            } catch (Exception e) {
                Throwable cause = e;
                while (cause.getCause() != null && cause.getCause() != cause) {
                    cause = cause.getCause();
                }
                err.println(storage.text("cli.server.failed", cause.getClass().getSimpleName() + ": " + cause.getMessage()));
                return INTERNAL;
            } finally {
                spec.commandLine().getOut().flush();
                err.flush();
            }
        }

        abstract int execute(PrintWriter out) throws Exception;
    }

    /** {@code governance serve}: starts the service and prints where it listens. */
    @Command(name = "serve", modelTransformer = HelpTexts.class, sortOptions = false, usageHelpAutoWidth = true)
    static final class Serve extends Base {
        @Option(names = "--port", paramLabel = "N", defaultValue = "8080", descriptionKey = "server.port")
        int port;

        @Option(names = "--address", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", descriptionKey = "server.address")
        String address;

        @Option(names = "--overlays", paramLabel = "DIR", descriptionKey = "server.overlays")
        Path overlays;

        @Option(names = "--signing-key", paramLabel = "FILE", descriptionKey = "server.signing-key")
        Path signingKey;

        @Option(names = "--threads", paramLabel = "N", defaultValue = "0", descriptionKey = "server.threads")
        int threads;

        @Option(names = "--warm-up", paramLabel = "SECONDS", defaultValue = "30", descriptionKey = "server.warm-up")
        int warmUp;

        /** The service this command started (for whoever ran it in process, to stop it). */
        GovernanceServer.Running running;

        @Override
        int execute(PrintWriter out) {
            Database database = storage.database();
            running = GovernanceServer.start(
                    new GovernanceServer.Settings(address, port, storage.data, database, overlays, signingKey, threads, warmUp));
            out.println(storage.text("cli.server.listening", running.url(),
                    database.embedded() ? storage.data.toAbsolutePath().normalize() : database.url()));
            serving = true;
            return DONE;
        }
    }

    /** {@code governance users add|token|delete|list}: the service's users, straight in its database. */
    @Command(name = "users", modelTransformer = HelpTexts.class, synopsisSubcommandLabel = "COMMAND", usageHelpAutoWidth = true,
            subcommands = {Users.Add.class, Users.Token.class, Users.Delete.class, Users.List.class})
    static final class Users {
        @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "help")
        private boolean help;

        /** A command over the user store; the database is migrated first, as the service would. */
        abstract static class UsersBase extends Base {
            @Override
            final int execute(PrintWriter out) throws Exception {
                Database db = storage.database();
                SingleConnectionDataSource ds = new SingleConnectionDataSource(db.url(), db.user(), db.password(), true);
                try {
                    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
                    UserService users = new UserService(JdbcClient.create(ds),
                            new TransactionTemplate(new DataSourceTransactionManager(ds)),
                            PasswordEncoderFactories.createDelegatingPasswordEncoder());
                    return run(users, out);
                } finally {
                    ds.destroy();
                }
            }

            abstract int run(UserService users, PrintWriter out) throws Exception;
        }

        @Command(name = "add", modelTransformer = HelpTexts.class, sortOptions = false, usageHelpAutoWidth = true)
        static final class Add extends UsersBase {
            @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "users.name")
            String name;

            @Option(names = "--role", required = true, paramLabel = "OFFICER|CAIO|AUDITOR|DIGITAL_AGENCY", descriptionKey = "users.role")
            Role role;

            @Option(names = "--organisation", required = true, paramLabel = "ORGANISATION", descriptionKey = "users.organisation")
            String organisation;

            @Option(names = "--password-stdin", descriptionKey = "users.password-stdin")
            boolean passwordStdin;

            /** Where the password is read from (standard input; tests give their own). */
            InputStream stdin = System.in;

            @Override
            int run(UserService users, PrintWriter out) throws Exception {
                char[] password = null;
                if (passwordStdin) {
                    String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
                    if (line == null || line.strip().length() < 12) {
                        spec.commandLine().getErr().println(storage.text("cli.server.password-short", 12));
                        return BAD_INPUT;
                    }
                    password = line.toCharArray();
                }
                CurrentUser u = users.add(name, role, organisation, password);
                out.println(storage.text("cli.server.user-added", u.name(), u.role(), u.organisation()));
                return DONE;
            }
        }

        @Command(name = "token", modelTransformer = HelpTexts.class, usageHelpAutoWidth = true)
        static final class Token extends UsersBase {
            @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "users.name")
            String name;

            @Override
            int run(UserService users, PrintWriter out) {
                String token = users.issueToken(name);
                // The token alone on standard output, for scripts; the warning on standard error.
                out.println(token);
                spec.commandLine().getErr().println(storage.text("cli.server.token-once", name));
                return DONE;
            }
        }

        @Command(name = "delete", modelTransformer = HelpTexts.class, usageHelpAutoWidth = true)
        static final class Delete extends UsersBase {
            @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "users.name")
            String name;

            @Override
            int run(UserService users, PrintWriter out) {
                users.delete(name);
                out.println(storage.text("cli.server.user-deleted", name));
                return DONE;
            }
        }

        @Command(name = "list", modelTransformer = HelpTexts.class, usageHelpAutoWidth = true)
        static final class List extends UsersBase {
            @Override
            int run(UserService users, PrintWriter out) {
                for (CurrentUser u : users.list()) {
                    out.println(u.name() + "\t" + u.role() + "\t" + u.organisation());
                }
                return DONE;
            }
        }
    }

    /** The usage help's texts from the service's bundle ({@code help.*}). */
    public static final class HelpTexts implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            Locale locale = HELP_LANGUAGE.get() != null ? HELP_LANGUAGE.get()
                    : "ja".equals(Locale.getDefault().getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
            Map<String, String> texts = new LinkedHashMap<>();
            for (String key : Messages.keys(locale)) {
                // The service's own usage help (help.*, in its bundle), as picocli names the keys.
                if (key.startsWith("help.")) {
                    texts.put(key.substring("help.".length()), Messages.render(Message.of(key), locale));
                }
            }
            return spec.resourceBundle(new ResourceBundle() {
                @Override
                protected Object handleGetObject(String key) {
                    return texts.get(key);
                }

                @Override
                public Enumeration<String> getKeys() {
                    return Collections.enumeration(texts.keySet());
                }
            });
        }
    }
}
