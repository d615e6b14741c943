package io.github.aigov.governance.server.papers;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.reports.PaperOptions;
import io.github.aigov.governance.reports.Reports;
import io.github.aigov.governance.server.assess.Engines;
import io.github.aigov.governance.server.problems.ApiProblem;
import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.systems.SystemRepository.RevisionRow;
import io.github.aigov.governance.server.systems.SystemInsights;
import io.github.aigov.governance.server.systems.SystemService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The papers for a stored decision, written by the library with the engine that made it (the
 * revision's guideline version and overlay). A paper the decision does not call for (a board report
 * without escalation), or whose overlay has changed since, is refused with the library's problem.
 */
@Service
public class PaperService {
    private final SystemService systems;
    private final Engines engines;

    public PaperService(SystemService systems, Engines engines) {
        this.systems = systems;
        this.engines = engines;
    }

    /** A paper and the revision it was written for. */
    public record Written(byte[] content, Paper paper, RevisionRow revision) {
    }

    public Written write(CurrentUser user, String systemId, Integer revision, Paper paper, Locale locale) {
        return write(user, systemId, revision, paper, locale, null);
    }

    /**
     * The paper with the references of the crosswalk {@code crosswalk} beside each required item (none when
     * null or blank); a crosswalk the revision's engine does not have is refused (400) with the ones it has.
     */
    public Written write(CurrentUser user, String systemId, Integer revision, Paper paper, Locale locale, String crosswalk) {
        RevisionRow r = systems.revision(user, systemId, revision);
        Decision decision = systems.decision(r);
        GovernanceEngine engine;
        try {
            engine = engines.engine(r.guidelineVersion(), r.overlay());
        } catch (ApiProblem e) {
            // The revision's overlay is no longer on the server.
            throw new ApiProblem(HttpStatus.CONFLICT, e.problems());
        }
        PaperOptions options = crosswalk == null || crosswalk.isBlank() ? PaperOptions.DEFAULT
                : PaperOptions.crosswalks(SystemInsights.require(engine, crosswalk).id());
        try {
            byte[] content = switch (paper) {
                case HTML -> utf8(Reports.html(decision, engine, locale, options));
                case MARKDOWN -> utf8(Reports.markdown(decision, engine, locale, options));
                case BOARD_REPORT -> utf8(Reports.boardReport(decision, engine, locale, options));
                case BOARD_REPORT_HTML -> utf8(Reports.boardReportHtml(decision, engine, locale, options));
                case XLSX -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    Reports.xlsx(decision, engine, locale, options, out);
                    yield out.toByteArray();
                }
            };
            return new Written(content, paper, r);
        } catch (GovernanceException e) {
            // The stored decision is fine; what it is asked for is not (no escalation, or changed definitions).
            throw new ApiProblem(e.internal() ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.CONFLICT, e.problems());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
