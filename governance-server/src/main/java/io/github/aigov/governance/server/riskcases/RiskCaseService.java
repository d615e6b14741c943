package io.github.aigov.governance.server.riskcases;

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
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Risk cases (リスクケース): reported about a system by its users or its provider (an officer or the
 * CAIO enters it: what happened, when, its effect); then the CAIO records the provider's response
 * and whether the case goes to the advisory board, and, if it does, the board's
 * recurrence-prevention note when it comes. Each step once, with who and when, and a record for
 * the audit chain.
 */
@Service
public class RiskCaseService {
    public static final int MAX_TEXT = 10_000;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final JdbcClient jdbc;
    private final SystemService systems;
    private final AuditChain chain;
    private final ChainRecords records;
    private final TransactionTemplate transactions;

    public RiskCaseService(JdbcClient jdbc, SystemService systems, AuditChain chain, ChainRecords records,
                           TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.systems = systems;
        this.chain = chain;
        this.records = records;
        this.transactions = transactions;
    }

    /** Who reported the case to the ministry. */
    public enum Reporter { USER, PROVIDER }

    /** Where a case stands. */
    public enum Stage {
        /** Reported; the provider's response is not recorded yet. */
        REPORTED,
        /** The provider responded; the case does not go to the board. */
        RESPONDED,
        /** The case went to the board; its note is awaited. */
        WITH_BOARD,
        /** The board's recurrence-prevention note is recorded. */
        NOTED;

        public boolean open() {
            return this == REPORTED || this == WITH_BOARD;
        }
    }

    public record Step(String kind, LocalDate dated, String text, Boolean toBoard, Instant at, String by) {
    }

    public record RiskCase(String id, String systemId, Reporter reporter, LocalDate occurredOn, String whatHappened, String effect,
                           Instant at, String by, Step response, Step boardNote) {
        public Stage stage() {
            if (response == null) {
                return Stage.REPORTED;
            }
            if (!Boolean.TRUE.equals(response.toBoard())) {
                return Stage.RESPONDED;
            }
            return boardNote == null ? Stage.WITH_BOARD : Stage.NOTED;
        }
    }

    /** Counts for a system or an organisation: all cases, those still open, those that went to the board. */
    public record Counts(int total, int open, int toBoard) {
    }

    public List<RiskCase> ofSystem(String systemId) {
        return jdbc.sql(CASE + " WHERE c.system_id = ? ORDER BY c.position DESC").param(systemId).query(this::riskCase).list();
    }

    public Counts counts(String systemId) {
        List<RiskCase> cases = ofSystem(systemId);
        return new Counts(cases.size(), (int) cases.stream().filter(c -> c.stage().open()).count(),
                (int) cases.stream().filter(c -> c.stage() == Stage.WITH_BOARD || c.stage() == Stage.NOTED).count());
    }

    /** A case of a system the user may see, or 404. */
    public RiskCase get(CurrentUser user, String systemId, String caseId) {
        systems.visible(user, systemId);
        if (caseId == null || !ID.matcher(caseId).matches()) {
            throw ApiProblem.notFound("/systems/" + systemId + "/risk-cases");
        }
        return jdbc.sql(CASE + " WHERE c.id = ? AND c.system_id = ?").params(caseId, systemId).query(this::riskCase).optional()
                .orElseThrow(() -> ApiProblem.notFound("/systems/" + systemId + "/risk-cases/" + caseId));
    }

    /** Records a reported case. */
    public RiskCase report(CurrentUser user, String systemId, String reporter, String occurredOn, String whatHappened, String effect) {
        if (user.role() != Role.OFFICER && user.role() != Role.CAIO) {
            throw forbidden();
        }
        SystemRow system = systems.visible(user, systemId);
        Reporter who = Arrays.stream(Reporter.values()).filter(r -> r.name().equals(reporter)).findFirst().orElse(null);
        LocalDate date = TextInput.date(occurredOn);
        String what = TextInput.clean(whatHappened);
        String effectText = TextInput.clean(effect);
        new FormRefusal.Check()
                .require(who != null, "reporter", "risk.error.reporter")
                .require(date != null, "occurredOn", "form.error.date")
                .require(date == null || !date.isAfter(TextInput.today()), "occurredOn", "form.error.future")
                .require(!what.isEmpty(), "whatHappened", "risk.error.what")
                .require(what.length() <= MAX_TEXT, "whatHappened", "form.error.too-long", MAX_TEXT)
                .require(!effectText.isEmpty(), "effect", "risk.error.effect")
                .require(effectText.length() <= MAX_TEXT, "effect", "form.error.too-long", MAX_TEXT)
                .done();
        String id = ChainRecord.newId();
        Instant at = Instant.now();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("step", "reported");
        content.put("caseId", id);
        content.put("reporter", who.name());
        content.put("occurredOn", date.toString());
        content.put("whatHappened", what);
        content.put("effect", effectText);
        transactions.executeWithoutResult(tx -> {
            chain.lock(system.organisationId());
            RevisionRow latest = systems.revision(user, systemId, null);
            jdbc.sql("""
                    INSERT INTO risk_cases (id, system_id, reporter, occurred_on, what_happened, effect, recorded_at, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, systemId, who.name(), date, what, effectText, Rows.utc(at), user.id()).update();
            records.append(record(id, system, latest, at, user, content));
        });
        return get(user, systemId, id);
    }

    /** The CAIO records the provider's response and whether the case goes to the advisory board. */
    public RiskCase respond(CurrentUser user, String systemId, String caseId, String dated, String response, String toBoard) {
        RiskCase c = caioStep(user, systemId, caseId);
        LocalDate date = TextInput.date(dated);
        String text = TextInput.clean(response);
        new FormRefusal.Check()
                .require(c.response() == null, "response", "risk.error.responded")
                .require(date != null, "respondedOn", "form.error.date")
                .require(date == null || !date.isAfter(TextInput.today()), "respondedOn", "form.error.future")
                .require(!text.isEmpty(), "response", "risk.error.response")
                .require(text.length() <= MAX_TEXT, "response", "form.error.too-long", MAX_TEXT)
                .require("true".equals(toBoard) || "false".equals(toBoard), "toBoard", "risk.error.to-board")
                .done();
        return step(user, c, "RESPONSE", date, text, Boolean.valueOf(toBoard));
    }

    /** The CAIO records the board's recurrence-prevention note, for a case that went to the board. */
    public RiskCase boardNote(CurrentUser user, String systemId, String caseId, String dated, String note) {
        RiskCase c = caioStep(user, systemId, caseId);
        LocalDate date = TextInput.date(dated);
        String text = TextInput.clean(note);
        new FormRefusal.Check()
                .require(c.stage() == Stage.WITH_BOARD, "note", "risk.error.not-with-board")
                .require(date != null, "notedOn", "form.error.date")
                .require(date == null || !date.isAfter(TextInput.today()), "notedOn", "form.error.future")
                .require(!text.isEmpty(), "note", "risk.error.note")
                .require(text.length() <= MAX_TEXT, "note", "form.error.too-long", MAX_TEXT)
                .done();
        return step(user, c, "BOARD_NOTE", date, text, null);
    }

    private RiskCase caioStep(CurrentUser user, String systemId, String caseId) {
        if (user.role() != Role.CAIO) {
            throw forbidden();
        }
        return get(user, systemId, caseId);
    }

    private RiskCase step(CurrentUser user, RiskCase c, String kind, LocalDate date, String text, Boolean toBoard) {
        SystemRow system = systems.visible(user, c.systemId());
        String id = ChainRecord.newId();
        Instant at = Instant.now();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("step", kind.equals("RESPONSE") ? "response" : "board-note");
        content.put("caseId", c.id());
        content.put("dated", date.toString());
        content.put("text", text);
        if (toBoard != null) {
            content.put("toBoard", toBoard);
        }
        try {
            transactions.executeWithoutResult(tx -> {
                chain.lock(system.organisationId());
                RevisionRow latest = systems.revision(user, c.systemId(), null);
                jdbc.sql("""
                        INSERT INTO risk_case_steps (id, case_id, kind, dated, text, to_board, recorded_at, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, c.id(), kind, date, text, toBoard, Rows.utc(at), user.id()).update();
                records.append(record(id, system, latest, at, user, content));
            });
        } catch (DuplicateKeyException e) {
            // Another CAIO recorded the same step a moment before.
            throw new FormRefusal(List.of(new FormRefusal.FieldError(kind.equals("RESPONSE") ? "response" : "note",
                    "risk.error.responded", List.of())));
        }
        return get(user, c.systemId(), c.id());
    }

    private static ChainRecord record(String id, SystemRow system, RevisionRow latest, Instant at, CurrentUser user,
                                      Map<String, Object> content) {
        return new ChainRecord(id, OfficeRecord.Kind.RISK_CASE, system.organisationId(), system.organisation(), system.id(),
                system.profileId(), latest.revision(), latest.decisionId(), latest.auditSeq(), at, user, content);
    }

    private static ApiProblem forbidden() {
        return new ApiProblem(HttpStatus.FORBIDDEN, ProblemCode.FORBIDDEN, "role", Message.of("problem.server.forbidden"),
                Message.of("hint.server.forbidden"));
    }

    private static final String CASE = """
            SELECT c.id, c.system_id, c.reporter, c.occurred_on, c.what_happened, c.effect, c.recorded_at, u.name AS recorded_by
            FROM risk_cases c JOIN users u ON u.id = c.recorded_by""";

    private RiskCase riskCase(ResultSet rs, int n) throws SQLException {
        String id = rs.getString("id");
        List<Step> steps = jdbc.sql("""
                SELECT s.kind, s.dated, s.text, s.to_board, s.recorded_at, u.name AS recorded_by
                FROM risk_case_steps s JOIN users u ON u.id = s.recorded_by WHERE s.case_id = ? ORDER BY s.position""")
                .param(id)
                .query((r, m) -> new Step(r.getString("kind"), Rows.date(r, "dated"), r.getString("text"), Rows.bool(r, "to_board"),
                        Rows.instant(r, "recorded_at"), r.getString("recorded_by")))
                .list();
        Optional<Step> response = steps.stream().filter(s -> s.kind().equals("RESPONSE")).findFirst();
        Optional<Step> note = steps.stream().filter(s -> s.kind().equals("BOARD_NOTE")).findFirst();
        return new RiskCase(id, rs.getString("system_id"), Reporter.valueOf(rs.getString("reporter")), Rows.date(rs, "occurred_on"),
                rs.getString("what_happened"), rs.getString("effect"), Rows.instant(rs, "recorded_at"), rs.getString("recorded_by"),
                response.orElse(null), note.orElse(null));
    }
}
