package io.github.aigov.governance.server.verification;

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
 * Periodic verification after go-live (the guideline's 運用開始後も…定期的に検証): the date a system
 * went live, each verification with its date and result, and the organisation's interval between
 * verifications. A system is overdue when the interval has passed since its last verification (or,
 * before the first, since it went live). The CAIO records all three.
 */
@Service
public class VerificationService {
    /** The interval when the organisation has not set one: once a year. */
    public static final int DEFAULT_MONTHS = 12;
    public static final int MAX_MONTHS = 60;
    public static final int MAX_NOTE = 10_000;

    private final JdbcClient jdbc;
    private final SystemService systems;
    private final AuditChain chain;
    private final ChainRecords records;
    private final TransactionTemplate transactions;

    public VerificationService(JdbcClient jdbc, SystemService systems, AuditChain chain, ChainRecords records,
                               TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.systems = systems;
        this.chain = chain;
        this.records = records;
        this.transactions = transactions;
    }

    /** What a verification found. */
    public enum Result {
        /** The system works as intended; no action. */
        SATISFACTORY,
        /** Something must be corrected (the note says what). */
        ACTION_NEEDED
    }

    public record Verification(LocalDate verifiedOn, Result result, String note, Instant at, String by) {
    }

    /**
     * A system's verification status.
     *
     * @param liveOn  when it went live ({@code null}: not yet)
     * @param last    its last verification ({@code null}: none)
     * @param due     when the next is due ({@code null} before go-live)
     * @param overdue whether the due date has passed
     */
    public record Status(LocalDate liveOn, Verification last, LocalDate due, boolean overdue, int months) {
    }

    public Optional<LocalDate> liveOn(String systemId) {
        return jdbc.sql("SELECT live_on FROM go_live WHERE system_id = ? ORDER BY position DESC FETCH FIRST 1 ROWS ONLY")
                .param(systemId).query(LocalDate.class).optional();
    }

    public List<Verification> history(String systemId) {
        return jdbc.sql("""
                SELECT v.verified_on, v.result, v.note, v.recorded_at, u.name AS recorded_by
                FROM verifications v JOIN users u ON u.id = v.recorded_by WHERE v.system_id = ?
                ORDER BY v.verified_on DESC, v.position DESC""")
                .param(systemId)
                .query((rs, n) -> new Verification(Rows.date(rs, "verified_on"), Result.valueOf(rs.getString("result")),
                        rs.getString("note"), Rows.instant(rs, "recorded_at"), rs.getString("recorded_by")))
                .list();
    }

    /** The organisation's interval between verifications, in months. */
    public int months(long organisationId) {
        return jdbc.sql("SELECT months FROM verification_intervals WHERE organisation_id = ? ORDER BY position DESC FETCH FIRST 1 ROWS ONLY")
                .param(organisationId).query(Integer.class).optional().orElse(DEFAULT_MONTHS);
    }

    /** The system's status today, with the organisation's interval. */
    public Status status(String systemId, int months) {
        LocalDate live = liveOn(systemId).orElse(null);
        List<Verification> all = history(systemId);
        Verification last = all.isEmpty() ? null : all.get(0);
        if (live == null) {
            return new Status(null, last, null, false, months);
        }
        LocalDate from = last == null || last.verifiedOn().isBefore(live) ? live : last.verifiedOn();
        LocalDate due = from.plusMonths(months);
        return new Status(live, last, due, TextInput.today().isAfter(due), months);
    }

    /** Records when the system went live. */
    public void goLive(CurrentUser user, String systemId, String liveOn) {
        requireCaio(user);
        SystemRow system = systems.visible(user, systemId);
        LocalDate date = TextInput.date(liveOn);
        new FormRefusal.Check()
                .require(date != null, "liveOn", "form.error.date")
                .require(date == null || !date.isAfter(TextInput.today()), "liveOn", "form.error.future")
                .done();
        write(user, system, "INSERT INTO go_live (id, system_id, live_on, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)",
                Map.of("step", "go-live", "liveOn", date.toString()), date);
    }

    /** Records a periodic verification of a system that has gone live. */
    public void verify(CurrentUser user, String systemId, String verifiedOn, String result, String note) {
        requireCaio(user);
        SystemRow system = systems.visible(user, systemId);
        LocalDate date = TextInput.date(verifiedOn);
        LocalDate live = liveOn(systemId).orElse(null);
        Result found = Arrays.stream(Result.values()).filter(r -> r.name().equals(result)).findFirst().orElse(null);
        String text = TextInput.clean(note);
        new FormRefusal.Check()
                .require(live != null, "verifiedOn", "verification.error.not-live")
                .require(date != null, "verifiedOn", "form.error.date")
                .require(date == null || !date.isAfter(TextInput.today()), "verifiedOn", "form.error.future")
                .require(date == null || live == null || !date.isBefore(live), "verifiedOn", "verification.error.before-live")
                .require(found != null, "result", "verification.error.result")
                .require(found != Result.ACTION_NEEDED || !text.isEmpty(), "note", "verification.error.note")
                .require(text.length() <= MAX_NOTE, "note", "form.error.too-long", MAX_NOTE)
                .done();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("step", "verification");
        content.put("verifiedOn", date.toString());
        content.put("result", found.name());
        content.put("note", text);
        String id = ChainRecord.newId();
        Instant at = Instant.now();
        transactions.executeWithoutResult(tx -> {
            chain.lock(system.organisationId());
            RevisionRow latest = systems.revision(user, systemId, null);
            jdbc.sql("INSERT INTO verifications (id, system_id, verified_on, result, note, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, systemId, date, found.name(), text, Rows.utc(at), user.id()).update();
            records.append(new ChainRecord(id, OfficeRecord.Kind.VERIFICATION, system.organisationId(), system.organisation(), systemId,
                    system.profileId(), latest.revision(), latest.decisionId(), latest.auditSeq(), at, user, content));
        });
    }

    /** Sets the organisation's interval between verifications. */
    public void setMonths(CurrentUser user, String months) {
        requireCaio(user);
        Integer n = null;
        try {
            n = months == null ? null : Integer.valueOf(months.strip());
        } catch (NumberFormatException e) {
            n = null;
        }
        new FormRefusal.Check().require(n != null && n >= 1 && n <= MAX_MONTHS, "months", "settings.error.months", MAX_MONTHS).done();
        int value = n;
        String id = ChainRecord.newId();
        Instant at = Instant.now();
        transactions.executeWithoutResult(tx -> {
            chain.lock(user.organisationId());
            jdbc.sql("INSERT INTO verification_intervals (id, organisation_id, months, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)")
                    .params(id, user.organisationId(), value, Rows.utc(at), user.id()).update();
            records.append(new ChainRecord(id, OfficeRecord.Kind.VERIFICATION, user.organisationId(), user.organisation(), null, null,
                    null, null, null, at, user, Map.of("step", "interval", "months", value)));
        });
    }

    private void write(CurrentUser user, SystemRow system, String insert, Map<String, Object> content, LocalDate date) {
        String id = ChainRecord.newId();
        Instant at = Instant.now();
        transactions.executeWithoutResult(tx -> {
            chain.lock(system.organisationId());
            RevisionRow latest = systems.revision(user, system.id(), null);
            jdbc.sql(insert).params(id, system.id(), date, Rows.utc(at), user.id()).update();
            records.append(new ChainRecord(id, OfficeRecord.Kind.VERIFICATION, system.organisationId(), system.organisation(), system.id(),
                    system.profileId(), latest.revision(), latest.decisionId(), latest.auditSeq(), at, user, content));
        });
    }

    private static void requireCaio(CurrentUser user) {
        if (user.role() != Role.CAIO) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, ProblemCode.FORBIDDEN, "role", Message.of("problem.server.forbidden"),
                    Message.of("hint.server.forbidden"));
        }
    }
}
