package io.github.aigov.governance.server.dashboard;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.server.determination.DeterminationService;
import io.github.aigov.governance.server.evidence.EvidenceService;
import io.github.aigov.governance.server.riskcases.RiskCaseService;
import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.systems.SystemRepository;
import io.github.aigov.governance.server.systems.SystemRepository.RevisionRow;
import io.github.aigov.governance.server.systems.SystemRepository.SystemRow;
import io.github.aigov.governance.server.verification.VerificationService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The organisation's systems and where each stands, for the CAIO's dashboard and the regular report.
 * A user sees their own organisation's; the Digital Agency every organisation's, or one it names.
 */
@Service
public class DashboardService {
    /** The most systems one dashboard lists. */
    static final int MAX_SYSTEMS = 5_000;

    private final JdbcClient jdbc;
    private final SystemRepository systems;
    private final DeterminationService determinations;
    private final EvidenceService evidence;
    private final RiskCaseService riskCases;
    private final VerificationService verification;

    public DashboardService(JdbcClient jdbc, SystemRepository systems, DeterminationService determinations, EvidenceService evidence,
                            RiskCaseService riskCases, VerificationService verification) {
        this.jdbc = jdbc;
        this.systems = systems;
        this.determinations = determinations;
        this.evidence = evidence;
        this.riskCases = riskCases;
        this.verification = verification;
    }

    /**
     * What the table shows; {@code null} or {@code false} filters nothing.
     *
     * @param classification the computed classification
     * @param escalation     whether the decision escalates
     * @param open           only systems with open required items
     * @param overdue        only systems whose periodic verification is overdue
     */
    public record Filter(String organisation, String classification, Boolean escalation, boolean open, boolean overdue) {
        boolean keeps(SystemStatus s) {
            return (classification == null || classification.equals(s.computed()))
                    && (escalation == null || escalation == s.escalation())
                    && (!open || s.openRequired() > 0)
                    && (!overdue || s.verification().overdue());
        }
    }

    /** The dashboard: the systems kept by the filter, and the counts over every system the user may see here. */
    public record Dashboard(List<SystemStatus> rows, int total, Map<String, Integer> computed, Map<String, Integer> determined,
                            int escalated, int adviceAwaited, int open, int overdue, List<String> organisations) {
    }

    public Dashboard dashboard(CurrentUser user, Filter filter) {
        List<SystemStatus> all = statuses(user, filter.organisation());
        Map<String, Integer> computed = new HashMap<>();
        Map<String, Integer> determined = new HashMap<>();
        for (Classification c : Classification.values()) {
            computed.put(c.name(), 0);
            determined.put(c.name(), 0);
        }
        for (SystemStatus s : all) {
            computed.merge(s.computed(), 1, Integer::sum);
            determined.merge(s.holding(), 1, Integer::sum);
        }
        return new Dashboard(all.stream().filter(filter::keeps).toList(), all.size(), computed, determined,
                (int) all.stream().filter(SystemStatus::escalation).count(),
                (int) all.stream().filter(SystemStatus::adviceAwaited).count(),
                (int) all.stream().filter(s -> s.openRequired() > 0).count(),
                (int) all.stream().filter(s -> s.verification().overdue()).count(),
                user.role().readsEveryOrganisation() ? organisations() : List.of());
    }

    /** Every system the user may see (for the Digital Agency: every organisation's, or the one named), oldest first. */
    public List<SystemStatus> statuses(CurrentUser user, String organisation) {
        Long organisationId = user.role().readsEveryOrganisation() ? null : user.organisationId();
        if (user.role().readsEveryOrganisation() && organisation != null && !organisation.isBlank()) {
            Optional<Long> named = jdbc.sql("SELECT id FROM organisations WHERE name = ?").param(organisation).query(Long.class).optional();
            if (named.isEmpty()) {
                return List.of();
            }
            organisationId = named.get();
        }
        Map<Long, Integer> months = new HashMap<>();
        List<SystemStatus> result = new ArrayList<>();
        for (SystemRow s : systems.list(new SystemRepository.Filter(organisationId, null, null), 0, MAX_SYSTEMS)) {
            result.add(status(s, months.computeIfAbsent(s.organisationId(), verification::months)));
        }
        return result;
    }

    /** One system's standing. */
    public SystemStatus status(SystemRow s, int months) {
        RevisionRow r = systems.revision(s.id(), s.revision()).orElseThrow();
        Optional<DeterminationService.Determination> d = determinations.latest(s.id(), s.revision());
        EvidenceService.OpenItems open = evidence.open(r);
        return new SystemStatus(s.id(), s.organisation(), s.profileId(), s.name(), s.revision(), r.guidelineVersion(), r.overlay(),
                s.classification(), d.map(DeterminationService.Determination::determined).orElse(null),
                d.map(DeterminationService.Determination::justification).orElse(null), s.escalation(),
                determinations.latestAdvice(s.id(), s.revision()).map(DeterminationService.Advice::advisedOn).orElse(null),
                open.required(), open.open(), riskCases.counts(s.id()), verification.status(s.id(), months), s.updatedAt(), s.updatedBy());
    }

    private List<String> organisations() {
        return jdbc.sql("SELECT name FROM organisations ORDER BY name").query(String.class).list();
    }
}
