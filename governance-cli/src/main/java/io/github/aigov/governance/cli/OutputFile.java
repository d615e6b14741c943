package io.github.aigov.governance.cli;

import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file a command writes, checked before anything is written and written whole or not at all.
 *
 * <ol>
 *   <li>{@link #check} refuses, before anything is opened for writing, an output that is one of
 *       the command's inputs ({@code GOV-0027}: real paths are compared, so a link, {@code ..} or a
 *       second hard link to the input is caught), and one that cannot be written where it is named
 *       ({@code GOV-0028}: its folder is missing or is a file, it is a folder, it or its folder is
 *       read-only). Both are the user's errors (exit 1), each naming the path and what to do.</li>
 *   <li>{@link #open} writes to a temporary file beside the target ({@code .NAME.RANDOM.tmp}),
 *       forced to disk, and {@link Writing#commit} moves it into place atomically (or, where the file
 *       system refuses atomic moves, by replacing): an existing file is replaced only by a complete
 *       one. Closing a {@link Writing} that was not committed — the paper threw, the disk filled —
 *       deletes the temporary file and leaves an existing file exactly as it was.</li>
 * </ol>
 *
 * <p>A target that exists and is not a regular file (a device such as {@code /dev/null} or
 * {@code /dev/stdout}, a named pipe) cannot be replaced; it is written in place.
 */
final class OutputFile {
    private final Path named;
    private final String option;
    private final Path target;
    private final boolean inPlace;
    private final boolean ownerOnly;

    private OutputFile(Path named, String option, Path target, boolean inPlace, boolean ownerOnly) {
        this.named = named;
        this.option = option;
        this.target = target;
        this.inPlace = inPlace;
        this.ownerOnly = ownerOnly;
    }

    /**
     * The same output, readable and writable by its owner only (a private key, for example): the
     * temporary file is created so, not changed afterwards, and a file it replaces does not lend it
     * its permissions.
     */
    OutputFile ownerOnly() {
        return new OutputFile(named, option, target, inPlace, true);
    }

    /** How the output was named on the command line. */
    Path path() {
        return named;
    }

    /** Writes a paper to a stream; may throw anything, the file stays as it was. */
    @FunctionalInterface
    interface Paper {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * The output {@code named} with {@code option}, checked against the command's {@code inputs}
     * (each file read, with the option or parameter that named it).
     *
     * @throws GovernanceException {@code GOV-0027} or {@code GOV-0028}, with the path and a hint
     */
    static OutputFile check(Path named, String option, Map<Path, String> inputs) {
        Location at = new Location(named.toString(), 0, 0, option);
        Path absolute;
        try {
            absolute = named.toAbsolutePath();
        } catch (InvalidPathException | java.io.IOError e) {
            throw refused(ProblemCode.OUTPUT_NOT_WRITABLE, at, "cli.problem.out-no-folder", "cli.hint.out-no-folder", named);
        }
        Path parent = absolute.getParent();
        if (parent == null || Files.isDirectory(absolute)) {
            throw refused(ProblemCode.OUTPUT_NOT_WRITABLE, at, "cli.problem.out-is-folder", "cli.hint.out-is-folder", named);
        }
        Path target = real(named);
        if (target == null) {
            Path folder = named.toAbsolutePath().getParent();
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw refused(ProblemCode.OUTPUT_NOT_WRITABLE, at, "cli.problem.out-not-folder", "cli.hint.out-no-folder",
                        folder);
            }
            throw refused(ProblemCode.OUTPUT_NOT_WRITABLE, at, "cli.problem.out-no-folder", "cli.hint.out-no-folder",
                    folder);
        }
        for (Map.Entry<Path, String> input : inputs.entrySet()) {
            if (same(target, input.getKey())) {
                throw refused(ProblemCode.OUTPUT_IS_INPUT, at, "cli.problem.out-is-input", "cli.hint.out-is-input",
                        input.getValue(), input.getKey());
            }
        }
        boolean exists = Files.exists(target);
        boolean inPlace = exists && !Files.isRegularFile(target);
        if (exists && !Files.isWritable(target)) {
            throw refused(ProblemCode.OUTPUT_NOT_WRITABLE, at, "cli.problem.out-read-only", "cli.hint.out-read-only", named);
        }
        if (!inPlace && !Files.isWritable(target.getParent())) {
            throw refused(ProblemCode.OUTPUT_NOT_WRITABLE, at, "cli.problem.out-folder-read-only",
                    "cli.hint.out-folder-read-only", target.getParent());
        }
        return new OutputFile(named, option, target, inPlace, false);
    }

    /** Text, UTF-8, whole or not at all. */
    void writeText(String text) {
        write(out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A paper, whole or not at all. The paper only writes to the stream, so an {@link IOException}
     * is the output's (a full disk): {@code GOV-0028}; anything else it throws is passed on.
     */
    void write(Paper paper) {
        try (Writing w = open()) {
            paper.writeTo(w.stream());
            w.commit();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Starts writing: to a temporary file beside the target, until {@link Writing#commit}. */
    Writing open() {
        try {
            if (inPlace) {
                return new Writing(null, Files.newOutputStream(target, StandardOpenOption.WRITE), null);
            }
            Path folder = target.getParent();
            String name = target.getFileName().toString();
            for (int attempt = 0; ; attempt++) {
                Path temporary = folder.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                        + ".tmp");
                try {
                    FileChannel channel;
                    if (ownerOnly && folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                        channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    } else {
                        // Created with the folder's default permissions (not createTempFile's owner-only ones):
                        // the paper that replaces a file is as readable as a new one would be.
                        channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                        keepPermissions(temporary);
                    }
                    return new Writing(temporary, Channels.newOutputStream(channel), channel);
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 100) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** An existing file keeps its permissions when it is replaced. */
    private void keepPermissions(Path temporary) throws IOException {
        if (Files.isRegularFile(target)) {
            PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            if (view != null) {
                Files.setPosixFilePermissions(temporary, view.readAttributes().permissions());
            }
        }
    }

    /** Writing failed (disk full, permission withdrawn): the user's problem, GOV-0028, with the reason. */
    GovernanceException failed(IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return refused(ProblemCode.OUTPUT_NOT_WRITABLE, new Location(named.toString(), 0, 0, option),
                "cli.problem.out-failed", "cli.hint.out-failed", reason);
    }

    /**
     * An output being written: {@link #stream()} takes the paper, {@link #commit()} moves it into
     * place, {@link #close()} without a commit deletes it.
     */
    final class Writing implements Closeable {
        private final Path temporary;
        private final OutputStream stream;
        private final FileChannel channel;
        private boolean committed;

        private Writing(Path temporary, OutputStream stream, FileChannel channel) {
            this.temporary = temporary;
            this.stream = stream;
            this.channel = channel;
        }

        OutputStream stream() {
            return stream;
        }

        /** The paper is complete: forced to disk, then moved over the target in one step. */
        void commit() {
            try {
                stream.flush();
                if (temporary == null) {
                    stream.close();
                    committed = true;
                    return;
                }
                channel.force(true);
                stream.close();
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
                committed = true;
            } catch (IOException e) {
                throw failed(e);
            }
        }

        /** Without a commit: the temporary file is deleted, an existing target untouched. */
        @Override
        public void close() throws IOException {
            if (committed) {
                return;
            }
            try {
                stream.close();
            } catch (IOException e) {
                // Closing a paper that failed: its own failure is the one reported.
            } finally {
                if (temporary != null) {
                    Files.deleteIfExists(temporary);
                }
            }
        }
    }

    /**
     * The real path of a file: itself with links followed if it exists, else its folder's real path
     * and its name; null if the folder does not exist. {@code ..} is resolved by the file system, as
     * the write would be (after a link to a folder elsewhere it leads there), never by the text.
     */
    static Path real(Path p) {
        Path absolute = p.toAbsolutePath();
        try {
            // A dangling link is written through (it would create the file it points to): follow it by hand.
            for (int hops = 0; !Files.exists(absolute) && Files.isSymbolicLink(absolute) && hops < 40; hops++) {
                absolute = absolute.resolveSibling(Files.readSymbolicLink(absolute));
            }
            if (Files.exists(absolute)) {
                return absolute.toRealPath();
            }
            Path parent = absolute.getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                return null;
            }
            return parent.toRealPath().resolve(absolute.getFileName());
        } catch (IOException | InvalidPathException | java.io.IOError e) {
            return null;
        }
    }

    /** Whether two paths name one file: same real path, or the same file reached by another hard link. */
    private static boolean same(Path target, Path input) {
        Path other = real(input);
        if (other == null) {
            return false;
        }
        if (other.equals(target)) {
            return true;
        }
        try {
            return Files.exists(target) && Files.exists(other) && Files.isSameFile(target, other);
        } catch (IOException e) {
            return false;
        }
    }

    private static GovernanceException refused(ProblemCode code, Location at, String key, String hint, Object... args) {
        return new GovernanceException(List.of(Problem.error(code, at, Message.of(key, args), Message.of(hint, args))));
    }
}
