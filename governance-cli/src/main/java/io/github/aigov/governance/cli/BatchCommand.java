package io.github.aigov.governance.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProjectProfile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code governance assess-batch INPUT --out FILE.jsonl}: assesses a whole inventory — a directory
 * of YAML profiles or a JSON Lines file of profiles — writing one JSON decision per line in input
 * order. Streaming (a bounded window of profiles in flight, bounded in count and in bytes, whatever
 * the input's size), parallel across cores, with a progress bar on a terminal.
 *
 * <p>A bad profile is rejected and the batch goes on: a line or a file that is not UTF-8, over the
 * size limit (checked before it is read whole; a JSON Lines line is read in bounded chunks and an
 * over-long one skipped without being held), a file that is not a regular file (a folder or a pipe
 * named {@code *.yaml}, a link to a device), or a profile the library refuses. Every rejected
 * profile is written to the rejects file beside the output ({@link #rejectsFile}; JSON Lines, see
 * {@link Rejects}); the first problems also go to standard error. Both files are written whole or
 * not at all ({@link OutputFile}). Exit 0 when every profile was assessed, 1 when some were
 * rejected.
 */
@Command(name = "assess-batch", modelTransformer = HelpTexts.Installer.class, abbreviateSynopsis = true,
        sortOptions = false, usageHelpAutoWidth = true)
final class BatchCommand extends GovernanceCommand implements ReadsFiles {
    private static final int SHOWN_REJECTS = 20;
    /** Most bytes of input held by profiles in flight: a window of near-limit profiles stays within a small heap. */
    private static final long BYTES_IN_FLIGHT = 32L << 20;

    @Parameters(index = "0", paramLabel = "INPUT", descriptionKey = "batch.input")
    private Path input;

    @Output
    @Option(names = "--out", paramLabel = "FILE.jsonl", required = true, descriptionKey = "batch.out")
    private Path out;

    @Option(names = "--threads", paramLabel = "N", descriptionKey = "batch.threads")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--progress", negatable = true, descriptionKey = "batch.progress")
    private Boolean progress;

    @Mixin
    private DefinitionsOptions definitions;

    /** The entries of an input folder named *.yaml or *.yml, in path order; listed once. */
    private List<Path> entries;
    /** The entries of the input folder that could not be looked at, and why. */
    private final Map<Path, IOException> unreadable = new HashMap<>();

    /**
     * One profile of the input: where it is (file, and line for JSON Lines; 0 for a whole file), the
     * bytes it holds in memory until assessed, and how to read it (on a worker).
     */
    private record Source(String label, int line, long bytes, Callable<ProjectProfile> profile) {
    }

    /** What a worker produced for one profile. */
    private record Outcome(Source source, java.io.ByteArrayOutputStream json, Decision decision, List<Problem> problems) {
    }

    /** Where the rejected profiles of a batch written to {@code out} go: {@code NAME.rejects.jsonl} beside it. */
    static Path rejectsFile(Path out) {
        String name = out.getFileName() == null ? "decisions" : out.getFileName().toString();
        String stem = name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
        return out.resolveSibling(stem + ".rejects.jsonl");
    }

    @Override
    public Map<Path, String> filesRead() {
        Map<Path, String> files = new LinkedHashMap<>();
        if (input != null && Files.isDirectory(input)) {
            try {
                entries().forEach(p -> files.put(p, "INPUT"));
            } catch (IOException e) {
                // an unreadable folder is reported when the batch reads it
            }
        }
        return files;
    }

    @Override
    int execute() throws Exception {
        Locale locale = support.locale();
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    Messages.render(Message.of("cli.problem.threads", threads), locale));
        }
        if (!Files.exists(input)) {
            throw new GovernanceException(List.of(Problem.error(ProblemCode.UNREADABLE_FILE, Location.of(input.toString()),
                    Message.of("problem.file.unreadable", "no such file or directory"), Message.of("hint.file"))));
        }
        output(rejectsFile(out), "--out"); // refused before the rules are compiled, as --out itself is
        GovernanceEngine engine = engine(definitions.spec());
        // Both checked again now that the definitions' own files are known.
        OutputFile decisionsTarget = output(out, "--out");
        OutputFile rejectsTarget = output(rejectsFile(out), "--out");
        boolean bar = progress != null ? progress : System.console() != null;
        long total = bar ? count() : 0;
        Summary summary = new Summary();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "assess-batch");
            t.setDaemon(true);
            return t;
        });
        int window = threads * 256;
        ArrayDeque<Future<Outcome>> inFlight = new ArrayDeque<>();
        long[] bytesInFlight = {0};
        Progress meter = new Progress(rawErr(), total, bar);
        try (OutputFile.Writing decisions = decisionsTarget.open();
             OutputFile.Writing rejected = rejectsTarget.open();
             Sources sources = sources()) {
            OutputStream writer = new BufferedOutputStream(decisions.stream(), 1 << 16);
            Rejects rejects = new Rejects(new BufferedOutputStream(rejected.stream(), 1 << 16), locale);
            Sink sink = new Sink(writer, rejects, decisionsTarget, rejectsTarget);
            for (Source s = sources.next(); s != null; s = sources.next()) {
                Source source = s;
                inFlight.add(pool.submit(() -> assess(engine, source)));
                bytesInFlight[0] += s.bytes();
                // Write in input order; keep at most `window` profiles, and BYTES_IN_FLIGHT of input, in memory.
                while (!inFlight.isEmpty() && (inFlight.size() >= window || bytesInFlight[0] > BYTES_IN_FLIGHT
                        || inFlight.peek().isDone())) {
                    bytesInFlight[0] -= sink.write(inFlight.poll(), summary, meter);
                }
            }
            while (!inFlight.isEmpty()) {
                sink.write(inFlight.poll(), summary, meter);
            }
            sink.finish();
            decisions.commit();
            rejected.commit();
        } finally {
            pool.shutdownNow();
            meter.done();
        }
        summary.print(spec.commandLine().getOut(), spec.commandLine().getErr(), locale, out, rejectsFile(out),
                System.nanoTime() - start, threads);
        return summary.rejected == 0 ? GovernanceCli.DECIDED : GovernanceCli.BAD_INPUT;
    }

    private Outcome assess(GovernanceEngine engine, Source s) {
        try {
            ProjectProfile profile = s.profile().call();
            Decision d = engine.assess(profile);
            // Written here, on the worker, straight to UTF-8: the writer only copies bytes.
            java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream(32 * 1024);
            Governance.writeJsonLine(d, json);
            return new Outcome(s, json, d, List.of()); // written from its buffer, not copied out of it
        } catch (GovernanceException e) {
            if (e.internal()) {
                throw e;
            }
            return new Outcome(s, null, null, shift(e.problems(), Math.max(0, s.line() - 1)));
        } catch (RuntimeException e) {
            throw e;
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

    private static GovernanceException rejected(ProblemCode code, Location at, Message message, Message hint) {
        return new GovernanceException(List.of(Problem.error(code, at, message, hint)));
    }

    /** Where outcomes go, in input order: decisions to the output, rejected profiles to the rejects file. */
    private static final class Sink {
        private final OutputStream decisions;
        private final Rejects rejects;
        private final OutputFile decisionsTarget;
        private final OutputFile rejectsTarget;

        Sink(OutputStream decisions, Rejects rejects, OutputFile decisionsTarget, OutputFile rejectsTarget) {
            this.decisions = decisions;
            this.rejects = rejects;
            this.decisionsTarget = decisionsTarget;
            this.rejectsTarget = rejectsTarget;
        }

        /** Writes one outcome; returns the input bytes it held. */
        long write(Future<Outcome> f, Summary summary, Progress meter) {
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
                try {
                    o.json().writeTo(decisions);
                } catch (IOException e) {
                    throw decisionsTarget.failed(e);
                }
            } else {
                try {
                    rejects.write(o.source().label(), o.source().line(), o.problems());
                } catch (IOException e) {
                    throw rejectsTarget.failed(e);
                }
            }
            summary.add(o);
            meter.step();
            return o.source().bytes();
        }

        void finish() {
            try {
                decisions.flush();
            } catch (IOException e) {
                throw decisionsTarget.failed(e);
            }
            try {
                rejects.flush();
            } catch (IOException e) {
                throw rejectsTarget.failed(e);
            }
        }
    }

    private boolean directory() {
        return Files.isDirectory(input);
    }

    /** How many profiles, for the progress bar; only a regular file or a folder is read twice. */
    private long count() throws IOException {
        if (!directory() && !Files.isRegularFile(input)) {
            return 0;
        }
        long n = 0;
        try (Sources s = sources()) {
            while (s.next() != null) {
                n++;
            }
        }
        return n;
    }

    /** The entries of the input folder named *.yaml or *.yml, whatever they are, in path order. */
    private List<Path> entries() throws IOException {
        if (entries == null) {
            List<Path> found = new ArrayList<>();
            Files.walkFileTree(input, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (profileName(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (!dir.equals(input) && profileName(dir)) {
                        found.add(dir); // a folder named like a profile: rejected, and its contents read
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    found.add(file); // rejected with its reason, the batch goes on
                    unreadable.put(file, e);
                    return FileVisitResult.CONTINUE;
                }
            });
            found.sort(Comparator.comparing(Path::toString));
            entries = found;
        }
        return entries;
    }

    private static boolean profileName(Path p) {
        String name = String.valueOf(p.getFileName());
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** The profiles of the input, one at a time. */
    private interface Sources extends java.io.Closeable {
        /** The next profile, or {@code null} at the end. */
        Source next() throws IOException;
    }

    private Sources sources() throws IOException {
        if (directory()) {
            Iterator<Path> files = entries().iterator();
            return new Sources() {
                @Override
                public Source next() {
                    return files.hasNext() ? fileSource(files.next(), unreadable) : null;
                }

                @Override
                public void close() {
                }
            };
        }
        InventoryLines lines = new InventoryLines(Files.newInputStream(input), InputLimits.DEFAULT.maxDocumentBytes());
        String label = input.toString();
        return new Sources() {
            @Override
            public Source next() throws IOException {
                InventoryLines.Line line;
                do {
                    try {
                        line = lines.next();
                    } catch (IOException e) {
                        throw new GovernanceException(List.of(Problem.error(ProblemCode.UNREADABLE_FILE, Location.of(label),
                                Message.of("problem.file.unreadable", e.getMessage()), Message.of("hint.file"))));
                    }
                } while (line != null && line.blank());
                return line == null ? null : lineSource(label, line);
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        };
    }

    /** A profile file of the input folder: read by the library (within its limits) if it is a regular file. */
    private static Source fileSource(Path p, Map<Path, IOException> unreadable) {
        String label = p.toString();
        IOException failure = unreadable.get(p);
        if (failure != null) {
            return new Source(label, 0, 0, () -> {
                throw rejected(ProblemCode.UNREADABLE_FILE, Location.of(label), Message.of("problem.file.unreadable",
                        failure.getClass().getSimpleName() + ": " + failure.getMessage()), Message.of("hint.file"));
            });
        }
        if (!Files.isRegularFile(p)) {
            return new Source(label, 0, 0, () -> {
                throw rejected(ProblemCode.UNREADABLE_FILE, Location.of(label), Message.of("cli.problem.not-regular"),
                        Message.of("cli.hint.not-regular"));
            });
        }
        long size;
        try {
            size = Math.min(Files.size(p), InputLimits.DEFAULT.maxDocumentBytes());
        } catch (IOException e) {
            size = 0;
        }
        return new Source(label, 0, size, () -> Governance.readProfile(p));
    }

    /**
     * A line of a JSON Lines inventory: decoded and parsed on a worker as a document of its own, so
     * its problems are located on line 1 and moved to the line it is on by {@link #assess}.
     */
    private static Source lineSource(String label, InventoryLines.Line line) {
        int n = line.number();
        if (line.tooLong()) {
            return new Source(label, n, 0, () -> {
                throw rejected(ProblemCode.LIMIT_EXCEEDED, new Location(label, 1, 0, ""),
                        Message.of("problem.limit.size", line.length(), InputLimits.DEFAULT.maxDocumentBytes()),
                        Message.of("hint.limits"));
            });
        }
        byte[] bytes = line.bytes();
        return new Source(label, n, bytes.length, () -> {
            String text;
            try {
                text = InventoryLines.utf8(bytes);
            } catch (InventoryLines.NotUtf8 e) {
                throw rejected(ProblemCode.YAML_SYNTAX, new Location(label, 1, e.column, ""),
                        Message.of("problem.file.encoding.byte", String.format("%02X", e.value)),
                        Message.of("hint.file.encoding"));
            }
            return Governance.parseProfile(text, label);
        });
    }

    /**
     * The rejects file: JSON Lines, one object per rejected profile, in input order —
     * {@code {"source": FILE, "line": N or null, "problems": [{"code", "severity", "file", "line",
     * "column", "path", "message", "messageKey", "messageArgs", "hint", "hintKey", "hintArgs"}]}}: the
     * profile's file and, for JSON Lines, its line (null for a whole file); each problem as the
     * terminal shows it, rendered in the command's language, with the message keys and arguments it
     * was rendered from.
     */
    static final class Rejects {
        private static final JsonFactory JSON = new JsonFactory();
        private final JsonGenerator json;
        private final Locale locale;

        Rejects(OutputStream out, Locale locale) throws IOException {
            this.json = JSON.createGenerator(out, JsonEncoding.UTF8);
            this.json.setRootValueSeparator(null);
            this.json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            this.locale = locale;
        }

        void write(String source, int line, List<Problem> problems) throws IOException {
            json.writeStartObject();
            json.writeStringField("source", source);
            json.writeFieldName("line");
            if (line > 0) {
                json.writeNumber(line);
            } else {
                json.writeNull();
            }
            json.writeArrayFieldStart("problems");
            for (Problem p : problems) {
                json.writeStartObject();
                json.writeStringField("code", p.code().id());
                json.writeStringField("severity", p.severity().name());
                json.writeStringField("file", p.location().file());
                json.writeNumberField("line", p.location().line());
                json.writeNumberField("column", p.location().column());
                json.writeStringField("path", p.location().path());
                message(p.message(), "message");
                if (p.hint() != null) {
                    message(p.hint(), "hint");
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }

        private void message(Message m, String field) throws IOException {
            json.writeStringField(field, Messages.render(m, locale));
            json.writeStringField(field + "Key", m.key());
            json.writeArrayFieldStart(field + "Args");
            for (String a : m.args()) {
                json.writeString(a);
            }
            json.writeEndArray();
        }

        void flush() throws IOException {
            json.flush();
        }
    }

    /** Counts for the closing summary; fed in input order by one thread. */
    private static final class Summary {
        final Map<Classification, Long> classes = new EnumMap<>(Classification.class);
        final Map<String, Long> required = new HashMap<>();
        /** The first rejected profiles' problems, for the terminal; all of them are in the rejects file. */
        final List<Problem> shown = new ArrayList<>();
        long written;
        long rejected;
        long escalations;

        void add(Outcome o) {
            if (o.decision() == null) {
                rejected++;
                if (rejected <= SHOWN_REJECTS) {
                    shown.addAll(o.problems());
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

        /** The summary on standard output; the first rejected profiles' problems on standard error. */
        void print(PrintWriter w, PrintWriter err, Locale locale, Path out, Path rejects, long nanos, int threads) {
            if (rejected > 0) {
                err.println(text(locale, "cli.batch.rejected", rejected));
                shown.forEach(p -> err.println("  " + Messages.format(p, locale)));
                if (rejected > SHOWN_REJECTS) {
                    err.println("  " + text(locale, "cli.batch.more"));
                }
            }
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
                w.println(text(locale, "cli.batch.rejects-file", rejected, rejects));
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
                double rate = done / Math.max((now - start) / 1e9, 1e-9);
                if (total <= 0) { // not counted in advance (a pipe)
                    err.printf(Locale.ROOT, "\r%,d  %,.0f/s ", done, rate);
                } else {
                    int filled = (int) (width * Math.min(done, total) / total);
                    err.printf(Locale.ROOT, "\r[%s%s] %,d/%,d  %,.0f/s ", "#".repeat(filled), " ".repeat(width - filled), done,
                            total, rate);
                }
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
