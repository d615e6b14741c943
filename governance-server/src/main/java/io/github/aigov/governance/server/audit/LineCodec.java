package io.github.aigov.governance.server.audit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * How an audit line is kept: its first byte names the encoding.
 * <ul>
 *   <li>{@code 1}: the UTF-8 line deflated (RFC 1951). A decision record is about 50 KB of JSON that
 *       repeats its keys and sources; deflated it is about 6.5 KB.</li>
 *   <li>{@code 2}: then the 8 bytes of a reference's id, then, deflated, the line as runs of its own
 *       bytes and copies from the reference (a sample of decision records, see
 *       {@link AuditDictionaries}): what every record repeats (the guideline's texts, sources and
 *       keys) is kept once, in the reference, however far apart it lies (deflate alone looks back
 *       32 KB only). A line then takes about 1 KB.</li>
 * </ul>
 * The line comes back byte for byte, so its hash and signature still hold.
 */
final class LineCodec {
    static final byte DEFLATE = 1;
    static final byte WITH_REFERENCE = 2;
    /** The shortest copy looked for, and the step between the reference's indexed positions. */
    private static final int WINDOW = 32;
    private static final int STEP = 4;
    private static final long BASE = 1_000_003L;
    private static final long BASE_POWER;

    static {
        long p = 1;
        for (int i = 0; i < WINDOW - 1; i++) {
            p *= BASE;
        }
        BASE_POWER = p;
    }

    /** A reference lines copy from, its id (16 hex digits) and an index of its positions by hash. */
    static final class Dictionary {
        private final String id;
        private final byte[] bytes;
        private final Map<Long, Integer> positions = new HashMap<>();

        Dictionary(String id, byte[] bytes) {
            this.id = id;
            this.bytes = bytes;
            for (int p = 0; p + WINDOW <= bytes.length; p += STEP) {
                positions.putIfAbsent(hash(bytes, p), p);
            }
        }

        String id() {
            return id;
        }

        byte[] bytes() {
            return bytes;
        }
    }

    private LineCodec() {
    }

    static byte[] encode(String line) {
        return encode(line, null);
    }

    static byte[] encode(String line, Dictionary reference) {
        byte[] raw = line.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 8 + 64);
        if (reference == null) {
            out.write(DEFLATE);
            deflate(raw, out);
        } else {
            out.write(WITH_REFERENCE);
            out.writeBytes(HexFormat.of().parseHex(reference.id()));
            deflate(copies(raw, reference), out);
        }
        return out.toByteArray();
    }

    /** The line as (literal length, literal bytes, copy position, copy length) runs; the last copy is empty. */
    private static byte[] copies(byte[] l, Dictionary reference) {
        byte[] r = reference.bytes;
        ByteArrayOutputStream ops = new ByteArrayOutputStream(l.length / 4 + 64);
        int n = l.length;
        int literal = 0;
        int i = 0;
        long h = n >= WINDOW ? hash(l, 0) : 0;
        while (i + WINDOW <= n) {
            Integer found = reference.positions.get(h);
            if (found != null && Arrays.equals(l, i, i + WINDOW, r, found, found + WINDOW)) {
                int p = found;
                int start = i;
                while (start > literal && p > 0 && l[start - 1] == r[p - 1]) {
                    start--;
                    p--;
                }
                int end = i + WINDOW;
                int q = found + WINDOW;
                while (end < n && q < r.length && l[end] == r[q]) {
                    end++;
                    q++;
                }
                varint(ops, start - literal);
                ops.write(l, literal, start - literal);
                varint(ops, p);
                varint(ops, end - start);
                i = end;
                literal = end;
                if (i + WINDOW <= n) {
                    h = hash(l, i);
                }
                continue;
            }
            if (i + WINDOW < n) {
                h = (h - (l[i] & 0xff) * BASE_POWER) * BASE + (l[i + WINDOW] & 0xff);
            }
            i++;
        }
        varint(ops, n - literal);
        ops.write(l, literal, n - literal);
        varint(ops, 0);
        varint(ops, 0);
        return ops.toByteArray();
    }

    private static long hash(byte[] b, int from) {
        long h = 0;
        for (int k = 0; k < WINDOW; k++) {
            h = h * BASE + (b[from + k] & 0xff);
        }
        return h;
    }

    static String decode(byte[] stored) {
        return decode(stored, id -> {
            throw new IllegalStateException("an audit line copied from reference " + id + ", not given");
        });
    }

    /** The line; {@code references} gives a reference's bytes by its id. */
    static String decode(byte[] stored, Function<String, byte[]> references) {
        if (stored.length == 0 || (stored[0] != DEFLATE && stored[0] != WITH_REFERENCE)) {
            throw new IllegalStateException("an audit line in an unknown encoding");
        }
        if (stored[0] == DEFLATE) {
            return new String(inflate(stored, 1), StandardCharsets.UTF_8);
        }
        if (stored.length < 9) {
            throw new IllegalStateException("a truncated audit line");
        }
        byte[] r = references.apply(HexFormat.of().formatHex(stored, 1, 9));
        ByteArrayInputStream ops = new ByteArrayInputStream(inflate(stored, 9));
        ByteArrayOutputStream line = new ByteArrayOutputStream(64 * 1024);
        try {
            while (true) {
                int literal = varint(ops);
                if (literal < 0 || literal > ops.available()) {
                    throw new IllegalStateException("a truncated audit line");
                }
                byte[] bytes = new byte[literal];
                ops.read(bytes, 0, literal);
                line.write(bytes, 0, literal);
                int position = varint(ops);
                int length = varint(ops);
                if (length == 0) {
                    break;
                }
                if (position < 0 || length < 0 || position + length > r.length) {
                    throw new IllegalStateException("an audit line that does not fit its reference");
                }
                line.write(r, position, length);
            }
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalStateException("a corrupt audit line", e);
        }
        if (ops.available() != 0) {
            throw new IllegalStateException("a corrupt audit line");
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static void deflate(byte[] raw, ByteArrayOutputStream out) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] buf = new byte[8192];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] stored, int from) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(stored, from, stored.length - from);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 8);
            byte[] buf = new byte[16384];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a truncated audit line");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("a corrupt audit line", e);
        } finally {
            inflater.end();
        }
    }

    private static void varint(ByteArrayOutputStream out, int v) {
        while ((v & ~0x7f) != 0) {
            out.write((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static int varint(ByteArrayInputStream in) {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.read();
            if (b < 0) {
                throw new IllegalStateException("a truncated audit line");
            }
            v |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalStateException("a corrupt audit line");
    }
}
