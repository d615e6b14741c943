package io.github.aigov.governance.server.determination;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.audit.OfficeRecord;
import io.github.aigov.governance.server.audit.AuditChain;
import io.github.aigov.governance.server.pages.FormRefusal;
import io.github.aigov.governance.server.pages.Rows;
import io.github.aigov.governance.server.pages.TextInput;
import io.github.aigov.governance.server.problems.ApiProblem;
import io.github.aigov.governance.server.records.ChainRecord;
import io.github.aigov.governance.server.records.ChainRecords;
import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.security.Role;
import io.github.aigov.governance.server.systems.SystemRepository.RevisionRow;
import io.github.aigov.governance.server.systems.SystemRepository.SystemRow;
import io.github.aigov.governance.server.systems.SystemService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CAIO's determination of a revision's classification and the advisory board's advice on it.
 * The computed decision is never changed: a determination is a record beside it, naming the
 * decision it is about, with who made it and when; the latest for a revision is the one that holds.
 * Setting a classification other than the computed one needs a written justification.
 */
@Service
public class DeterminationService {
    /** The longest justification or advice summary kept. */
    public static final int MAX_TEXT = 10_000;

    private final JdbcClient jdbc;
    private final SystemService systems;
    private final AuditChain chain;
    private final ChainRecords records;
    private final TransactionTemplate transactions;

    public DeterminationService(JdbcClient jdbc, SystemService systems, AuditChain chain, ChainRecords records,
                                TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.systems = systems;
        this.chain = chain;
        this.records = records;
        this.transactions = transactions;
    }

    /** A determination: the computed classification and the one the CAIO set. */
    public record Determination(String id, int revision, String decisionId, String computed, String determined,
                                String justification, Instant at, String by) {
        /** Whether the CAIO set another classification than the computed one. */
        public boolean overridden() {
            return !computed.equals(determined);
        }
    }

    /** The advisory board's advice on a revision. */
    public record Advice(String id, int revision, LocalDate advisedOn, String summary, Instant at, String by) {
    }

    /** The determination that holds for this revision, if any. */
    public Optional<Determination> latest(String systemId, int revision) {
        return jdbc.sql(DETERMINATION + " WHERE d.system_id = ? AND d.revision = ? ORDER BY d.position DESC FETCH FIRST 1 ROWS ONLY")
                .params(systemId, revision).query(DeterminationService::determination).optional();
    }

    /** Every determination of the system, the latest first. */
    public List<Determination> history(String systemId) {
        return jdbc.sql(DETERMINATION + " WHERE d.system_id = ? ORDER BY d.position DESC")
                .param(systemId).query(DeterminationService::determination).list();
    }

    /** The latest advice on this revision, if any. */
    public Optional<Advice> latestAdvice(String systemId, int revision) {
        return jdbc.sql(ADVICE + " WHERE a.system_id = ? AND a.revision = ? ORDER BY a.position DESC FETCH FIRST 1 ROWS ONLY")
                .params(systemId, revision).query(DeterminationService::advice).optional();
    }

    /** Every advice on the system, the latest first. */
    public List<Advice> adviceHistory(String systemId) {
        return jdbc.sql(ADVICE + " WHERE a.system_id = ? ORDER BY a.position DESC")
                .param(systemId).query(DeterminationService::advice).list();
    }

    /**
     * Records the CAIO's classification of the revision: the computed one confirmed (a justification
     * may be given), or another, with a justification (required).
     */
    public Determination determine(CurrentUser user, String systemId, int revision, String classification, String justification) {
        requireCaio(user);
        SystemRow system = systems.visible(user, systemId);
        RevisionRow r = systems.revision(user, systemId, revision);
        String text = TextInput.clean(justification);
        boolean known = classification != null && Arrays.stream(Classification.values()).anyMatch(c -> c.name().equals(classification));
        new FormRefusal.Check()
                .require(known, "classification", "determination.error.classification")
                .require(!known || classification.equals(r.classification()) || !text.isEmpty(), "justification",
                        "determination.error.justification")
                .require(text.length() <= MAX_TEXT, "justification", "form.error.too-long", MAX_TEXT)
                .done();
        String id = ChainRecord.newId();
        Instant at = Instant.now();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("computed", r.classification());
        content.put("determined", classification);
        content.put("justification", text);
        transactions.executeWithoutResult(tx -> {
            chain.lock(system.organisationId());
            jdbc.sql("""
                    INSERT INTO determinations (id, system_id, revision, decision_id, computed, determined, justification,
                                                recorded_at, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, systemId, revision, r.decisionId(), r.classification(), classification, text.isEmpty() ? null : text,
                            Rows.utc(at), user.id())
                    .update();
            records.append(new ChainRecord(id, OfficeRecord.Kind.DETERMINATION, system.organisationId(), system.organisation(),
                    systemId, system.profileId(), revision, r.decisionId(), r.auditSeq(), at, user, content));
        });
        return latest(systemId, revision).orElseThrow();
    }

    /** Whether the board's advice is sought for this revision: its decision escalates, or the CAIO determined it HIGH. */
    public boolean escalated(RevisionRow r) {
        return r.escalation() || latest(r.systemId(), r.revision()).map(d -> d.determined().equals(Classification.HIGH.name())).orElse(false);
    }

    /** Records the advisory board's advice on an escalated revision. */
    public Advice recordAdvice(CurrentUser user, String systemId, int revision, String advisedOn, String summary) {
        requireCaio(user);
        SystemRow system = systems.visible(user, systemId);
        RevisionRow r = systems.revision(user, systemId, revision);
        LocalDate date = TextInput.date(advisedOn);
        String text = TextInput.clean(summary);
        new FormRefusal.Check()
                .require(escalated(r), "summary", "advice.error.not-escalated")
                .require(date != null, "advisedOn", "form.error.date")
                .require(date == null || !date.isAfter(TextInput.today()), "advisedOn", "form.error.future")
                .require(!text.isEmpty(), "summary", "advice.error.summary")
                .require(text.length() <= MAX_TEXT, "summary", "form.error.too-long", MAX_TEXT)
                .done();
        String id = ChainRecord.newId();
        Instant at = Instant.now();
        transactions.executeWithoutResult(tx -> {
            chain.lock(system.organisationId());
            jdbc.sql("""
                    INSERT INTO board_advice (id, system_id, revision, decision_id, advised_on, summary, recorded_at, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, systemId, revision, r.decisionId(), date, text, Rows.utc(at), user.id())
                    .update();
            records.append(new ChainRecord(id, OfficeRecord.Kind.BOARD_ADVICE, system.organisationId(), system.organisation(),
                    systemId, system.profileId(), revision, r.decisionId(), r.auditSeq(), at, user,
                    Map.of("advisedOn", date.toString(), "summary", text)));
        });
        return latestAdvice(systemId, revision).orElseThrow();
    }

    static void requireCaio(CurrentUser user) {
        if (user.role() != Role.CAIO) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, ProblemCode.FORBIDDEN, "role", Message.of("problem.server.forbidden"),
                    Message.of("hint.server.forbidden"));
        }
    }

    private static final String DETERMINATION = """
            SELECT d.id, d.revision, d.decision_id, d.computed, d.determined, d.justification, d.recorded_at, u.name AS recorded_by
            FROM determinations d JOIN users u ON u.id = d.recorded_by""";

    private static final String ADVICE = """
            SELECT a.id, a.revision, a.advised_on, a.summary, a.recorded_at, u.name AS recorded_by
            FROM board_advice a JOIN users u ON u.id = a.recorded_by""";

    private static Determination determination(ResultSet rs, int n) throws SQLException {
        return new Determination(rs.getString("id"), rs.getInt("revision"), rs.getString("decision_id"), rs.getString("computed"),
                rs.getString("determined"), rs.getString("justification"), Rows.instant(rs, "recorded_at"), rs.getString("recorded_by"));
    }

    private static Advice advice(ResultSet rs, int n) throws SQLException {
        return new Advice(rs.getString("id"), rs.getInt("revision"), Rows.date(rs, "advised_on"), rs.getString("summary"),
                Rows.instant(rs, "recorded_at"), rs.getString("recorded_by"));
    }
}
