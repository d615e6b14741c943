package io.github.aigov.governance.rules.internal.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.audit.AuditEntry;
import io.github.aigov.governance.audit.AuditLog;
import io.github.aigov.governance.audit.AuditStore;
import io.github.aigov.governance.audit.AuditVerification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A hash-chained log over any {@link AuditStore}. Each line is
 * {@code {"seq":n,"prev":"sha256:…","hash":"sha256:…","decisionId":"…","record":{…}}}, where
 * {@code hash = SHA-256(prev + "\n" + record)} over the record exactly as stored, and {@code prev}
 * is the previous line's hash (64 zeros for the first).
 */
public final class ChainedAuditLog implements AuditLog {
    public static final String GENESIS = "sha256:" + "0".repeat(64);
    private static final JsonFactory JSON = new JsonFactory();

    private final AuditStore store;

    public ChainedAuditLog(AuditStore store) {
        this.store = store;
    }

    @Override
    public AuditEntry append(Decision decision, Set<String> sensitive) {
        String record = DecisionRecords.toRecord(decision, sensitive);
        try {
            if (store instanceof JsonLinesAuditStore j) {
                return j.locked(() -> appendLocked(decision, record));
            }
            synchronized (this) {
                return appendLocked(decision, record);
            }
        } catch (IOException e) {
            throw io(e);
        }
    }

    private AuditEntry appendLocked(Decision decision, String record) throws IOException {
        if (!store.endsCleanly()) {
            throw broken(0, "problem.audit.torn-tail");
        }
        String tail = store.lastLine();
        long seq = 0;
        String prev = GENESIS;
        if (tail != null) {
            Parsed last = parse(tail);
            if (last == null) {
                throw broken(0, "problem.audit.torn-tail");
            }
            seq = last.seq;
            prev = last.hash;
        }
        String hash = hash(prev, record);
        String line = "{\"seq\":" + (seq + 1) + ",\"prev\":\"" + prev + "\",\"hash\":\"" + hash
                + "\",\"decisionId\":" + DecisionRecords.mapper().writeValueAsString(decision.decisionId())
                + ",\"record\":" + record + "}";
        store.append(line);
        return new AuditEntry(seq + 1, seq + 1, prev, hash, decision.decisionId(), record);
    }

    @Override
    public List<AuditEntry> entries() {
        List<AuditEntry> out = new ArrayList<>();
        List<String> lines = lines();
        for (int i = 0; i < lines.size(); i++) {
            Parsed p = parse(lines.get(i));
            if (p != null) {
                out.add(new AuditEntry(p.seq, i + 1, p.prev, p.hash, p.decisionId, p.record));
            }
        }
        return out;
    }

    @Override
    public Optional<AuditEntry> find(String decisionId) {
        return entries().stream().filter(e -> e.decisionId().equals(decisionId)).findFirst();
    }

    @Override
    public AuditVerification verify() {
        List<String> lines = lines();
        boolean clean;
        try {
            clean = store.endsCleanly();
        } catch (IOException e) {
            throw io(e);
        }
        String prev = GENESIS;
        for (int i = 0; i < lines.size(); i++) {
            long line = i + 1;
            long expected = line;
            boolean last = i == lines.size() - 1;
            Parsed p = parse(lines.get(i));
            if (p == null || (last && !clean)) {
                String key = last && !clean ? "problem.audit.torn" : "problem.audit.unreadable";
                return failed(line, i, key);
            }
            if (p.seq > expected) {
                boolean later = lines.subList(i + 1, lines.size()).stream().map(ChainedAuditLog::parse)
                        .anyMatch(x -> x != null && x.seq == expected);
                return later ? failed(line, i, "problem.audit.reordered", p.seq, expected)
                        : failed(line, i, "problem.audit.removed", expected, p.seq);
            }
            if (p.seq < expected) {
                return failed(line, i, "problem.audit.inserted", p.seq, expected);
            }
            if (!p.prev.equals(prev)) {
                return failed(line, i, "problem.audit.chain", p.seq);
            }
            if (!hash(p.prev, p.record).equals(p.hash)) {
                return failed(line, i, "problem.audit.altered", p.seq);
            }
            prev = p.hash;
        }
        return new AuditVerification(true, lines.size(), List.of());
    }

    private AuditVerification failed(long line, int verified, String key, Object... args) {
        return new AuditVerification(false, verified, List.of(problem(line, key, args)));
    }

    private Problem problem(long line, String key, Object... args) {
        return Problem.error(ProblemCode.AUDIT_LOG_BROKEN, new Location(store.name(), (int) line, 0, ""),
                Message.of(key, args), Message.of("hint.audit.broken"));
    }

    private GovernanceException broken(long line, String key) {
        return new GovernanceException(List.of(problem(line, key)));
    }

    private GovernanceException io(IOException e) {
        return new GovernanceException(List.of(Problem.error(ProblemCode.AUDIT_IO, Location.of(store.name()),
                Message.of("problem.audit.io", e.getClass().getSimpleName() + ": " + e.getMessage()), Message.of("hint.file"))), e);
    }

    private List<String> lines() {
        try {
            return store.lines();
        } catch (IOException e) {
            throw io(e);
        }
    }

    private record Parsed(long seq, String prev, String hash, String decisionId, String record) {
    }

    /** The line's fields and its record exactly as stored; {@code null} if it is not a well-formed entry. */
    static Parsed parse(String line) {
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Long seq = null;
            String prev = null;
            String hash = null;
            String id = null;
            String record = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "seq" -> seq = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                    case "prev" -> prev = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "hash" -> hash = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "decisionId" -> id = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "record" -> {
                        if (t != JsonToken.START_OBJECT) {
                            return null;
                        }
                        int start = (int) p.currentTokenLocation().getCharOffset();
                        p.skipChildren();
                        int end = (int) p.currentLocation().getCharOffset();
                        record = line.substring(start, end);
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
            return seq == null || prev == null || hash == null || id == null || record == null ? null
                    : new Parsed(seq, prev, hash, id, record);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String hash(String prev, String record) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(prev.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
            md.update(record.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
