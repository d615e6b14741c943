package io.github.aigov.governance.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Where the service keeps its data: PostgreSQL when a JDBC URL is given, else the embedded H2
 * database in the data folder. The embedded one is opened so that
 * <ul>
 *   <li>a commit is written before it returns ({@code WRITE_DELAY=0}; H2's default of 500 ms
 *       loses the last commits to a {@code kill -9}),</li>
 *   <li>{@code ./governance users} can reach it while the server runs ({@code AUTO_SERVER}: the
 *       first process serves the others, on the loopback interface only),</li>
 *   <li>writers wait for an organisation's lock up to 10 s rather than H2's default 1 s,</li>
 *   <li>a query is always run, never answered from the result of its last run with the same
 *       parameters ({@code OPTIMIZE_REUSE_RESULTS=0}): under concurrent writers H2 reused a result
 *       made stale by another session's commit, so a revision read its system's number before the
 *       last revision and was refused as a duplicate (found by {@code KillNineTest}),</li>
 *   <li>the file is compacted for up to 2 s when it closes ({@code MAX_COMPACT_TIME}), and while it
 *       runs ({@link EmbeddedHousekeeping}): every commit written at once leaves old pages behind;</li>
 *   <li>the space of old pages is taken again after 1 s rather than H2's 45 s ({@code RETENTION_TIME}):
 *       H2 keeps them that long in case the disk loses writes it was given, i.e. a power failure;
 *       a process that dies ({@code kill -9}) loses nothing either way, and a database that must
 *       outlive a power failure is PostgreSQL's business (the embedded one is for one office's
 *       machine),</li>
 * </ul>
 * with a random password kept in {@code DATA/database.secret} (readable by its owner only).
 *
 * @param url      the JDBC URL
 * @param user     the database user ({@code null}: the URL's or the driver's default)
 * @param password the password ({@code null}: none)
 */
public record Database(String url, String user, String password) {
    static final String SECRET = "database.secret";

    /** The database for these options. PostgreSQL's password comes from {@code GOVERNANCE_DB_PASSWORD}. */
    public static Database of(Path data, String dbUrl, String dbUser) {
        if (dbUrl != null) {
            return new Database(dbUrl, dbUser, System.getenv("GOVERNANCE_DB_PASSWORD"));
        }
        // Bind H2's automatic server to loopback; must be set before H2's classes are loaded.
        System.setProperty("h2.bindAddress", "127.0.0.1");
        Path dir = data.toAbsolutePath().normalize();
        return new Database("jdbc:h2:file:" + dir.resolve("governance") + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;MAX_COMPACT_TIME=2000;RETENTION_TIME=1000;OPTIMIZE_REUSE_RESULTS=0;AUTO_SERVER=TRUE",
                "governance", secret(dir));
    }

    /** Whether this is the embedded database. */
    public boolean embedded() {
        return url.startsWith("jdbc:h2:");
    }

    private static String secret(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(SECRET);
            if (!Files.exists(file)) {
                byte[] bytes = new byte[24];
                new SecureRandom().nextBytes(bytes);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException e) {
                    return Files.readString(file, StandardCharsets.US_ASCII).strip();
                }
                Files.writeString(file, HexFormat.of().formatHex(bytes) + "\n", StandardCharsets.US_ASCII);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
