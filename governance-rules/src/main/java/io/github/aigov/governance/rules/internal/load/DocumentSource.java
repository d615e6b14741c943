package io.github.aigov.governance.rules.internal.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;

/** Where a definition set's files are read from: the shipped jar, or a directory. */
public interface DocumentSource {

    /** The bytes of a file named relative to the set's root; throws {@link IOException} if absent. */
    byte[] read(String name) throws IOException;

    /**
     * The bytes of a file, or {@link DocumentFile.TooLarge} if it has more than {@code maxBytes}:
     * the sources on disk and on the class path check before reading a file whole.
     */
    default byte[] read(String name, int maxBytes) throws IOException {
        byte[] bytes = read(name);
        if (bytes.length > maxBytes) {
            throw new DocumentFile.TooLarge(bytes.length, maxBytes);
        }
        return bytes;
    }

    /** How the file is named in locations. */
    String label(String name);

    /** A source over the class path, under {@code prefix} (e.g. {@code ds920/v1.0/}). */
    static DocumentSource classpath(String prefix) {
        return new DocumentSource() {
            @Override
            public byte[] read(String name) throws IOException {
                return read(name, Integer.MAX_VALUE);
            }

            @Override
            public byte[] read(String name, int maxBytes) throws IOException {
                String resource = prefix + name;
                if (name.contains("..") || name.startsWith("/")) {
                    throw new IOException("not inside the definition set: " + name);
                }
                try (InputStream in = DocumentSource.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new java.nio.file.NoSuchFileException("classpath:" + resource);
                    }
                    return DocumentFile.read(in, maxBytes);
                }
            }

            @Override
            public String label(String name) {
                return "classpath:" + prefix + name;
            }
        };
    }

    /**
     * A source over a directory on disk. Files are named in locations as the caller named the
     * directory (relative stays relative), so records and messages do not depend on where they ran.
     */
    static DocumentSource directory(Path dir) {
        Path base = dir == null ? Path.of("") : dir;
        return new DocumentSource() {
            @Override
            public byte[] read(String name) throws IOException {
                return read(name, Integer.MAX_VALUE);
            }

            @Override
            public byte[] read(String name, int maxBytes) throws IOException {
                Path p;
                try {
                    p = base.resolve(name).normalize();
                } catch (java.nio.file.InvalidPathException e) {
                    throw new IOException("not a file name: " + e.getReason());
                }
                if (!p.toAbsolutePath().normalize().startsWith(base.toAbsolutePath().normalize())) {
                    throw new IOException("not inside the definition set's directory: " + name);
                }
                return DocumentFile.read(p, maxBytes);
            }

            @Override
            public String label(String name) {
                return base.resolve(name).normalize().toString();
            }
        };
    }

    /**
     * Strict UTF-8 decoding: a malformed byte is an error ({@link DocumentFile.Malformed}, with its
     * line and column), never a silent replacement.
     */
    static String utf8(byte[] bytes) throws CharacterCodingException {
        return DocumentFile.utf8(bytes);
    }
}
