package io.github.aigov.governance.server.systems;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.server.assess.Engines;
import io.github.aigov.governance.server.audit.AuditChain;
import io.github.aigov.governance.server.problems.ApiProblem;
import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.systems.SystemRepository.Filter;
import io.github.aigov.governance.server.systems.SystemRepository.RevisionRow;
import io.github.aigov.governance.server.systems.SystemRepository.SystemRow;
import io.github.aigov.governance.server.systems.SystemViews.History;
import io.github.aigov.governance.server.systems.SystemViews.RevisionView;
import io.github.aigov.governance.server.systems.SystemViews.SystemPage;
import io.github.aigov.governance.server.systems.SystemViews.SystemSummary;
import io.github.aigov.governance.server.systems.SystemViews.SystemView;
import io.github.aigov.governance.server.users.UserService;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inventory: systems registered from their profiles, each revision assessed by the library and
 * stored with its decision in the organisation's audit chain, in one transaction, by the user who
 * made it. A user sees its own organisation's systems (the Digital Agency every organisation's); any
 * other id answers 404, exactly as an id that does not exist. The pages reuse these operations.
 */
@Service
public class SystemService {
    private static final Pattern SYSTEM_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final SystemRepository systems;
    private final AuditChain chain;
    private final Engines engines;
    private final UserService users;
    private final TransactionTemplate transactions;

    public SystemService(SystemRepository systems, AuditChain chain, Engines engines, UserService users,
                         TransactionTemplate transactions) {
        this.systems = systems;
        this.chain = chain;
        this.engines = engines;
        this.users = users;
        this.transactions = transactions;
    }

    /** A decision and what made it: the engine's version and the overlay's name. */
    private record Assessed(Decision decision, String version, String overlay) {
    }

    private Assessed assess(ProjectProfile profile, Engines.Choice choice) {
        GovernanceEngine engine = engines.engine(choice);
        // Assessed before anything is written: a profile the library refuses leaves nothing behind.
        return new Assessed(engine.assess(profile), engine.definitions().version(), choice.overlay());
    }

    /** Registers a system in the user's organisation, as revision 1. */
    public SystemView register(CurrentUser user, ProjectProfile profile, Engines.Choice choice) {
        Assessed assessed = assess(profile, choice);
        String id = UUID.randomUUID().toString();
        return transactions.execute(tx -> {
            chain.lock(user.organisationId());
            systems.idOfProfile(user.organisationId(), profile.id()).ifPresent(existing -> {
                throw new ApiProblem(HttpStatus.CONFLICT, ProblemCode.CONFLICT, "id",
                        Message.of("problem.server.registered", profile.id(), existing), Message.of("hint.server.registered"));
            });
            Decision d = assessed.decision();
            AuditChain.Appended appended = chain.append(user.organisationId(), d);
            systems.insert(id, user.organisationId(), profile.id(), profile.name(), d.classification().name(),
                    d.escalation().required(), d.decidedAt(), user.id());
            systems.insertRevision(revisionRow(id, 1, user.organisationId(), appended, assessed), user.id());
            return view(systems.find(id).orElseThrow(), 1, assessed, appended.sequence());
        });
    }

    /** Stores a new revision of a system from its revised profile (the same profile id), assessed. */
    public SystemView revise(CurrentUser user, String systemId, ProjectProfile profile, Engines.Choice choice) {
        return revise(user, systemId, profile, choice, null);
    }

    /**
     * As {@link #revise(CurrentUser, String, ProjectProfile, Engines.Choice)}, only if the system's latest
     * revision is still {@code expected} ({@code null}: any), so that a re-assessment of the profile read
     * from one revision never lands on top of a newer one (409 otherwise).
     */
    public SystemView revise(CurrentUser user, String systemId, ProjectProfile profile, Engines.Choice choice, Integer expected) {
        SystemRow before = visible(user, systemId);
        if (!before.profileId().equals(profile.id())) {
            throw new ApiProblem(HttpStatus.CONFLICT, ProblemCode.CONFLICT, "id",
                    Message.of("problem.server.profile-id", profile.id(), before.profileId()), Message.of("hint.server.profile-id"));
        }
        Assessed assessed = assess(profile, choice);
        return transactions.execute(tx -> {
            chain.lock(before.organisationId());
            SystemRow now = systems.find(systemId).orElseThrow();
            if (expected != null && now.revision() != expected) {
                throw new ApiProblem(HttpStatus.CONFLICT, ProblemCode.CONFLICT, "revision",
                        Message.of("problem.server.revised-meanwhile", expected, now.revision()), null);
            }
            int revision = now.revision() + 1;
            Decision d = assessed.decision();
            AuditChain.Appended appended = chain.append(now.organisationId(), d);
            systems.insertRevision(revisionRow(systemId, revision, now.organisationId(), appended, assessed), user.id());
            systems.update(systemId, revision, profile.name(), d.classification().name(), d.escalation().required(),
                    d.decidedAt(), user.id());
            return view(systems.find(systemId).orElseThrow(), revision, assessed, appended.sequence());
        });
    }

    private static RevisionRow revisionRow(String systemId, int revision, long organisationId, AuditChain.Appended appended,
                                           Assessed a) {
        Decision d = a.decision();
        return new RevisionRow(systemId, revision, organisationId, appended.sequence(), d.decisionId(), a.version(), a.overlay(),
                d.classification().name(), d.escalation().required(), d.decidedAt(), null);
    }

    private static SystemView view(SystemRow s, int revision, Assessed a, long auditSequence) {
        return new SystemView(s.id(), s.profileId(), s.name(), s.organisation(), revision, s.classification(), s.escalation(),
                a.version(), a.overlay(), s.createdAt(), s.createdBy(), s.updatedAt(), s.updatedBy(), auditSequence,
                Governance.toJson(a.decision()));
    }

    /** A system the user may see, or 404. */
    public SystemRow visible(CurrentUser user, String systemId) {
        if (systemId == null || !SYSTEM_ID.matcher(systemId).matches()) {
            throw ApiProblem.notFound("/api/v1/systems/" + (systemId == null ? "" : systemId.substring(0, Math.min(64, systemId.length()))));
        }
        return systems.find(systemId).filter(s -> user.sees(s.organisationId()))
                .orElseThrow(() -> ApiProblem.notFound("/api/v1/systems/" + systemId));
    }

    /** A system with its latest revision's decision. */
    public SystemView get(CurrentUser user, String systemId) {
        SystemRow s = visible(user, systemId);
        RevisionRow r = systems.revision(systemId, s.revision()).orElseThrow();
        return new SystemView(s.id(), s.profileId(), s.name(), s.organisation(), s.revision(), s.classification(), s.escalation(),
                r.guidelineVersion(), r.overlay(), s.createdAt(), s.createdBy(), s.updatedAt(), s.updatedBy(), r.auditSeq(),
                Governance.toJson(decision(r)));
    }

    /** A revision's decision, read back from the audit chain. */
    public Decision decision(RevisionRow r) {
        return chain.decision(r.organisationId(), r.auditSeq());
    }

    /** A revision the user may see (its latest when {@code revision} is null), or 404. */
    public RevisionRow revision(CurrentUser user, String systemId, Integer revision) {
        SystemRow s = visible(user, systemId);
        int n = revision == null ? s.revision() : revision;
        return systems.revision(systemId, n)
                .orElseThrow(() -> ApiProblem.notFound("/api/v1/systems/" + systemId + "?revision=" + n));
    }

    /** The systems the user may see, filtered, one page at a time. */
    public SystemPage list(CurrentUser user, String organisation, String classification, Boolean escalation, int page, int size) {
        Long organisationId = user.role().readsEveryOrganisation() ? null : user.organisationId();
        if (organisation != null) {
            Long named = users.organisationNamed(organisation).orElse(-1L);
            if (organisationId != null && !organisationId.equals(named)) {
                return new SystemPage(List.of(), page, size, 0);
            }
            organisationId = named;
        }
        Filter filter = new Filter(organisationId, classification, escalation);
        List<SystemSummary> items = systems.list(filter, page, size).stream()
                .map(s -> new SystemSummary(s.id(), s.profileId(), s.name(), s.organisation(), s.revision(), s.classification(),
                        s.escalation(), s.updatedAt(), s.updatedBy()))
                .toList();
        return new SystemPage(items, page, size, systems.count(filter));
    }

    /** Every revision of a system, the latest first, one page at a time, each with its decision. */
    public History history(CurrentUser user, String systemId, int page, int size) {
        SystemRow s = visible(user, systemId);
        List<RevisionView> revisions = systems.revisions(systemId, page, size).stream()
                .map(r -> new RevisionView(r.revision(), r.recordedAt(), r.recordedBy(), r.guidelineVersion(), r.overlay(),
                        r.classification(), r.escalation(), r.decisionId(), r.auditSeq(), Governance.toJson(decision(r))))
                .toList();
        return new History(systemId, revisions, page, size, s.revision());
    }
}
