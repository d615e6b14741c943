package io.github.aigov.governance.rules.internal.audit;

import io.github.aigov.governance.rules.internal.json.DecisionRecords;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.Severity;
import io.github.aigov.governance.audit.AuditCheckpoint;
import io.github.aigov.governance.audit.AuditEntry;
import io.github.aigov.governance.audit.AuditLog;
import io.github.aigov.governance.audit.AuditSigningKey;
import io.github.aigov.governance.audit.AuditStore;
import io.github.aigov.governance.audit.AuditVerification;
import io.github.aigov.governance.audit.OfficeRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A hash-chained, optionally signed log over any {@link AuditStore}: the lines are
 * {@link AuditLine}s, the store only keeps them. Appends read the tail and write under one lock
 * (the file's, across processes, for {@link JsonLinesAuditStore}; the store object's otherwise). A log is
 * signed throughout or not at all: a signed record is not appended after unsigned ones, nor an
 * unsigned one after signed ones.
 */
public final class ChainedAuditLog implements AuditLog {
    public static final String GENESIS = AuditLine.GENESIS;

    private final AuditStore store;
    private final AuditSigningKey signingKey;

    /** A log that signs each record with {@code signingKey}, or an unsigned one when it is {@code null}. */
    public ChainedAuditLog(AuditStore store, AuditSigningKey signingKey) {
        this.store = store;
        this.signingKey = signingKey;
    }

    @Override
    public AuditEntry append(Decision decision, Set<String> sensitive) {
        String record = DecisionRecords.toRecord(decision, sensitive);
        try {
            if (store instanceof JsonLinesAuditStore j) {
                return j.locked(() -> appendLocked(decision, record));
            }
            // One lock per store object: every log opened over the same store appends in turn.
            synchronized (store) {
                return appendLocked(decision, record);
            }
        } catch (IOException e) {
            throw io(e);
        }
    }

    @Override
    public AuditEntry append(OfficeRecord record, Set<String> sensitive) {
        java.util.Objects.requireNonNull(record, "record");
        Set<String> redact = sensitive == null ? Set.of() : sensitive;
        try {
            if (store instanceof JsonLinesAuditStore j) {
                return j.locked(() -> appendLocked(record, redact));
            }
            synchronized (store) {
                return appendLocked(record, redact);
            }
        } catch (IOException e) {
            throw io(e);
        }
    }

    private AuditEntry appendLocked(OfficeRecord record, Set<String> sensitive) throws IOException {
        long[] tail = new long[1];
        String prev = tail(tail);
        OfficeRecord bound = record;
        if (record.about() != null) {
            OfficeRecord.DecisionRef about = record.about();
            String text = about.auditSeq() <= tail[0] ? store.line(about.auditSeq()) : null;
            AuditLine decision = null;
            if (text != null) {
                try {
                    decision = AuditLine.read(text);
                } catch (AuditLine.Malformed ignored) {
                    decision = null;
                }
            }
            if (decision == null || decision.seq != about.auditSeq() || !about.decisionId().equals(decision.decisionId)
                    || (about.decisionHash() != null && !about.decisionHash().equals(decision.hash))) {
                throw new GovernanceException(List.of(problem(ProblemCode.AUDIT_RECORD_UNBOUND, 0,
                        Message.of("problem.audit.unbound-append", record.kind().id(), about.decisionId(), about.auditSeq()),
                        "hint.audit.unbound")));
            }
            bound = record.withDecisionHash(decision.hash);
        }
        String json = OfficeRecords.toJson(bound, sensitive);
        long seq = tail[0];
        AuditLine.Written w = AuditLine.writeOffice(seq + 1, prev, record.kind().id(), record.recordId(), json, signingKey);
        store.append(w.line());
        return new AuditEntry(seq + 1, seq + 1, prev, w.hash(), null, json, signingKey == null ? null : signingKey.keyId(),
                record.kind().id(), record.recordId());
    }

    /** Checks the log's tail for an append: returns the last hash, and its sequence number in {@code seqOut[0]}. */
    private String tail(long[] seqOut) throws IOException {
        if (!store.endsCleanly()) {
            throw new GovernanceException(List.of(problem(ProblemCode.AUDIT_LOG_BROKEN, 0, Message.of("problem.audit.torn-tail"),
                    "hint.audit.broken")));
        }
        String tail = store.lastLine();
        long seq = 0;
        String prev = GENESIS;
        if (tail != null) {
            AuditLine last;
            try {
                last = AuditLine.read(tail);
            } catch (AuditLine.Malformed m) {
                throw new GovernanceException(List.of(problem(ProblemCode.AUDIT_LINE_INVALID, 0, m.message(), "hint.audit.tail")));
            }
            if (signingKey == null && last.signed()) {
                throw new GovernanceException(List.of(problem(ProblemCode.AUDIT_SIGNING_MISMATCH, 0,
                        Message.of("problem.audit.signing-required", last.signer), "hint.audit.signing-required")));
            }
            if (signingKey != null && !last.signed()) {
                throw new GovernanceException(List.of(problem(ProblemCode.AUDIT_SIGNING_MISMATCH, 0,
                        Message.of("problem.audit.unsigned-log"), "hint.audit.unsigned-log")));
            }
            seq = last.seq;
            prev = last.hash;
        }
        seqOut[0] = seq;
        return prev;
    }

    private AuditEntry appendLocked(Decision decision, String record) throws IOException {
        long[] tail = new long[1];
        String prev = tail(tail);
        long seq = tail[0];
        AuditLine.Written w = AuditLine.write(seq + 1, prev, decision.decisionId(), record, signingKey);
        store.append(w.line());
        return new AuditEntry(seq + 1, seq + 1, prev, w.hash(), decision.decisionId(), record,
                signingKey == null ? null : signingKey.keyId());
    }

    @Override
    public List<AuditEntry> entries() {
        try (Stream<AuditEntry> entries = readEntries()) {
            return entries.toList();
        } catch (UncheckedIOException e) {
            throw io(e.getCause());
        }
    }

    @Override
    public Optional<AuditEntry> find(String decisionId) {
        try (Stream<AuditEntry> entries = readEntries()) {
            return entries.filter(e -> e.isDecision() && e.decisionId().equals(decisionId)).findFirst();
        } catch (UncheckedIOException e) {
            throw io(e.getCause());
        }
    }

    @Override
    public List<AuditEntry> about(String decisionId) {
        try (Stream<AuditEntry> entries = readEntries()) {
            return entries.filter(e -> !e.isDecision()).filter(e -> {
                try {
                    OfficeRecord r = OfficeRecords.fromJson(e.record());
                    return r.about() != null && r.about().decisionId().equals(decisionId);
                } catch (GovernanceException unreadable) {
                    return false;
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw io(e.getCause());
        }
    }

    @Override
    public Optional<AuditEntry> entry(long sequence) {
        try (Stream<AuditEntry> entries = readEntries()) {
            return entries.filter(e -> e.sequence() == sequence).findFirst();
        } catch (UncheckedIOException e) {
            throw io(e.getCause());
        }
    }

    /** The entries of the lines that read, lazily; a line that does not read is left out (verify() reports it). */
    private Stream<AuditEntry> readEntries() {
        long[] line = {0};
        return stream().map(text -> {
            line[0]++;
            try {
                AuditLine l = AuditLine.read(text);
                return new AuditEntry(l.seq, line[0], l.prev, l.hash, l.decisionId, l.record, l.signer, l.kind, l.recordId);
            } catch (AuditLine.Malformed skipped) {
                return null;
            }
        }).filter(java.util.Objects::nonNull);
    }

    @Override
    public AuditVerification verify(Collection<PublicKey> trustedKeys, AuditCheckpoint checkpoint) {
        Map<String, PublicKey> trusted = new LinkedHashMap<>();
        for (PublicKey k : trustedKeys) {
            trusted.put(AuditSigningKey.keyId(k), k);
        }
        boolean clean;
        try {
            clean = store.endsCleanly();
        } catch (IOException e) {
            throw io(e);
        }
        try (Stream<String> lines = stream()) {
            return verify(lines.iterator(), clean, trusted, checkpoint);
        } catch (UncheckedIOException e) {
            throw io(e.getCause());
        }
    }

    private AuditVerification verify(Iterator<String> lines, boolean clean, Map<String, PublicKey> trusted, AuditCheckpoint checkpoint) {
        String checkpointed = checkpoint != null && checkpoint.records() == 0 ? GENESIS : null;
        Map<String, Long> signers = new LinkedHashMap<>();
        Map<String, Long> kinds = new LinkedHashMap<>();
        // The decisions read so far, by sequence number: "decisionId hash", to bind office records to them.
        Map<Long, String> decisions = new java.util.HashMap<>();
        long unsigned = 0;
        long legacy = 0;
        boolean format2 = false;
        boolean signedBefore = false;
        Instant first = null;
        Instant last = null;
        String prev = GENESIS;
        int i = -1;
        while (lines.hasNext()) {
            String text = lines.next();
            i++;
            long line = i + 1;
            long expected = line;
            if (!lines.hasNext() && !clean) {
                return failed(i, problem(ProblemCode.AUDIT_LOG_BROKEN, line, Message.of("problem.audit.torn"), "hint.audit.broken"));
            }
            AuditLine l;
            try {
                l = AuditLine.read(text);
            } catch (AuditLine.Malformed m) {
                return failed(i, problem(ProblemCode.AUDIT_LINE_INVALID, line, m.message(), "hint.audit.broken"));
            }
            if (l.format == AuditLine.LEGACY_FORMAT && format2) {
                return failed(i, problem(ProblemCode.AUDIT_LINE_INVALID, line, Message.of("problem.audit.downgrade", l.seq),
                        "hint.audit.broken"));
            }
            if (l.seq > expected) {
                boolean later;
                try (Stream<String> rest = stream()) {
                    later = rest.skip(line).anyMatch(x -> AuditLine.statedSequence(x) == expected);
                }
                return failed(i, later ? chain(line, "problem.audit.reordered", l.seq, expected)
                        : chain(line, "problem.audit.removed", expected, l.seq));
            }
            if (l.seq < expected) {
                return failed(i, chain(line, "problem.audit.inserted", l.seq, expected));
            }
            if (!l.prev.equals(prev)) {
                return failed(i, chain(line, "problem.audit.chain", l.seq));
            }
            if (!l.computedHash().equals(l.hash)) {
                return failed(i, chain(line, "problem.audit.altered", l.seq));
            }
            if (!l.canonical()) {
                return failed(i, chain(line, "problem.audit.not-canonical", l.seq));
            }
            Decision decision = null;
            if (l.format == AuditLine.OFFICE_FORMAT) {
                OfficeRecord office;
                try {
                    office = OfficeRecords.read(l.recordNode);
                } catch (OfficeRecords.InvalidRecord e) {
                    return failed(i, problem(ProblemCode.AUDIT_LINE_INVALID, line, e.message(), "hint.audit.broken"));
                }
                if (!office.recordId().equals(l.recordId) || !office.kind().id().equals(l.kind)) {
                    return failed(i, problem(ProblemCode.AUDIT_LINE_INVALID, line,
                            Message.of("problem.audit.office-id", l.kind, l.recordId, office.kind().id(), office.recordId()),
                            "hint.audit.broken"));
                }
                OfficeRecord.DecisionRef about = office.about();
                if (about != null) {
                    String held = decisions.get(about.auditSeq());
                    if (about.decisionHash() == null || !(about.decisionId() + " " + about.decisionHash()).equals(held)) {
                        return failed(i, problem(ProblemCode.AUDIT_RECORD_UNBOUND, line,
                                Message.of("problem.audit.unbound", l.seq, l.kind, about.decisionId(), about.auditSeq()),
                                "hint.audit.broken"));
                    }
                }
            } else {
                try {
                    decision = DecisionRecords.read(l.recordNode);
                } catch (DecisionRecords.InvalidRecord e) {
                    return failed(i, problem(ProblemCode.AUDIT_LINE_INVALID, line, e.message(), "hint.audit.broken"));
                }
                if (!decision.decisionId().equals(l.decisionId)) {
                    return failed(i, problem(ProblemCode.AUDIT_LINE_INVALID, line,
                            Message.of("problem.audit.record-id", l.decisionId, decision.decisionId()), "hint.audit.broken"));
                }
                decisions.put(l.seq, l.decisionId + " " + l.hash);
            }
            kinds.merge(l.kind, 1L, Long::sum);
            if (l.signed()) {
                if (!trusted.isEmpty()) {
                    PublicKey key = trusted.get(l.signer);
                    if (key == null) {
                        return failed(i, problem(ProblemCode.AUDIT_NOT_SIGNED, line,
                                Message.of("problem.audit.other-key", l.seq, l.signer, String.join(", ", trusted.keySet())),
                                "hint.audit.other-key"));
                    }
                    if (!l.signatureVerifies(key)) {
                        return failed(i, problem(ProblemCode.AUDIT_SIGNATURE_INVALID, line,
                                Message.of("problem.audit.signature", l.seq, l.signer), "hint.audit.signature"));
                    }
                }
                signers.merge(l.signer, 1L, Long::sum);
                signedBefore = true;
            } else {
                if (signedBefore) {
                    return failed(i, problem(ProblemCode.AUDIT_NOT_SIGNED, line,
                            Message.of("problem.audit.unsigned-after-signed", l.seq), "hint.audit.unsigned"));
                }
                if (!trusted.isEmpty()) {
                    return failed(i, problem(ProblemCode.AUDIT_NOT_SIGNED, line, Message.of("problem.audit.unsigned", l.seq),
                            "hint.audit.unsigned"));
                }
                unsigned++;
            }
            if (l.format == AuditLine.LEGACY_FORMAT) {
                legacy++;
            } else {
                format2 = true;
            }
            if (decision != null) {
                first = first == null ? decision.decidedAt() : first;
                last = decision.decidedAt();
            }
            if (checkpoint != null && line == checkpoint.records()) {
                checkpointed = l.hash;
            }
            prev = l.hash;
        }
        long records = i + 1;
        if (checkpoint != null) {
            if (checkpoint.records() > records) {
                return failed((int) records, problem(ProblemCode.AUDIT_CHECKPOINT_MISMATCH, records + 1,
                        Message.of("problem.audit.dropped", checkpoint.records(), checkpoint.headHash(), records, records + 1),
                        "hint.audit.checkpoint"));
            }
            if (!checkpoint.headHash().equals(checkpointed)) {
                return failed((int) records, problem(ProblemCode.AUDIT_CHECKPOINT_MISMATCH, checkpoint.records(),
                        Message.of("problem.audit.checkpoint-differs", checkpoint.records(), checkpointed, checkpoint.headHash()),
                        "hint.audit.checkpoint"));
            }
        }
        List<Problem> warnings = new ArrayList<>();
        if (legacy > 0) {
            warnings.add(warning(ProblemCode.AUDIT_LEGACY_FORMAT, 1, Message.of("problem.audit.legacy", 1, legacy), "hint.audit.legacy"));
        }
        if (trusted.isEmpty() && unsigned > 0) {
            warnings.add(warning(ProblemCode.AUDIT_NOT_SIGNED, 1, Message.of("problem.audit.unsigned-records", 1, unsigned),
                    "hint.audit.sign"));
        }
        if (trusted.isEmpty() && !signers.isEmpty()) {
            warnings.add(warning(ProblemCode.AUDIT_NOT_SIGNED, unsigned + 1, Message.of("problem.audit.unchecked", unsigned + 1, records,
                    String.join(", ", signers.keySet())), "hint.audit.public-key"));
        }
        return new AuditVerification(true, records, List.of(), warnings, prev, first, last, signers, unsigned, legacy,
                !trusted.isEmpty(), checkpoint != null, kinds);
    }

    private Problem chain(long line, String key, Object... args) {
        return problem(ProblemCode.AUDIT_LOG_BROKEN, line, Message.of(key, args), "hint.audit.broken");
    }

    private static AuditVerification failed(int verified, Problem problem) {
        return new AuditVerification(false, verified, List.of(problem));
    }

    private Problem problem(ProblemCode code, long line, Message message, String hint) {
        return Problem.error(code, new Location(store.name(), (int) line, 0, ""), message, Message.of(hint));
    }

    private Problem warning(ProblemCode code, long line, Message message, String hint) {
        return new Problem(code, Severity.WARNING, new Location(store.name(), (int) line, 0, ""), message, Message.of(hint));
    }

    private GovernanceException io(IOException e) {
        return new GovernanceException(List.of(Problem.error(ProblemCode.AUDIT_IO, Location.of(store.name()),
                Message.of("problem.audit.io", e.getClass().getSimpleName() + ": " + e.getMessage()), Message.of("hint.file"))), e);
    }

    private Stream<String> stream() {
        try {
            return store.streamLines();
        } catch (IOException e) {
            throw io(e);
        }
    }
}
