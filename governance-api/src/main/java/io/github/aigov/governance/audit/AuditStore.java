package io.github.aigov.governance.audit;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where an audit log keeps its lines: the SPI for an application's own store (a database table,
 * object storage, ...). The library does the chaining and the checking; a store only keeps lines.
 */
public interface AuditStore {

    /**
     * Appends one line durably: when this returns, the line survives a crash. Called while the log
     * holds a lock on this store object, between reading the last line and appending the next, so
     * appends through any number of logs over one store object never overlap. Processes that share
     * the underlying storage must be kept from appending at the same time by the store's owner
     * (one writer, or a lock in the storage): two lines with the same sequence number break the chain.
     */
    void append(String line) throws IOException;

    /** Every line, in order, as stored; a torn last line is returned as it is. */
    List<String> lines() throws IOException;

    /**
     * Every line, in order, read as the stream is consumed: what verification reads, so a store too
     * large to hold in memory should override this (the default reads {@link #lines()}). The caller
     * closes the stream.
     */
    default Stream<String> streamLines() throws IOException {
        return lines().stream();
    }

    /** The last line, or {@code null} when empty; stores with many lines should override this. */
    default String lastLine() throws IOException {
        List<String> all = lines();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /**
     * The line at this 1-based position, or {@code null} when there is none: what an office record's
     * append reads to bind it to its decision. Stores with many lines should override this.
     */
    default String line(long position) throws IOException {
        try (Stream<String> all = streamLines()) {
            return position < 1 ? null : all.skip(position - 1).findFirst().orElse(null);
        }
    }

    /** Whether the last line is complete (ends with a line break); a crash mid-write leaves it incomplete. */
    default boolean endsCleanly() throws IOException {
        return true;
    }

    /** A name for the store, used in problem locations. */
    String name();
}
