package io.github.aigov.governance.examples.cli;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProjectProfile;
import java.io.BufferedReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code governance assess-batch INPUT --out FILE.jsonl}: assesses a whole inventory — a directory
 * of YAML profiles or a JSON Lines file of profiles — writing one JSON decision per line in input
 * order. Streaming (a bounded window of profiles in flight, whatever the input's size), parallel
 * across cores, with a progress bar on a terminal. A bad profile is reported and skipped; it never
 * stops the batch. Exit 0 when every profile was assessed, 1 when some were rejected.
 */
@Command(name = "assess-batch", modelTransformer = HelpTexts.Installer.class, abbreviateSynopsis = true,
        sortOptions = false, usageHelpAutoWidth = true)
final class BatchCommand extends GovernanceCommand {
    private static final int SHOWN_REJECTS = 20;

    @Parameters(index = "0", paramLabel = "INPUT", descriptionKey = "batch.input")
    private Path input;

    @Option(names = "--out", paramLabel = "FILE.jsonl", required = true, descriptionKey = "batch.out")
    private Path out;

    @Option(names = "--threads", paramLabel = "N", descriptionKey = "batch.threads")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--progress", negatable = true, descriptionKey = "batch.progress")
    private Boolean progress;

    @Mixin
    private DefinitionsOptions definitions;

    /** One profile of the input: where it is, and its text (read by the worker). */
    private record Source(String label, int lineOffset, Callable<String> text) {
    }

    /** What a worker produced for one profile. */
    private record Outcome(String label, java.io.ByteArrayOutputStream json, Decision decision, List<Problem> problems) {
    }

    @Override
    int execute() throws Exception {
        if (!Files.exists(input)) {
            throw new GovernanceException(List.of(Problem.error(ProblemCode.UNREADABLE_FILE, Location.of(input.toString()),
                    Message.of("problem.file.unreadable", "no such file or directory"), Message.of("hint.file"))));
        }
        GovernanceEngine engine = engine(definitions.spec());
        Locale locale = support.locale();
        long total = count();
        boolean bar = progress != null ? progress : System.console() != null;
        Summary summary = new Summary();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "assess-batch");
            t.setDaemon(true);
            return t;
        });
        int window = Math.max(1, threads) * 256;
        ArrayDeque<Future<Outcome>> inFlight = new ArrayDeque<>();
        Progress meter = new Progress(spec.commandLine().getErr(), total, bar);
        try (OutputStream writer = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
             Stream<Source> sources = sources()) {
            Iterator<Source> it = sources.iterator();
            while (it.hasNext()) {
                Source s = it.next();
                inFlight.add(pool.submit(() -> assess(engine, s)));
                // Write in input order; keep at most `window` profiles in memory.
                while (!inFlight.isEmpty() && (inFlight.size() >= window || inFlight.peek().isDone())) {
                    write(inFlight.poll(), writer, summary, meter);
                }
            }
            while (!inFlight.isEmpty()) {
                write(inFlight.poll(), writer, summary, meter);
            }
        } finally {
            pool.shutdownNow();
            meter.done();
        }
        summary.print(spec.commandLine().getOut(), locale, out, System.nanoTime() - start, threads);
        return summary.rejected == 0 ? GovernanceCli.DECIDED : GovernanceCli.BAD_INPUT;
    }

    private Outcome assess(GovernanceEngine engine, Source s) {
        try {
            ProjectProfile profile = Governance.parseProfile(s.text().call(), s.label());
            Decision d = engine.assess(profile);
            // Written here, on the worker, straight to UTF-8: the writer only copies bytes.
            java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream(32 * 1024);
            Governance.writeJsonLine(d, json);
            return new Outcome(s.label(), json, d, List.of()); // written from its buffer, not copied out of it
        } catch (GovernanceException e) {
            if (e.internal()) {
                throw e;
            }
            return new Outcome(s.label(), null, null, shift(e.problems(), s.lineOffset()));
        } catch (IOException e) {
            return new Outcome(s.label(), null, null, List.of(Problem.error(ProblemCode.UNREADABLE_FILE,
                    Location.of(s.label()), Message.of("problem.file.unreadable", e.getMessage()), Message.of("hint.file"))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON Lines profile is parsed on its own: move its problems to the line it is on in the file. */
    private static List<Problem> shift(List<Problem> problems, int offset) {
        if (offset == 0) {
            return problems;
        }
        return problems.stream().map(p -> {
            Location l = p.location();
            return new Problem(p.code(), p.severity(), new Location(l.file(), l.line() > 0 ? l.line() + offset : 0, l.column(),
                    l.path()), p.message(), p.hint());
        }).toList();
    }

    private void write(Future<Outcome> f, OutputStream writer, Summary summary, Progress meter) throws IOException {
        Outcome o;
        try {
            o = f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        if (o.json() != null) {
            o.json().writeTo(writer);
        }
        summary.add(o);
        meter.step();
    }

    private boolean directory() {
        return Files.isDirectory(input);
    }

    private long count() throws IOException {
        try (Stream<Source> s = sources()) {
            return s.count();
        }
    }

    private Stream<Source> sources() throws IOException {
        if (directory()) {
            try (Stream<Path> files = Files.walk(input)) {
                List<Path> yaml = files.filter(Files::isRegularFile)
                        .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted(Comparator.comparing(Path::toString)).toList();
                return yaml.stream().map(p -> new Source(p.toString(), 0,
                        () -> Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
        int[] line = {0};
        return reader.lines().map(text -> {
            int n = ++line[0];
            return new Source(input.toString(), n - 1, () -> text);
        }).filter(s -> {
            try {
                return !s.text().call().isBlank();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).onClose(() -> {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Counts for the closing summary; fed in input order by one thread. */
    private static final class Summary {
        final Map<Classification, Long> classes = new EnumMap<>(Classification.class);
        final Map<String, Long> required = new HashMap<>();
        final List<Problem> rejects = new ArrayList<>();
        long written;
        long rejected;
        long escalations;

        void add(Outcome o) {
            if (o.decision() == null) {
                rejected++;
                if (rejects.size() < SHOWN_REJECTS * 4) {
                    rejects.addAll(o.problems());
                }
                return;
            }
            written++;
            Decision d = o.decision();
            classes.merge(d.classification(), 1L, Long::sum);
            if (d.escalation().required()) {
                escalations++;
            }
            for (ItemResult i : d.items()) {
                if (i.status() == ItemStatus.REQUIRED) {
                    required.merge(i.id(), 1L, Long::sum);
                }
            }
        }

        void print(PrintWriter w, Locale locale, Path out, long nanos, int threads) {
            double seconds = nanos / 1e9;
            long all = written + rejected;
            w.println(text(locale, "cli.batch.done", all, String.format(Locale.ROOT, "%.1f", seconds),
                    String.format(Locale.ROOT, "%,.0f", all / Math.max(seconds, 1e-9)), threads, written, out, rejected));
            w.println(text(locale, "cli.batch.classes", java.util.Arrays.stream(Classification.values())
                    .map(c -> c + " " + classes.getOrDefault(c, 0L)).collect(Collectors.joining(" · "))));
            w.println(text(locale, "cli.batch.escalations", escalations));
            w.println(text(locale, "cli.batch.required", required.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(5).map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "))));
            if (rejected > 0) {
                w.println(text(locale, "cli.batch.rejected", rejected));
                rejects.stream().limit(SHOWN_REJECTS).forEach(p -> w.println("  " + Messages.format(p, locale)));
                if (rejects.size() > SHOWN_REJECTS) {
                    w.println("  " + text(locale, "cli.batch.more"));
                }
            }
        }

        private static String text(Locale locale, String key, Object... args) {
            return Messages.render(Message.of(key, args), locale);
        }
    }

    /** A one-line progress bar on stderr, redrawn at most every 200 ms; silent when not on a terminal. */
    private static final class Progress {
        private final PrintWriter err;
        private final long total;
        private final boolean enabled;
        private final long start = System.nanoTime();
        private long done;
        private long drawn;

        Progress(PrintWriter err, long total, boolean enabled) {
            this.err = err;
            this.total = total;
            this.enabled = enabled;
        }

        void step() {
            done++;
            long now = System.nanoTime();
            if (enabled && (now - drawn > 200_000_000L || done == total)) {
                drawn = now;
                int width = 30;
                int filled = total == 0 ? width : (int) (width * done / total);
                double rate = done / Math.max((now - start) / 1e9, 1e-9);
                err.printf(Locale.ROOT, "\r[%s%s] %,d/%,d  %,.0f/s ", "#".repeat(filled), " ".repeat(width - filled), done, total, rate);
                err.flush();
            }
        }

        void done() {
            if (enabled) {
                err.println();
                err.flush();
            }
        }
    }
}
