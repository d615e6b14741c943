package io.github.aigov.governance.server.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * How an audit line is kept: its first byte names the encoding, {@code 1} being the UTF-8 line
 * deflated (RFC 1951). A decision record is about 30 KB of JSON that repeats its keys and sources;
 * deflated it is about 3.5 KB. The line comes back byte for byte, so its hash still holds.
 */
final class LineCodec {
    static final byte DEFLATE = 1;

    private LineCodec() {
    }

    static byte[] encode(String line) {
        byte[] raw = line.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 6 + 64);
            out.write(DEFLATE);
            byte[] buf = new byte[8192];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static String decode(byte[] stored) {
        if (stored.length == 0 || stored[0] != DEFLATE) {
            throw new IllegalStateException("an audit line in an unknown encoding");
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(stored, 1, stored.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 8);
            byte[] buf = new byte[16384];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a truncated audit line");
                }
                out.write(buf, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a corrupt audit line", e);
        } finally {
            inflater.end();
        }
    }
}
