package io.github.aigov.governance.rules.internal.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A piece of JSON already written, held as its UTF-8 bytes only, for
 * {@link com.fasterxml.jackson.core.JsonGenerator#writeRawValue(SerializableString)} and
 * {@link com.fasterxml.jackson.core.JsonGenerator#writeRaw(SerializableString)}: a UTF-8 generator copies
 * the bytes into its buffer ({@link #appendUnquotedUTF8}) and encodes nothing.
 *
 * <p>Jackson's own {@code SerializedString} would do, but it keeps the text as a {@code String} too and
 * computes its bytes lazily into a plain field; this keeps only the bytes, in a final field, so a
 * fragment published through a concurrent map is safe to share between threads as it is.
 *
 * <p>The "unquoted" forms are the raw bytes; the "quoted" forms (for use as a JSON string, which this
 * is never used as) escape its text as any other string would be.
 */
final class Utf8Fragment implements SerializableString {
    private final byte[] utf8;

    /** Takes ownership of {@code utf8}: nobody may change it afterwards. */
    Utf8Fragment(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** How many bytes this fragment writes. */
    int length() {
        return utf8.length;
    }

    @Override
    public String getValue() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
        return getValue().length();
    }

    @Override
    public char[] asQuotedChars() {
        return JsonStringEncoder.getInstance().quoteAsString(getValue());
    }

    /** The bytes themselves, not a copy (as {@code SerializedString} does): callers only read them. */
    @Override
    public byte[] asUnquotedUTF8() {
        return utf8;
    }

    @Override
    public byte[] asQuotedUTF8() {
        return JsonStringEncoder.getInstance().quoteAsUTF8(getValue());
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        return append(asQuotedUTF8(), buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        return append(asQuotedChars(), buffer, offset);
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        return append(utf8, buffer, offset);
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        return append(getValue().toCharArray(), buffer, offset);
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        byte[] b = asQuotedUTF8();
        out.write(b);
        return b.length;
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(utf8);
        return utf8.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
        return put(asQuotedUTF8(), buffer);
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        return put(utf8, buffer);
    }

    @Override
    public String toString() {
        return getValue();
    }

    /** Copies {@code from} into {@code buffer} at {@code offset}; -1 (and nothing copied) if it does not fit. */
    private static int append(byte[] from, byte[] buffer, int offset) {
        if (offset + from.length > buffer.length) {
            return -1;
        }
        System.arraycopy(from, 0, buffer, offset, from.length);
        return from.length;
    }

    private static int append(char[] from, char[] buffer, int offset) {
        if (offset + from.length > buffer.length) {
            return -1;
        }
        System.arraycopy(from, 0, buffer, offset, from.length);
        return from.length;
    }

    private static int put(byte[] from, ByteBuffer buffer) {
        if (from.length > buffer.remaining()) {
            return -1;
        }
        buffer.put(from);
        return from.length;
    }
}
