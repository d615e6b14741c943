package io.github.aigov.governance.server.systems;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.server.assess.Engines;
import io.github.aigov.governance.server.determination.DeterminationService;
import io.github.aigov.governance.server.evidence.EvidenceService;
import io.github.aigov.governance.server.pages.Texts;
import io.github.aigov.governance.server.problems.ApiProblem;
import io.github.aigov.governance.server.riskcases.RiskCaseService;
import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.security.Role;
import io.github.aigov.governance.server.systems.SystemRepository.RevisionRow;
import io.github.aigov.governance.server.systems.SystemRepository.SystemRow;
import io.github.aigov.governance.server.verification.VerificationService;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * The system's page: a revision's decision (the latest by default) with everything recorded beside
 * it: the CAIO's determination and the board's advice, the open required items, risk cases,
 * periodic verification, and the revisions to compare.
 */
@Service
public class SystemPageService {
    private final SystemService systems;
    private final SystemRepository repository;
    private final Engines engines;
    private final DeterminationService determinations;
    private final EvidenceService evidence;
    private final RiskCaseService riskCases;
    private final VerificationService verification;
    private final Texts texts;
    private final SystemInsights insights;

    public SystemPageService(SystemService systems, SystemRepository repository, Engines engines, DeterminationService determinations,
                             EvidenceService evidence, RiskCaseService riskCases, VerificationService verification, Texts texts,
                             SystemInsights insights) {
        this.insights = insights;
        this.systems = systems;
        this.repository = repository;
        this.engines = engines;
        this.determinations = determinations;
        this.evidence = evidence;
        this.riskCases = riskCases;
        this.verification = verification;
        this.texts = texts;
    }

    /** What the user's role may do on the page (the security chain enforces it; the page only offers it). */
    public record Can(boolean revise, boolean determine, boolean report, boolean verify, boolean uploadEvidence) {
        public static Can of(CurrentUser user) {
            boolean writer = user.role() == Role.OFFICER || user.role() == Role.CAIO;
            boolean caio = user.role() == Role.CAIO;
            return new Can(writer, caio, writer, caio, writer);
        }
    }

    /** The system's header on every page about it: name, revision, computed and determined classification. */
    public record Heading(SystemRow system, RevisionRow revision, String computed, String determined,
                          DeterminationService.Determination determination) {
    }

    /**
     * @param earlier the latest determination of an earlier revision, when this one has none (a new revision
     *                is determined anew: the earlier one was about another decision)
     */
    public record View(Heading heading, boolean latest, DecisionView decision, DeterminationService.Determination earlier,
                       DeterminationService.Advice advice, boolean escalated,
                       EvidenceService.OpenItems open, List<RiskCaseService.RiskCase> riskCases, VerificationService.Status verification,
                       List<RevisionRow> revisions, Can can, SystemInsights.WhatIfView whatIf,
                       List<SystemInsights.Choice> crosswalks, SystemInsights.CrosswalkView crosswalk) {
    }

    /**
     * The page of a revision (the latest when {@code revision} is null), with the references of the
     * crosswalk {@code crosswalk} when one is asked for (400 for one the revision's engine does not have).
     */
    public View view(CurrentUser user, String systemId, Integer revision, String crosswalk) {
        Heading heading = heading(user, systemId, revision);
        RevisionRow r = heading.revision();
        Decision decision = systems.decision(r);
        DeterminationService.Determination earlier = heading.determination() != null ? null
                : determinations.history(systemId).stream().filter(d -> d.revision() < r.revision()).findFirst().orElse(null);
        GovernanceEngine engine = engine(r);
        Locale locale = Texts.locale();
        SystemInsights.CrosswalkView references = insights.crosswalk(decision, engine, crosswalk, locale);
        return new View(heading, r.revision() == heading.system().revision(), DecisionView.of(decision, engine, locale),
                earlier, determinations.latestAdvice(systemId, r.revision()).orElse(null), determinations.escalated(r), evidence.open(r),
                riskCases.ofSystem(systemId), verification.status(systemId, verification.months(heading.system().organisationId())),
                repository.revisions(systemId, 0, 200), Can.of(user), insights.whatIf(decision, engine, locale),
                insights.choices(engine, locale), references);
    }

    /** The heading for a revision of a system the user may see (the latest when {@code revision} is null), or 404. */
    public Heading heading(CurrentUser user, String systemId, Integer revision) {
        SystemRow s = systems.visible(user, systemId);
        RevisionRow r = systems.revision(user, systemId, revision);
        DeterminationService.Determination d = determinations.latest(systemId, r.revision()).orElse(null);
        return new Heading(s, r, texts.text("reports.classification." + r.classification()),
                d == null ? null : texts.text("reports.classification." + d.determined()), d);
    }

    /** What changed between two revisions of the system. */
    public RevisionComparison compare(CurrentUser user, String systemId, int from, int to) {
        RevisionRow a = systems.revision(user, systemId, from);
        RevisionRow b = systems.revision(user, systemId, to);
        Locale locale = Texts.locale();
        return RevisionComparison.of(from, systems.decision(a), to, systems.decision(b), new DecisionView.Render(engine(a), locale),
                new DecisionView.Render(engine(b), locale), key -> texts.text(key));
    }

    /** The engine whose texts the revision's decision is shown with (its version's, if its overlay is no longer on the server). */
    public GovernanceEngine engine(RevisionRow r) {
        try {
            return engines.engine(r.guidelineVersion(), r.overlay());
        } catch (ApiProblem e) {
            return engines.engine(r.guidelineVersion(), null);
        }
    }
}
