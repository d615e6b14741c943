package io.github.aigov.governance.server.revision;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionDiff;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.server.assess.Engines;
import io.github.aigov.governance.server.pages.FormRefusal;
import io.github.aigov.governance.server.pages.Rows;
import io.github.aigov.governance.server.pages.Texts;
import io.github.aigov.governance.server.problems.ApiProblem;
import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.systems.GuidelineChoices;
import io.github.aigov.governance.server.systems.SystemRepository;
import io.github.aigov.governance.server.systems.SystemRepository.RevisionRow;
import io.github.aigov.governance.server.systems.SystemRepository.SystemRow;
import io.github.aigov.governance.server.systems.SystemService;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A revision of the guideline for a whole organisation: the CAIO chooses another guideline version
 * or a named overlay, sees before applying it which systems change and why (the library's
 * {@link Governance#diff}, for each group of systems assessed with the same definitions today), and
 * applies it: every system not already on it is re-assessed, in the background, each as a new
 * revision in the chain. The job's progress is kept in the database, so its page survives a reload;
 * a job cut short by a restart is marked interrupted, and running it again re-assesses only the
 * systems not yet on the target.
 */
@Service
public class GuidelineRevisionService {
    private static final Logger LOG = LoggerFactory.getLogger(GuidelineRevisionService.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final JdbcClient jdbc;
    private final SystemRepository repository;
    private final SystemService systems;
    private final Engines engines;
    private final GuidelineChoices choices;
    private final Texts texts;
    private final TransactionTemplate transactions;
    /** One job at a time on this node; each job re-assesses its systems one after the other. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "guideline-revision");
        t.setDaemon(true);
        return t;
    });

    public GuidelineRevisionService(JdbcClient jdbc, SystemRepository repository, SystemService systems, Engines engines,
                                    GuidelineChoices choices, Texts texts, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.systems = systems;
        this.engines = engines;
        this.choices = choices;
        this.texts = texts;
        this.transactions = transactions;
    }

    /** Where a job stands. */
    public enum State { RUNNING, DONE, INTERRUPTED }

    /** A system's change: its classification now and with the target, and why (the library's lines). */
    public record Impact(String systemId, String name, String from, String to, List<String> differences, List<String> problems) {
        public boolean changed() {
            return !differences.isEmpty();
        }
    }

    /** Systems assessed today with one set of definitions, and what the target changes for them. */
    public record Group(String from, List<String> definitionChanges, List<Impact> impacts) {
    }

    /** The preview: each group, and the systems already on the target (not re-assessed). */
    public record Preview(GuidelineChoices.Choice target, List<Group> groups, List<String> alreadyOnTarget, int toReassess, int changing) {
    }

    public record Job(String id, String target, State state, int total, int done, int changed, int failed, Instant requestedAt,
                      String requestedBy, Instant finishedAt) {
        public int percent() {
            return total == 0 ? 100 : (int) (100L * done / total);
        }
    }

    public record Result(String systemId, String name, int beforeRevision, Integer afterRevision, String before, String after,
                         String problem) {
    }

    /** What applying the target would change, system by system. */
    public Preview preview(CurrentUser user, String target) {
        GuidelineChoices.Choice choice = target(target);
        GovernanceEngine to = engines.engine(choice.choice());
        Map<String, List<Current>> byDefinitions = new LinkedHashMap<>();
        List<String> already = new ArrayList<>();
        for (Current c : current(user)) {
            if (onTarget(c.revision(), choice)) {
                already.add(c.system().name());
            } else {
                byDefinitions.computeIfAbsent(GuidelineChoices.valueOf(c.revision().guidelineVersion(), c.revision().overlay()),
                        k -> new ArrayList<>()).add(c);
            }
        }
        List<Group> groups = new ArrayList<>();
        int total = 0;
        int changing = 0;
        for (Map.Entry<String, List<Current>> e : byDefinitions.entrySet()) {
            List<Current> members = e.getValue();
            RevisionRow first = members.get(0).revision();
            GovernanceEngine from;
            try {
                from = engines.engine(first.guidelineVersion(), first.overlay());
            } catch (ApiProblem gone) {
                from = engines.engine(first.guidelineVersion(), null);
            }
            // Profiles the target refuses are shown with their problems; the diff takes the others.
            List<Current> fit = new ArrayList<>();
            Map<String, List<String>> refused = new LinkedHashMap<>();
            for (Current c : members) {
                try {
                    to.assess(c.profile());
                    fit.add(c);
                } catch (GovernanceException x) {
                    refused.put(c.system().id(), x.problems().stream().map(this::problem).toList());
                }
            }
            DefinitionDiff diff = Governance.diff(from, to, fit.stream().map(Current::profile).toList());
            List<String> changes = diff.changes().stream().map(this::change).toList();
            List<Impact> impacts = new ArrayList<>();
            for (int i = 0; i < fit.size(); i++) {
                DefinitionDiff.ProfileImpact impact = diff.impacts().get(i);
                Current c = fit.get(i);
                impacts.add(new Impact(c.system().id(), c.system().name(), label(impact.fromClassification().name()),
                        label(impact.toClassification().name()), impact.differences().stream().map(texts::render).toList(), List.of()));
            }
            for (Current c : members) {
                if (refused.containsKey(c.system().id())) {
                    impacts.add(new Impact(c.system().id(), c.system().name(), label(c.revision().classification()), "", List.of(),
                            refused.get(c.system().id())));
                }
            }
            total += members.size();
            changing += (int) impacts.stream().filter(i -> i.changed() || !i.problems().isEmpty()).count();
            groups.add(new Group(choices.find(e.getKey()).map(GuidelineChoices.Choice::label).orElse(e.getKey()), changes, impacts));
        }
        return new Preview(choice, groups, already, total, changing);
    }

    /** Starts re-assessing every system of the organisation not already on the target; refused while another job runs. */
    public String start(CurrentUser user, String target) {
        GuidelineChoices.Choice choice = target(target);
        List<Current> todo = current(user).stream().filter(c -> !onTarget(c.revision(), choice)).toList();
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("SELECT id FROM organisations WHERE id = ? FOR UPDATE").param(user.organisationId()).query(Long.class).single();
            boolean running = jdbc.sql("SELECT COUNT(*) FROM reassessments WHERE organisation_id = ? AND state = 'RUNNING'")
                    .param(user.organisationId()).query(Long.class).single() > 0;
            new FormRefusal.Check().require(!running, "target", "revision.error.running").done();
            jdbc.sql("""
                    INSERT INTO reassessments (id, organisation_id, target_version, target_overlay, state, total, done, changed, failed,
                                               requested_at, requested_by)
                    VALUES (?, ?, ?, ?, 'RUNNING', ?, 0, 0, 0, ?, ?)""")
                    .params(id, user.organisationId(), choice.choice().version(), choice.choice().overlay(), todo.size(), Rows.utc(now),
                            user.id())
                    .update();
            for (Current c : todo) {
                jdbc.sql("INSERT INTO reassessment_results (job_id, system_id, before_revision, before_class) VALUES (?, ?, ?, ?)")
                        .params(id, c.system().id(), c.revision().revision(), c.revision().classification()).update();
            }
        });
        worker.submit(() -> run(user, id, choice));
        return id;
    }

    private void run(CurrentUser user, String jobId, GuidelineChoices.Choice choice) {
        try {
            List<String[]> todo = jdbc.sql("SELECT system_id, before_revision FROM reassessment_results WHERE job_id = ? AND after_revision IS NULL AND problem IS NULL")
                    .param(jobId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
            for (String[] t : todo) {
                String systemId = t[0];
                int before = Integer.parseInt(t[1]);
                String problem = null;
                Integer after = null;
                String afterClass = null;
                try {
                    RevisionRow r = repository.revision(systemId, before).orElseThrow();
                    ProjectProfile profile = systems.decision(r).profile();
                    var view = systems.revise(user, systemId, profile, choice.choice(), before);
                    after = view.revision();
                    afterClass = view.classification();
                } catch (GovernanceException e) {
                    problem = both(e.problems());
                } catch (ApiProblem e) {
                    problem = both(e.problems());
                }
                boolean changed = afterClass != null && !afterClass.equals(jdbc.sql(
                        "SELECT before_class FROM reassessment_results WHERE job_id = ? AND system_id = ?")
                        .params(jobId, systemId).query(String.class).single());
                Integer a = after;
                String ac = afterClass;
                String p = problem;
                transactions.executeWithoutResult(tx -> {
                    jdbc.sql("UPDATE reassessment_results SET after_revision = ?, after_class = ?, problem = ? WHERE job_id = ? AND system_id = ?")
                            .params(a, ac, p, jobId, systemId).update();
                    jdbc.sql("UPDATE reassessments SET done = done + 1, changed = changed + ?, failed = failed + ? WHERE id = ?")
                            .params(changed ? 1 : 0, p != null ? 1 : 0, jobId).update();
                });
            }
            finish(jobId, State.DONE);
        } catch (RuntimeException e) {
            LOG.error("guideline revision {} stopped", jobId, e);
            finish(jobId, State.INTERRUPTED);
        }
    }

    private void finish(String jobId, State state) {
        jdbc.sql("UPDATE reassessments SET state = ?, finished_at = ? WHERE id = ?").params(state.name(), Rows.utc(Instant.now()), jobId)
                .update();
    }

    /** A job cut short (the server stopped while it ran) is marked interrupted when the server starts again. */
    @EventListener(ApplicationReadyEvent.class)
    public void interruptedAtStart() {
        int n = jdbc.sql("UPDATE reassessments SET state = 'INTERRUPTED', finished_at = ? WHERE state = 'RUNNING'")
                .param(Rows.utc(Instant.now())).update();
        if (n > 0) {
            LOG.warn("{} guideline revision(s) were cut short by a restart; run them again to finish", n);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** The organisation's jobs, the latest first. */
    public List<Job> jobs(CurrentUser user) {
        return jdbc.sql(JOB + " WHERE j.organisation_id = ? ORDER BY j.requested_at DESC FETCH FIRST 20 ROWS ONLY")
                .param(user.organisationId()).query(this::job).list();
    }

    /** A job of the user's organisation, or 404. */
    public Job job(CurrentUser user, String jobId) {
        if (jobId == null || !ID.matcher(jobId).matches()) {
            throw ApiProblem.notFound("/revision/jobs");
        }
        return jdbc.sql(JOB + " WHERE j.id = ? AND j.organisation_id = ?").params(jobId, user.organisationId()).query(this::job)
                .optional().orElseThrow(() -> ApiProblem.notFound("/revision/jobs/" + jobId));
    }

    public List<Result> results(String jobId) {
        Locale locale = Texts.locale();
        return jdbc.sql("""
                SELECT r.system_id, s.name, r.before_revision, r.after_revision, r.before_class, r.after_class, r.problem
                FROM reassessment_results r JOIN systems s ON s.id = r.system_id WHERE r.job_id = ? ORDER BY s.name""")
                .param(jobId)
                .query((rs, n) -> new Result(rs.getString(1), rs.getString(2), rs.getInt(3), Rows.integer(rs, "after_revision"),
                        label(rs.getString(5)), rs.getString(6) == null ? "" : label(rs.getString(6)), pick(rs.getString(7), locale)))
                .list();
    }

    private static final String JOB = """
            SELECT j.id, j.target_version, j.target_overlay, j.state, j.total, j.done, j.changed, j.failed, j.requested_at,
                   u.name AS requested_by, j.finished_at
            FROM reassessments j JOIN users u ON u.id = j.requested_by""";

    private Job job(ResultSet rs, int n) throws SQLException {
        String overlay = rs.getString("target_overlay");
        String version = rs.getString("target_version");
        String target = overlay != null ? texts.text("choice.overlay", overlay, version) : texts.text("choice.version", version);
        return new Job(rs.getString("id"), target, State.valueOf(rs.getString("state")), rs.getInt("total"), rs.getInt("done"),
                rs.getInt("changed"), rs.getInt("failed"), Rows.instant(rs, "requested_at"), rs.getString("requested_by"),
                Rows.instant(rs, "finished_at"));
    }

    /** A system now: its latest revision and the profile it was assessed with. */
    private record Current(SystemRow system, RevisionRow revision, ProjectProfile profile) {
    }

    private List<Current> current(CurrentUser user) {
        List<Current> all = new ArrayList<>();
        for (SystemRow s : repository.list(new SystemRepository.Filter(user.organisationId(), null, null), 0, 5_000)) {
            RevisionRow r = repository.revision(s.id(), s.revision()).orElseThrow();
            Decision d = systems.decision(r);
            all.add(new Current(s, r, d.profile()));
        }
        return all;
    }

    private static boolean onTarget(RevisionRow r, GuidelineChoices.Choice target) {
        return r.guidelineVersion().equals(target.choice().version()) && java.util.Objects.equals(r.overlay(), target.choice().overlay());
    }

    private GuidelineChoices.Choice target(String value) {
        Optional<GuidelineChoices.Choice> c = choices.find(value);
        new FormRefusal.Check().require(c.isPresent(), "target", "revision.error.target").done();
        return c.get();
    }

    private String label(String classification) {
        return texts.text("reports.classification." + classification);
    }

    private String change(DefinitionDiff.Change c) {
        String details = c.details().stream().map(texts::render).collect(Collectors.joining(texts.text("regular.status.separator")));
        return texts.text("revision.change." + c.kind().name(), texts.text("diff.category." + c.category()), c.id())
                + (details.isEmpty() ? "" : texts.text("revision.change.details", details));
    }

    private String problem(Problem p) {
        return p.code().id() + " " + texts.render(p.message());
    }

    /** A problem in both languages, kept with a job's result and shown in the reader's. */
    private static String both(List<Problem> problems) {
        Problem p = problems.get(0);
        String ja = p.code().id() + " " + Messages.render(p.message(), Locale.JAPANESE);
        String en = p.code().id() + " " + Messages.render(p.message(), Locale.ENGLISH);
        String text = ja + "\u001E" + en;
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static String pick(String both, Locale locale) {
        if (both == null) {
            return null;
        }
        int sep = both.indexOf('\u001E');
        return sep < 0 ? both : "ja".equals(locale.getLanguage()) ? both.substring(0, sep) : both.substring(sep + 1);
    }
}
