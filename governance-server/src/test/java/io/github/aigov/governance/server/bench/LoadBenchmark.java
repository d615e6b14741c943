package io.github.aigov.governance.server.bench;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ProjectProfile;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The service under load, on loopback: {@code POST /api/v1/assess} with token authentication, from
 * 64 connections kept open (HTTP/1.1, a plain socket each, so the load generator costs little), the
 * service in a process of its own ({@code ServerCommandLine serve}, its default worker pool, warmed
 * up until it reports ready). Prints, from one run:
 * <ul>
 *   <li>the library in process: parse + assess + write the decision JSON, one thread per core;</li>
 *   <li>flat out: as fast as 64 connections go (closed loop), throughput and p50/p99 latency;</li>
 *   <li>at a fixed rate (3,000/s by default): requests sent on schedule, latency counted from when
 *       each was due, so a stall is not hidden by the requests it delayed (no coordinated omission);</li>
 *   <li>registered revisions: {@code PUT /api/v1/systems/{id}/profile} from 16 connections, each
 *       assessed, stored and chained (signed), and the database's size per revision.</li>
 * </ul>
 * Not a test: it asserts nothing and runs only when {@code GOVERNANCE_BENCH=1} (see the README:
 * "The service under load"). Settings by environment: {@code BENCH_SECONDS} (each phase, 30),
 * {@code BENCH_RATE} (3000), {@code BENCH_CONNECTIONS} (64), {@code BENCH_ORGANISATIONS} (4, for the revisions), {@code BENCH_DB=postgresql} (the
 * local test database, a schema of its own) or {@code BENCH_DB_URL} (default: the embedded database), {@code BENCH_THREADS} (the service's {@code --threads}).
 */
@EnabledIfEnvironmentVariable(named = "GOVERNANCE_BENCH", matches = "1")
class LoadBenchmark {
    private static final Pattern LISTENING = Pattern.compile("listening on http://([^:/\\s]+):(\\d+)");
    private static final List<String> PROFILES = List.of("benefits-eligibility-chatbot", "meeting-minutes-drafting",
            "personal-data-summariser", "judgement-only-high");

    static int env(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
    }

    @Test
    void run(@TempDir Path dir) throws Exception {
        int seconds = env("BENCH_SECONDS", 30);
        int rate = env("BENCH_RATE", 3000);
        int connections = env("BENCH_CONNECTIONS", 64);
        String dbUrl = System.getenv("BENCH_DB_URL");
        String schema = null;
        if ("postgresql".equals(System.getenv("BENCH_DB"))) {
            // A schema of its own in the local test database (127.0.0.1:5432/test, trust), dropped at the end.
            schema = "gov_bench_" + Long.toHexString(System.nanoTime());
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", null)) {
                c.createStatement().execute("CREATE SCHEMA " + schema);
            }
            dbUrl = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        List<byte[]> bodies = new ArrayList<>();
        for (String p : PROFILES) {
            bodies.add(resource(p + ".json"));
        }
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "machine: %d cores, Java %s; phases of %d s", cores, System.getProperty("java.version"), seconds));

        // The library in process (this JVM, warmed for the same time).
        double library = library(bodies, cores, seconds);
        out.add(String.format(Locale.ROOT, "library in process (%d threads): %.0f assessments/s", cores, library));

        Path data = dir.resolve("data");
        List<String> storage = new ArrayList<>(List.of("--data", data.toString()));
        if (dbUrl != null && !dbUrl.isBlank()) {
            storage.addAll(List.of("--db-url", dbUrl, "--db-user", System.getenv().getOrDefault("BENCH_DB_USER", "postgres")));
        }
        int organisations = env("BENCH_ORGANISATIONS", 4);
        List<String> tokens = new ArrayList<>();
        for (int o = 0; o < organisations; o++) {
            cli(storage, "users", "add", "bench-" + o, "--role", "OFFICER", "--organisation", "省-" + o);
            tokens.add(cli(storage, "users", "token", "bench-" + o).strip());
        }
        String token = tokens.get(0);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.github.aigov.governance.server.ServerCommandLine",
                "serve", "--port", "0", "--lang", "en", "--threads", String.valueOf(env("BENCH_THREADS", 0))));
        command.addAll(storage);
        Path log = dir.resolve("server.log");
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            InetSocketAddress address = listening(server, log);
            long t0 = System.nanoTime();
            while (!get(address, "/api/v1/health/ready").startsWith("HTTP/1.1 200")) {
                Thread.sleep(500);
            }
            out.add(String.format(Locale.ROOT, "service ready (warmed itself) %.0f s after it listened", (System.nanoTime() - t0) / 1e9));
            List<byte[]> assess = new ArrayList<>();
            for (byte[] body : bodies) {
                assess.add(request("POST", "/api/v1/assess", address, token, body));
            }
            // Our own warm-up of the whole path (connections, HTTP, security, JSON) before measuring.
            load(address, assess, connections, 0, Math.min(seconds, 15));
            Result flat = load(address, assess, connections, 0, seconds);
            out.add(flat.line("POST /api/v1/assess flat out, " + connections + " connections"));
            Result fixed = load(address, assess, connections, rate, seconds);
            out.add(fixed.line("POST /api/v1/assess at a fixed " + rate + "/s, " + connections + " connections"));
            double libraryAfter = library(bodies, cores, Math.max(5, seconds / 2));
            out.add(String.format(Locale.ROOT, "library in process again, after the HTTP phases: %.0f assessments/s", libraryAfter));
            out.add(String.format(Locale.ROOT, "service flat out / library in process (the better of the two): %.2f",
                    flat.throughput() / Math.max(library, libraryAfter)));

            // Registered revisions: each assessed, stored and chained.
            List<byte[]> revise = new ArrayList<>();
            for (int s = 0; s < 16; s++) {
                String yaml = new String(resource("benefits-eligibility-chatbot.yaml"), StandardCharsets.UTF_8)
                        .replaceFirst("(?m)^id:.*$", "id: bench-" + s);
                String owner = tokens.get(s % tokens.size());
                String created = send(address, request("POST", "/api/v1/systems", address, owner, yaml.getBytes(StandardCharsets.UTF_8),
                        "application/yaml"));
                Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(created);
                if (!m.find()) {
                    throw new IllegalStateException("not registered: " + created);
                }
                revise.add(request("PUT", "/api/v1/systems/" + m.group(1) + "/profile", address, owner,
                        yaml.getBytes(StandardCharsets.UTF_8), "application/yaml"));
            }
            Result revisions = load(address, revise, 16, 0, seconds);
            out.add(revisions.line("PUT /api/v1/systems/{id}/profile (registered revisions), 16 connections, 16 systems of "
                    + organisations + " organisations"));
            out.add("revisions stored: " + (revisions.count() + 16) + " (" + (dbUrl == null ? "embedded H2" : dbUrl) + ")");
            if (dbUrl != null) {
                try (java.sql.Connection c = java.sql.DriverManager.getConnection(dbUrl, System.getenv().getOrDefault("BENCH_DB_USER", "postgres"), null);
                     java.sql.Statement st = c.createStatement()) {
                    st.execute("VACUUM ANALYZE");
                    java.sql.ResultSet rs = st.executeQuery("SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c "
                            + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'");
                    rs.next();
                    long bytes = rs.getLong(1);
                    rs = st.executeQuery("SELECT COUNT(*) FROM revisions");
                    rs.next();
                    long n = rs.getLong(1);
                    out.add(String.format(Locale.ROOT, "PostgreSQL, every table of the schema with indexes and TOAST: %.1f KB per revision (%d revisions)",
                            bytes / 1024.0 / n, n));
                }
            }
            if (dbUrl == null) {
                Path file = data.resolve("governance.mv.db");
                out.add(String.format(Locale.ROOT, "H2 file while running: %.1f KB per revision", Files.size(file) / 1024.0 / (revisions.count() + 16)));
            }
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
        if (dbUrl == null) {
            long revisions = Long.parseLong(out.get(out.size() - 2).replaceAll("revisions stored: (\\d+).*", "$1"));
            out.add(String.format(Locale.ROOT, "H2 file after a clean stop: %.1f KB per revision",
                    Files.size(data.resolve("governance.mv.db")) / 1024.0 / revisions));
        }
        if (schema != null) {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", null)) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        System.out.println("\n==== load benchmark ====");
        out.forEach(System.out::println);
        System.out.println("========================\n");
    }

    /** Parse + assess + decision JSON on {@code threads} threads: warmed for {@code seconds}, then measured for as long. */
    static double library(List<byte[]> bodies, int threads, int seconds) throws InterruptedException {
        // The engine as the service builds it: the latest guideline version, named.
        List<String> versions = Governance.guidelineVersions();
        GovernanceEngine engine = Governance.builder().guidelineVersion(versions.get(versions.size() - 1)).build();
        List<String> texts = bodies.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
        double rate = 0;
        for (int round = 0; round < 2; round++) {
            AtomicLong done = new AtomicLong();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<Thread> ts = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                ts.add(started(() -> {
                    long n = 0;
                    for (int i = offset; System.nanoTime() < until; i++) {
                        ProjectProfile p = Governance.parseProfile(texts.get(i % texts.size()), "body");
                        Decision d = engine.assess(p);
                        if (Governance.toJson(d).isEmpty()) {
                            throw new IllegalStateException();
                        }
                        n++;
                    }
                    done.addAndGet(n);
                }));
            }
            for (Thread t : ts) {
                t.join();
            }
            rate = done.get() / ((System.nanoTime() - start) / 1e9);
        }
        return rate;
    }

    /** What a phase measured. */
    record Result(long count, long errors, double seconds, long[] latenciesNanos) {
        double throughput() {
            return count / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, i)] / 1e6;
        }

        String line(String what) {
            return String.format(Locale.ROOT, "%s: %.0f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors", what, throughput(),
                    percentileMillis(0.50), percentileMillis(0.99), latenciesNanos.length == 0 ? Double.NaN
                            : latenciesNanos[latenciesNanos.length - 1] / 1e6, errors);
        }
    }

    /**
     * {@code connections} connections for {@code seconds}: each sends the requests in turn, as fast as
     * answers come ({@code rate} 0), or each request when it is due at {@code rate} per second in all
     * (latency from when it was due).
     */
    static Result load(InetSocketAddress address, List<byte[]> requests, int connections, int rate, int seconds)
            throws InterruptedException {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong ticket = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int id = c;
            threads.add(started(() -> {
                long[] mine = new long[rate > 0 ? rate * seconds / connections * 2 + 1000 : 200_000];
                int n = 0;
                Connection conn = null;
                try {
                    LockSupport.parkNanos(start - System.nanoTime());
                    while (true) {
                        long due;
                        if (rate > 0) {
                            long k = ticket.getAndIncrement();
                            due = start + (long) (k * 1e9 / rate);
                            if (due >= end) {
                                break;
                            }
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                LockSupport.parkNanos(wait);
                            }
                        } else {
                            due = System.nanoTime();
                            if (due >= end) {
                                break;
                            }
                        }
                        byte[] req = requests.get((int) ((id + n) % requests.size()));
                        try {
                            if (conn == null) {
                                conn = new Connection(address);
                            }
                            int status = conn.exchange(req);
                            if (conn.closed) {
                                conn.close();
                                conn = null;
                            }
                            if (status != 200) {
                                errors.incrementAndGet();
                                continue;
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            if (conn != null) {
                                conn.close();
                            }
                            conn = null;
                            continue;
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = System.nanoTime() - due;
                    }
                } finally {
                    if (conn != null) {
                        conn.close();
                    }
                    latencies[id] = mine;
                    counts[id] = n;
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = Math.max(seconds, (System.nanoTime() - start) / 1e9);
        int total = 0;
        for (int n : counts) {
            total += n;
        }
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(total, errors.get(), elapsed, all);
    }

    /** One kept-alive HTTP/1.1 connection. */
    static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(InetSocketAddress address) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 10_000);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 65536);
        }

        boolean closed;

        /** Sends the request, reads the whole answer, returns its status. */
        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            boolean[] close = new boolean[1];
            int status = readResponse(in, null, close);
            closed = close[0];
            return status;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    /** Reads one response (Content-Length or chunked); its body into {@code body} when given. */
    static int readResponse(InputStream in, ByteArrayOutputStream body) throws IOException {
        return readResponse(in, body, new boolean[1]);
    }

    /** As above; {@code close[0]} tells whether the server closes the connection after it. */
    static int readResponse(InputStream in, ByteArrayOutputStream body, boolean[] close) throws IOException {
        String status = line(in);
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String h; !(h = line(in)).isEmpty(); ) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close[0] = true;
            }
        }
        if (chunked) {
            for (long size; (size = Long.parseLong(line(in).split(";")[0].strip(), 16)) > 0; ) {
                copy(in, size, body);
                line(in);
            }
            while (!line(in).isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            copy(in, length, body);
        }
        return code;
    }

    private static void copy(InputStream in, long n, ByteArrayOutputStream body) throws IOException {
        byte[] buf = new byte[8192];
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) {
                throw new EOFException();
            }
            if (body != null) {
                body.write(buf, 0, r);
            }
            n -= r;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new EOFException();
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    static byte[] request(String method, String path, InetSocketAddress address, String token, byte[] body) {
        return request(method, path, address, token, body, "application/json");
    }

    static byte[] request(String method, String path, InetSocketAddress address, String token, byte[] body, String type) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + address.getHostString() + ":" + address.getPort()
                + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: " + type + "\r\nAccept: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** One request on a connection of its own; the status line and body. */
    static String send(InetSocketAddress address, byte[] request) throws IOException {
        Connection c = new Connection(address);
        try {
            c.out.write(request);
            c.out.flush();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int status = readResponse(c.in, body);
            return "HTTP/1.1 " + status + "\n" + body.toString(StandardCharsets.UTF_8);
        } finally {
            c.close();
        }
    }

    static String get(InetSocketAddress address, String path) throws IOException {
        return send(address, ("GET " + path + " HTTP/1.1\r\nHost: " + address.getHostString() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    static InetSocketAddress listening(Process server, Path log) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < until && server.isAlive()) {
            Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the service did not start: " + Files.readString(log, StandardCharsets.UTF_8));
    }

    static String cli(List<String> storage, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(storage);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new io.github.aigov.governance.server.ServerCommandLine()).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err)).execute(all.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", args) + ": " + err);
        }
        return out.toString();
    }

    static Thread started(Runnable body) {
        Thread t = new Thread(body);
        t.start();
        return t;
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = LoadBenchmark.class.getResourceAsStream("/io/github/aigov/governance/server/warm-up/" + name)) {
            return in.readAllBytes();
        }
    }
}
