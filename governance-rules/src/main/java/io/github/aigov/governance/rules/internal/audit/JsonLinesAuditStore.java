package io.github.aigov.governance.rules.internal.audit;

import io.github.aigov.governance.audit.AuditStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The embedded audit store: a JSON Lines file, one record per line. Appends are written whole and
 * forced to disk before {@link #append} returns; reading the tail and appending happen under a lock
 * that excludes other threads (one lock per file in this JVM) and other processes (a lock on the
 * sibling file {@code <log>.lock}).
 */
public final class JsonLinesAuditStore implements AuditStore {
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private final Path file;

    public JsonLinesAuditStore(Path file) {
        this.file = file;
    }

    /** Runs {@code action} while holding this file's locks. */
    public <T> T locked(IoAction<T> action) throws IOException {
        ReentrantLock lock = LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new ReentrantLock());
        lock.lock();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // A separate lock file: closing any channel on the log itself would release a lock held on it.
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                return action.run();
            }
        } finally {
            lock.unlock();
        }
    }

    /** An action that may fail with an I/O error. */
    @FunctionalInterface
    public interface IoAction<T> {
        T run() throws IOException;
    }

    @Override
    public void append(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    @Override
    public List<String> lines() throws IOException {
        try (Stream<String> lines = streamLines()) {
            return lines.toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The lines as the stream is read, one at a time, so a log of any size can be verified. Bytes
     * that are not UTF-8 become U+FFFD: the line they are in no longer matches its hash, and
     * verify() names it, instead of the whole log failing to read. A line longer than
     * {@link AuditLine#MAX_LINE_BYTES} is cut just after it (the log refuses it as too long).
     */
    @Override
    public Stream<String> streamLines() throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            return Stream.empty();
        }
        Iterator<String> lines = new Iterator<>() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream(64 * 1024);
            private final byte[] buffer = new byte[64 * 1024];
            private int position;
            private int limit;
            private String next;
            private boolean end;

            @Override
            public boolean hasNext() {
                if (next == null && !end) {
                    next = read();
                    end = next == null;
                }
                return next != null;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String out = next;
                next = null;
                return out;
            }

            private String read() {
                try {
                    line.reset();
                    boolean any = false;
                    while (true) {
                        if (position == limit) {
                            limit = in.read(buffer);
                            position = 0;
                            if (limit <= 0) {
                                limit = 0;
                                return any ? line.toString(StandardCharsets.UTF_8) : null;
                            }
                        }
                        any = true;
                        int start = position;
                        while (position < limit && buffer[position] != '\n') {
                            position++;
                        }
                        int room = AuditLine.MAX_LINE_BYTES + 1 - line.size();
                        line.write(buffer, start, Math.max(0, Math.min(room, position - start)));
                        if (position < limit) {
                            position++;
                            return line.toString(StandardCharsets.UTF_8);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(lines, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    try {
                        in.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Override
    public String lastLine() throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long end = raf.length();
            if (end == 0) {
                return null;
            }
            long pos = end;
            raf.seek(end - 1);
            if (raf.read() == '\n') {
                pos = end - 1;
            }
            long start = pos;
            byte[] chunk = new byte[8192];
            while (start > 0) {
                int n = (int) Math.min(chunk.length, start);
                raf.seek(start - n);
                raf.readFully(chunk, 0, n);
                int i = n - 1;
                while (i >= 0 && chunk[i] != '\n') {
                    i--;
                }
                if (i >= 0) {
                    start = start - n + i + 1;
                    break;
                }
                start -= n;
            }
            byte[] line = new byte[(int) Math.min(pos - start, AuditLine.MAX_LINE_BYTES + 1L)];
            raf.seek(start);
            raf.readFully(line);
            return new String(line, StandardCharsets.UTF_8);
        }
    }

    @Override
    public boolean endsCleanly() throws IOException {
        if (!Files.exists(file)) {
            return true;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            if (raf.length() == 0) {
                return true;
            }
            raf.seek(raf.length() - 1);
            return raf.read() == '\n';
        }
    }

    @Override
    public String name() {
        return file.toString();
    }
}
