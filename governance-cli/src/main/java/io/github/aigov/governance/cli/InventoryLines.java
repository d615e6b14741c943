package io.github.aigov.governance.cli;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a JSON Lines inventory, read in bounded chunks: a line is kept only up to the size
 * limit, and a longer one is counted and skipped without being held in memory, however long it is
 * (a file of zeros without a line break included). Lines end at a line feed; a carriage return
 * before it is dropped. The bytes are not decoded here: a line that is not UTF-8 is one bad line,
 * found by {@link #utf8(byte[])}.
 */
final class InventoryLines implements Closeable {
    private static final int CHUNK = 1 << 16;

    /** One line: its 1-based number, its bytes ({@code null} when over the limit) and its length in bytes. */
    record Line(int number, byte[] bytes, long length) {
        boolean tooLong() {
            return bytes == null;
        }

        /** Empty, or only spaces and tabs: not a profile, skipped. */
        boolean blank() {
            if (bytes == null) {
                return false;
            }
            for (byte b : bytes) {
                if (b != ' ' && b != '\t') {
                    return false;
                }
            }
            return true;
        }
    }

    /** A line that is not UTF-8: the column (in characters) of its first malformed byte, and the byte. */
    static final class NotUtf8 extends Exception {
        private static final long serialVersionUID = 1L;
        final int column;
        final int value;

        NotUtf8(int column, int value) {
            super(null, null, false, false);
            this.column = column;
            this.value = value;
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] chunk = new byte[CHUNK];
    private int position;
    private int end;
    private int number;

    InventoryLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or {@code null} at the end of the input. */
    Line next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        long length = 0;
        boolean any = false;
        while (true) {
            if (position == end) {
                int n = in.read(chunk);
                if (n < 0) {
                    if (!any) {
                        return null;
                    }
                    break;
                }
                position = 0;
                end = n;
            }
            any = true;
            int newline = position;
            while (newline < end && chunk[newline] != '\n') {
                newline++;
            }
            int n = newline - position;
            if (line != null && length + n <= maxBytes + 1L) { // one byte over: room for a carriage return
                line.write(chunk, position, n);
            } else {
                line = null; // over the limit: counted, no longer kept
            }
            length += n;
            position = newline < end ? newline + 1 : end;
            if (newline < end) {
                break;
            }
        }
        number++;
        byte[] bytes = line == null ? null : line.toByteArray();
        if (bytes != null && bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1);
            length--;
        }
        if (bytes != null && bytes.length > maxBytes) {
            bytes = null;
        }
        if (number == 1 && bytes != null && bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF) {
            bytes = java.util.Arrays.copyOfRange(bytes, 3, bytes.length); // a byte order mark before the first line
        }
        return new Line(number, bytes, length);
    }

    /** Strict UTF-8 decoding: the text, or {@link NotUtf8} at the first byte that is not. */
    static String utf8(byte[] bytes) throws NotUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            throw new NotUtf8((int) out.codePoints().count() + 1, bytes[in.position()] & 0xFF);
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
