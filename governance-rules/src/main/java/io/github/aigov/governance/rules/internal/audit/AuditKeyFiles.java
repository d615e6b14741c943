package io.github.aigov.governance.rules.internal.audit;

import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.audit.AuditSigningKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Audit key files in PEM (RFC 7468), which OpenSSL reads too: the signing key file holds a
 * {@code PRIVATE KEY} block (PKCS#8) and then its {@code PUBLIC KEY} block (X.509
 * SubjectPublicKeyInfo), since the JDK cannot derive an Ed25519 public key from the private one; the
 * public key file holds the {@code PUBLIC KEY} block alone. The signing key file is created readable
 * and writable by its owner only, and refused when others may read it (where the file system has
 * POSIX permissions). Neither file is ever overwritten.
 */
public final class AuditKeyFiles {
    /** A key file is a few hundred bytes: anything far larger is not one, and is not read whole. */
    static final long MAX_SIZE = 64 * 1024;
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private AuditKeyFiles() {
    }

    public static AuditSigningKey readSigningKey(Path file) {
        String text = read(file, true);
        PrivateKey privateKey = null;
        PublicKey publicKey = null;
        try {
            KeyFactory keys = KeyFactory.getInstance(AuditSigningKey.ALGORITHM);
            for (Block b : blocks(text)) {
                if (b.label().equals("PRIVATE KEY") && privateKey == null) {
                    privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(b.der()));
                } else if (b.label().equals("PUBLIC KEY") && publicKey == null) {
                    publicKey = keys.generatePublic(new X509EncodedKeySpec(b.der()));
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw refused(file, Message.of("problem.key.not-ed25519", "PRIVATE KEY", e.getMessage()), "hint.key.generate");
        }
        if (privateKey == null) {
            throw refused(file, Message.of("problem.key.no-block", "PRIVATE KEY"), "hint.key.generate");
        }
        if (publicKey == null) {
            throw refused(file, Message.of("problem.key.no-public"), "hint.key.no-public");
        }
        try {
            return new AuditSigningKey(privateKey, publicKey);
        } catch (IllegalArgumentException e) {
            // Both are Ed25519 (the key factory made them): they do not belong together.
            throw refused(file, Message.of("problem.key.mismatch"), "hint.key.generate");
        }
    }

    public static PublicKey readPublicKey(Path file) {
        String text = read(file, false);
        try {
            KeyFactory keys = KeyFactory.getInstance(AuditSigningKey.ALGORITHM);
            for (Block b : blocks(text)) {
                if (b.label().equals("PUBLIC KEY")) {
                    return keys.generatePublic(new X509EncodedKeySpec(b.der()));
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw refused(file, Message.of("problem.key.not-ed25519", "PUBLIC KEY", e.getMessage()), "hint.key.public");
        }
        throw refused(file, Message.of("problem.key.no-block", "PUBLIC KEY"), "hint.key.public");
    }

    /** Writes both files, or neither. */
    public static void write(AuditSigningKey key, Path privateFile, Path publicFile) {
        if (privateFile.toAbsolutePath().normalize().equals(publicFile.toAbsolutePath().normalize())) {
            throw refused(publicFile, Message.of("problem.key.same-file"), "hint.key.same-file");
        }
        for (Path f : List.of(privateFile, publicFile)) {
            if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
                throw refused(f, Message.of("problem.key.exists"), "hint.key.exists");
            }
            Path parent = f.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw refused(f, Message.of("problem.key.no-folder", parent), "hint.key.no-folder");
            }
        }
        String publicPem = pem("PUBLIC KEY", key.publicKey().getEncoded());
        List<Path> written = new ArrayList<>();
        try {
            create(privateFile, pem("PRIVATE KEY", key.privateKey().getEncoded()) + publicPem, true);
            written.add(privateFile);
            create(publicFile, publicPem, false);
            written.add(publicFile);
        } catch (IOException e) {
            for (Path f : written) {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // Reported below with the original failure.
                }
            }
            Path failed = written.contains(privateFile) ? publicFile : privateFile;
            if (e instanceof FileAlreadyExistsException) {
                throw refused(failed, Message.of("problem.key.exists"), "hint.key.exists");
            }
            throw refused(failed, Message.of("problem.key.unwritable", e.getClass().getSimpleName() + ": " + e.getMessage()),
                    "hint.key.no-folder");
        }
    }

    private static void create(Path file, String text, boolean secret) throws IOException {
        boolean posix = Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView(PosixFileAttributeView.class);
        FileAttribute<?>[] attributes = secret && posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
        try (OutputStream out = Files.newOutputStream(Files.createFile(file, attributes), StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC)) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private record Block(String label, byte[] der) {
    }

    private static List<Block> blocks(String text) {
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
        }
        return out;
    }

    private static String read(Path file, boolean secret) {
        try {
            if (!Files.isRegularFile(file)) {
                throw refused(file, Message.of("problem.key.unreadable", Files.exists(file) ? "not a regular file" : "no such file"),
                        "hint.file");
            }
            if (Files.size(file) > MAX_SIZE) {
                throw refused(file, Message.of("problem.key.too-large", Files.size(file), MAX_SIZE), "hint.key.generate");
            }
            if (secret && Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                Set<PosixFilePermission> others = EnumSet.copyOf(perms);
                others.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE));
                if (!others.isEmpty()) {
                    throw refused(file, Message.of("problem.key.unprotected", PosixFilePermissions.toString(perms)),
                            "hint.key.unprotected");
                }
            }
            return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw refused(file, Message.of("problem.key.unreadable", "no such file"), "hint.file");
        } catch (IOException e) {
            throw refused(file, Message.of("problem.key.unreadable", e.getClass().getSimpleName() + ": " + e.getMessage()), "hint.file");
        }
    }

    private static GovernanceException refused(Path file, Message message, String hint) {
        return new GovernanceException(List.of(Problem.error(ProblemCode.AUDIT_KEY_INVALID, Location.of(file.toString()), message,
                Message.of(hint, file))));
    }
}
