package io.github.aigov.governance.server.evidence;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.audit.OfficeRecord;
import io.github.aigov.governance.server.audit.AuditChain;
import io.github.aigov.governance.server.pages.FormRefusal;
import io.github.aigov.governance.server.pages.Rows;
import io.github.aigov.governance.server.pages.TextInput;
import io.github.aigov.governance.server.papers.Paper;
import io.github.aigov.governance.server.papers.PaperService;
import io.github.aigov.governance.server.records.ChainRecord;
import io.github.aigov.governance.server.records.ChainRecords;
import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.systems.SystemRepository.RevisionRow;
import io.github.aigov.governance.server.systems.SystemRepository.SystemRow;
import io.github.aigov.governance.server.systems.SystemService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evidence for a revision's checklist items: the vendor's answers from the workbook the officer
 * uploads back, and items marked met by the office with a note and a link. A REQUIRED item is open
 * until it has an answer in the latest workbook or is marked met (and the mark not withdrawn).
 * Answers and marks belong to the revision they were given for; a new revision of the system carries
 * over, for the items that are still REQUIRED in it, the answers and the marks met of the earlier
 * revisions (the latest revision's that has one), until the revision's own workbook or mark replaces
 * them. Nothing is copied: what a revision holds is computed from the records, so the open items of
 * a new revision are those it requires that no answer or mark covers.
 */
@Service
public class EvidenceService {
    /** The longest note kept with a mark. */
    public static final int MAX_NOTE = 4_000;
    /** The longest link kept with a mark. */
    public static final int MAX_LINK = 2_000;

    private final JdbcClient jdbc;
    private final SystemService systems;
    private final PaperService papers;
    private final AuditChain chain;
    private final ChainRecords records;
    private final TransactionTemplate transactions;
    /** Each revision's REQUIRED items (a revision's decision never changes), for counting open items in lists. */
    private final Map<String, List<String>> required = new ConcurrentHashMap<>();

    public EvidenceService(JdbcClient jdbc, SystemService systems, PaperService papers, AuditChain chain, ChainRecords records,
                           TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.systems = systems;
        this.papers = papers;
        this.chain = chain;
        this.records = records;
        this.transactions = transactions;
    }

    /** An uploaded workbook. */
    public record Upload(String id, int revision, String fileName, String sha256, int answered, Instant at, String by) {
    }

    /** The mark that holds for an item. */
    public record Mark(String itemId, boolean met, String note, String link, Instant at, String by) {
        /** The link, if it is a web address a page may show as a link ({@code http} or {@code https}). */
        public boolean linkable() {
            return link != null && (link.startsWith("https://") || link.startsWith("http://"));
        }
    }

    /**
     * One item's evidence: the vendor's answer (latest workbook) and the mark, if any, each with the
     * earlier revision it was carried over from ({@code null} when given for this revision).
     */
    public record ItemEvidence(ItemResult item, String answer, Mark mark, Integer answerFrom, Integer markFrom) {
        public ItemEvidence(ItemResult item, String answer, Mark mark) {
            this(item, answer, mark, null, null);
        }

        public boolean met() {
            return mark != null && mark.met();
        }

        /** A REQUIRED item with neither an answer nor a mark that holds. */
        public boolean open() {
            return item.status() == ItemStatus.REQUIRED && (answer == null || answer.isEmpty()) && !met();
        }
    }

    /** Every item of the revision's decision with its evidence, in definition order. */
    public List<ItemEvidence> items(RevisionRow r, Decision decision) {
        Map<String, String> answers = latestAnswers(r.systemId(), r.revision());
        Map<String, Mark> marks = marks(r.systemId(), r.revision());
        java.util.Set<String> required = decision.items(ItemStatus.REQUIRED).stream().map(ItemResult::id)
                .collect(java.util.stream.Collectors.toSet());
        Map<String, Carried<String>> carriedAnswers = carriedAnswers(r, required, answers);
        Map<String, Carried<Mark>> carriedMarks = carriedMarks(r, required, marks);
        return decision.items().stream().map(i -> {
            Carried<String> a = carriedAnswers.get(i.id());
            Carried<Mark> m = carriedMarks.get(i.id());
            return new ItemEvidence(i, a != null ? a.value() : answers.get(i.id()), m != null ? m.value() : marks.get(i.id()),
                    a != null ? a.revision() : null, m != null ? m.revision() : null);
        }).toList();
    }

    /** An answer or mark of an earlier revision, and that revision. */
    record Carried<T>(T value, int revision) {
    }

    /**
     * The answers the revision takes over: for each of its REQUIRED items without an answer of its
     * own, the answer in the latest workbook of the latest earlier revision that has one.
     */
    private Map<String, Carried<String>> carriedAnswers(RevisionRow r, java.util.Set<String> required, Map<String, String> own) {
        Map<String, Carried<String>> carried = new HashMap<>();
        if (r.revision() <= 1) {
            return carried;
        }
        jdbc.sql("""
                SELECT e.revision, a.item_id, a.answer FROM evidence_uploads e JOIN evidence_answers a ON a.upload_id = e.id
                WHERE e.system_id = ? AND e.revision < ?
                  AND e.position = (SELECT MAX(l.position) FROM evidence_uploads l WHERE l.system_id = e.system_id AND l.revision = e.revision)
                ORDER BY e.revision DESC""")
                .params(r.systemId(), r.revision())
                .query((ResultSet rs) -> {
                    String item = rs.getString(2);
                    String answer = rs.getString(3);
                    if (required.contains(item) && answer != null && !answer.isEmpty() && !own.containsKey(item)) {
                        carried.putIfAbsent(item, new Carried<>(answer, rs.getInt(1)));
                    }
                });
        return carried;
    }

    /**
     * The marks the revision takes over: for each of its REQUIRED items without a mark of its own,
     * the latest mark of the latest earlier revision that marked it, if that mark says met.
     */
    private Map<String, Carried<Mark>> carriedMarks(RevisionRow r, java.util.Set<String> required, Map<String, Mark> own) {
        Map<String, Carried<Mark>> latest = new HashMap<>();
        if (r.revision() <= 1) {
            return latest;
        }
        jdbc.sql("""
                SELECT m.revision, m.item_id, m.met, m.note, m.link, m.recorded_at, u.name AS recorded_by
                FROM evidence_marks m JOIN users u ON u.id = m.recorded_by
                WHERE m.system_id = ? AND m.revision < ? ORDER BY m.revision DESC, m.position DESC""")
                .params(r.systemId(), r.revision())
                .query((ResultSet rs) -> {
                    String item = rs.getString("item_id");
                    if (required.contains(item) && !own.containsKey(item)) {
                        latest.putIfAbsent(item, new Carried<>(mark(rs), rs.getInt("revision")));
                    }
                });
        latest.values().removeIf(c -> !c.value().met());
        return latest;
    }

    /** A revision's REQUIRED items, and how many of them are open. */
    public record OpenItems(int required, int open) {
    }

    /** How many REQUIRED items the revision has, and how many are open. */
    public OpenItems open(RevisionRow r) {
        if (required.size() > 100_000) {
            required.clear();
        }
        List<String> ids = required.computeIfAbsent(r.systemId() + "#" + r.revision(),
                k -> systems.decision(r).items(ItemStatus.REQUIRED).stream().map(ItemResult::id).toList());
        Map<String, String> answers = latestAnswers(r.systemId(), r.revision());
        Map<String, Mark> marks = marks(r.systemId(), r.revision());
        java.util.Set<String> requiredIds = java.util.Set.copyOf(ids);
        Map<String, Carried<String>> carriedAnswers = carriedAnswers(r, requiredIds, answers);
        Map<String, Carried<Mark>> carriedMarks = carriedMarks(r, requiredIds, marks);
        return new OpenItems(ids.size(), (int) ids.stream()
                .filter(id -> !answers.containsKey(id) && !carriedAnswers.containsKey(id))
                .filter(id -> !(marks.containsKey(id) && marks.get(id).met()) && !carriedMarks.containsKey(id))
                .count());
    }

    /** The revision's uploads, the latest first. */
    public List<Upload> uploads(String systemId, int revision) {
        return jdbc.sql("""
                SELECT e.id, e.revision, e.file_name, e.file_sha256, e.answered, e.recorded_at, u.name AS recorded_by
                FROM evidence_uploads e JOIN users u ON u.id = e.recorded_by
                WHERE e.system_id = ? AND e.revision = ? ORDER BY e.position DESC""")
                .params(systemId, revision)
                .query((rs, n) -> new Upload(rs.getString("id"), rs.getInt("revision"), rs.getString("file_name"),
                        rs.getString("file_sha256"), rs.getInt("answered"), Rows.instant(rs, "recorded_at"), rs.getString("recorded_by")))
                .list();
    }

    private Map<String, String> latestAnswers(String systemId, int revision) {
        Map<String, String> answers = new HashMap<>();
        jdbc.sql("""
                SELECT a.item_id, a.answer FROM evidence_answers a
                WHERE a.upload_id = (SELECT e.id FROM evidence_uploads e WHERE e.system_id = ? AND e.revision = ?
                                     ORDER BY e.position DESC FETCH FIRST 1 ROWS ONLY)""")
                .params(systemId, revision)
                .query((ResultSet rs) -> {
                    answers.put(rs.getString(1), rs.getString(2));
                });
        return answers;
    }

    private Map<String, Mark> marks(String systemId, int revision) {
        Map<String, Mark> marks = new HashMap<>();
        jdbc.sql("""
                SELECT m.item_id, m.met, m.note, m.link, m.recorded_at, u.name AS recorded_by
                FROM evidence_marks m JOIN users u ON u.id = m.recorded_by
                WHERE m.system_id = ? AND m.revision = ? ORDER BY m.position""")
                .params(systemId, revision)
                .query((ResultSet rs) -> {
                    marks.put(rs.getString("item_id"), mark(rs));
                });
        return marks;
    }

    private static Mark mark(ResultSet rs) throws SQLException {
        return new Mark(rs.getString("item_id"), rs.getBoolean("met"), rs.getString("note"), rs.getString("link"),
                Rows.instant(rs, "recorded_at"), rs.getString("recorded_by"));
    }

    /**
     * Reads the vendor's answers from the uploaded workbook and stores them with the revision, or
     * refuses the workbook (field {@code workbook}) with every row that is wrong.
     */
    public Upload upload(CurrentUser user, String systemId, int revision, String fileName, byte[] content) {
        SystemRow system = systems.visible(user, systemId);
        RevisionRow r = systems.revision(user, systemId, revision);
        List<VendorWorkbook.Expected> expected = List.of(expected(user, r, Locale.JAPANESE), expected(user, r, Locale.ENGLISH));
        VendorWorkbook.Answers answers = VendorWorkbook.read(content, expected, otherDecisionId -> revisionOf(systemId, otherDecisionId));
        String id = ChainRecord.newId();
        Instant at = Instant.now();
        String name = fileName(fileName);
        String sha256 = sha256(content);
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("source", "workbook");
        recorded.put("fileName", name);
        recorded.put("fileSha256", sha256);
        recorded.put("answers", answers.byItem());
        transactions.executeWithoutResult(tx -> {
            chain.lock(system.organisationId());
            jdbc.sql("""
                    INSERT INTO evidence_uploads (id, system_id, revision, file_name, file_sha256, answered, recorded_at, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, systemId, revision, name, sha256, answers.byItem().size(), Rows.utc(at), user.id())
                    .update();
            answers.byItem().forEach((item, answer) -> jdbc.sql("INSERT INTO evidence_answers (upload_id, item_id, answer) VALUES (?, ?, ?)")
                    .params(id, item, answer).update());
            records.append(new ChainRecord(id, OfficeRecord.Kind.EVIDENCE, system.organisationId(), system.organisation(), systemId,
                    system.profileId(), revision, r.decisionId(), r.auditSeq(), at, user, recorded));
        });
        return uploads(systemId, revision).get(0);
    }

    /** Marks an item met, with a note (required) and a link to the evidence, or withdraws the mark. */
    public void mark(CurrentUser user, String systemId, int revision, String itemId, boolean met, String note, String link) {
        SystemRow system = systems.visible(user, systemId);
        RevisionRow r = systems.revision(user, systemId, revision);
        Decision decision = systems.decision(r);
        String text = TextInput.clean(note);
        String url = TextInput.clean(link);
        new FormRefusal.Check()
                .require(itemId != null && decision.item(itemId).isPresent(), "item", "evidence.error.item")
                .require(!met || !text.isEmpty(), "note", "evidence.error.note")
                .require(text.length() <= MAX_NOTE, "note", "form.error.too-long", MAX_NOTE)
                .require(url.isEmpty() || webAddress(url), "link", "evidence.error.link")
                .require(url.length() <= MAX_LINK, "link", "form.error.too-long", MAX_LINK)
                .done();
        String id = ChainRecord.newId();
        Instant at = Instant.now();
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("source", "mark");
        recorded.put("itemId", itemId);
        recorded.put("met", met);
        recorded.put("note", text);
        recorded.put("link", url);
        transactions.executeWithoutResult(tx -> {
            chain.lock(system.organisationId());
            jdbc.sql("""
                    INSERT INTO evidence_marks (id, system_id, revision, item_id, met, note, link, recorded_at, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, systemId, revision, itemId, met, text, url.isEmpty() ? null : url, Rows.utc(at), user.id())
                    .update();
            records.append(new ChainRecord(id, OfficeRecord.Kind.EVIDENCE, system.organisationId(), system.organisation(), systemId,
                    system.profileId(), revision, r.decisionId(), r.auditSeq(), at, user, recorded));
        });
    }

    /** An absolute http or https address with a host: what a page may offer as a link. */
    static boolean webAddress(String text) {
        try {
            URI u = new URI(text);
            return ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private VendorWorkbook.Expected expected(CurrentUser user, RevisionRow r, Locale locale) {
        byte[] workbook = papers.write(user, r.systemId(), r.revision(), Paper.XLSX, locale).content();
        try {
            return VendorWorkbook.expected(workbook, locale, r.decisionId(), Messages.render(Message.of("reports.decision.id"), locale),
                    Messages.render(Message.of("reports.items.vendor"), locale));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Integer revisionOf(String systemId, String decisionId) {
        Optional<Integer> n = jdbc.sql("SELECT revision FROM revisions WHERE system_id = ? AND decision_id = ?")
                .params(systemId, decisionId).query(Integer.class).optional();
        return n.orElse(null);
    }

    /** The uploaded file's name as kept: its last path segment, without control characters, at most 200 characters. */
    static String fileName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = TextInput.clean(n.substring(n.lastIndexOf('/') + 1)).replace('\n', ' ').replace('\t', ' ');
        return n.isEmpty() ? "workbook.xlsx" : n.substring(0, Math.min(200, n.length()));
    }

    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
