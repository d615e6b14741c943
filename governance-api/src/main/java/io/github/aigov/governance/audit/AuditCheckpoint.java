package io.github.aigov.governance.audit;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an office keeps elsewhere to detect records dropped from the end of a log: the number of
 * records a verified log had, and the hash of its last record (its head). A later
 * {@linkplain AuditLog#verify(java.util.Collection, AuditCheckpoint) verification} given this
 * checkpoint fails unless the log still holds that record with that hash. Written
 * {@code N:sha256:<64 hex digits>}; an empty log's checkpoint is {@code 0:sha256:000…}.
 *
 * @param records  how many records the log had
 * @param headHash the hash of record {@code records}
 */
public record AuditCheckpoint(long records, String headHash) {
    private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern TEXT = Pattern.compile("(0|[1-9][0-9]{0,17}):(sha256:[0-9a-f]{64})");

    public AuditCheckpoint {
        Objects.requireNonNull(headHash, "headHash");
        if (records < 0) {
            throw new IllegalArgumentException("a checkpoint's record count is 0 or more: " + records);
        }
        if (!HASH.matcher(headHash).matches()) {
            throw new IllegalArgumentException("a checkpoint's head hash is sha256: and 64 lower-case hex digits: " + headHash);
        }
    }

    /**
     * Reads {@code N:sha256:<64 hex digits>}, as {@link #toString()} writes it.
     *
     * @throws IllegalArgumentException if the text is not a checkpoint
     */
    public static AuditCheckpoint parse(String text) {
        Matcher m = TEXT.matcher(Objects.requireNonNull(text, "text").strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a checkpoint (N:sha256:<64 hex digits>): " + text);
        }
        return new AuditCheckpoint(Long.parseLong(m.group(1)), m.group(2));
    }

    /** {@code N:sha256:<64 hex digits>}. */
    @Override
    public String toString() {
        return records + ":" + headHash;
    }
}
