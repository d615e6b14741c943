package io.github.aigov.governance.rules.internal.load;

import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.rules.internal.yaml.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * How every document the library reads from disk is read: never more than its size limit allows.
 * A regular file's size is checked before a byte is read; anything else (a device such as
 * {@code /dev/zero}, a pipe) is read up to the limit and one byte more, so a 3 GB file or an endless
 * stream is refused at once with {@code GOV-0010} instead of exhausting memory. Text is decoded as
 * strict UTF-8, and a byte that is not UTF-8 is reported at its line and column.
 */
public final class DocumentFile {
    private DocumentFile() {
    }

    /** A document over the size limit; {@link #size()} is -1 when it is not a regular file (read only up to the limit). */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        private final long size;
        private final int limit;

        TooLarge(long size, int limit) {
            super(size < 0 ? "longer than " + limit + " bytes" : size + " bytes, more than " + limit);
            this.size = size;
            this.limit = limit;
        }

        public long size() {
            return size;
        }

        public int limit() {
            return limit;
        }
    }

    /** Text that is not UTF-8: where the first malformed byte is (1-based line and column, 0-based byte offset). */
    public static final class Malformed extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;
        private final long offset;
        private final int value;

        Malformed(int line, int column, long offset, int value) {
            this.line = line;
            this.column = column;
            this.offset = offset;
            this.value = value;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        public long offset() {
            return offset;
        }

        /** The malformed byte, 0–255. */
        public int value() {
            return value;
        }

        @Override
        public String getMessage() {
            return String.format("byte 0x%02X at line %d, column %d is not UTF-8", value, line, column);
        }
    }

    /**
     * The bytes of a file, or {@link TooLarge} before it is read whole: a regular file by its size,
     * anything else by reading at most {@code maxBytes + 1} bytes.
     */
    public static byte[] read(Path file, int maxBytes) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isRegularFile() && attributes.size() > maxBytes) {
            throw new TooLarge(attributes.size(), maxBytes);
        }
        if (attributes.isDirectory()) {
            throw new IOException("a folder, not a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, maxBytes);
        }
    }

    /**
     * At most {@code maxBytes} of a stream, or {@link TooLarge} once it has given one byte more (a
     * regular file that grew after its size was checked included: its size is not known either).
     */
    public static byte[] read(InputStream in, int maxBytes) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes == Integer.MAX_VALUE ? maxBytes : maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new TooLarge(-1, maxBytes);
        }
        return bytes;
    }

    /**
     * Strict UTF-8 decoding, a leading byte order mark dropped: a malformed byte is an error at
     * its line and column ({@link Malformed}), never a silent replacement.
     */
    public static String utf8(byte[] bytes) throws Malformed {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw malformed(bytes, in.position());
        }
        out.flip();
        String s = out.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Where the malformed byte at {@code offset} is: lines counted by LF, columns in characters of the valid text before it. */
    private static Malformed malformed(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        if (line == 1 && before.startsWith("\uFEFF")) {
            before = before.substring(1);
        }
        return new Malformed(line, before.codePointCount(0, before.length()) + 1, offset, bytes[offset] & 0xFF);
    }

    /**
     * A file's text, or {@code null} with the reason added to {@code problems}: too large
     * ({@code GOV-0010}), not UTF-8 ({@code GOV-0001} at the byte), or unreadable ({@code GOV-0009}).
     */
    public static String text(Path file, String label, int maxBytes, Problems problems) {
        try {
            return utf8(read(file, maxBytes));
        } catch (IOException e) {
            refuse(e, label, problems);
            return null;
        }
    }

    /** Reports why the document named {@code label} could not be read: one located problem. */
    public static void refuse(IOException e, String label, Problems problems) {
        if (e instanceof TooLarge t) {
            if (t.size() < 0) {
                problems.errorWithHint(ProblemCode.LIMIT_EXCEEDED, Location.of(label), Message.of("hint.limits"),
                        "problem.limit.stream", t.limit());
            } else {
                problems.errorWithHint(ProblemCode.LIMIT_EXCEEDED, Location.of(label), Message.of("hint.limits"),
                        "problem.limit.size", t.size(), t.limit());
            }
        } else if (e instanceof Malformed m) {
            problems.errorWithHint(ProblemCode.YAML_SYNTAX, new Location(label, m.line(), m.column(), ""),
                    Message.of("hint.file.encoding"), "problem.file.encoding.byte", String.format("%02X", m.value()));
        } else if (e instanceof CharacterCodingException) {
            problems.errorWithHint(ProblemCode.YAML_SYNTAX, Location.of(label), Message.of("hint.file.encoding"),
                    "problem.file.encoding");
        } else {
            problems.errorWithHint(ProblemCode.UNREADABLE_FILE, Location.of(label), Message.of("hint.file"),
                    "problem.file.unreadable", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
