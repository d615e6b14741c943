package io.github.aigov.governance.server.papers;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.reports.Reports;
import io.github.aigov.governance.server.assess.Engines;
import io.github.aigov.governance.server.problems.ApiProblem;
import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.systems.SystemRepository.RevisionRow;
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
        RevisionRow r = systems.revision(user, systemId, revision);
        Decision decision = systems.decision(r);
        try {
            GovernanceEngine engine = engines.engine(r.guidelineVersion(), r.overlay());
            byte[] content = switch (paper) {
                case HTML -> utf8(Reports.html(decision, engine, locale));
                case MARKDOWN -> utf8(Reports.markdown(decision, engine, locale));
                case BOARD_REPORT -> utf8(Reports.boardReport(decision, engine, locale));
                case BOARD_REPORT_HTML -> utf8(Reports.boardReportHtml(decision, engine, locale));
                case XLSX -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    Reports.xlsx(decision, engine, locale, out);
                    yield out.toByteArray();
                }
            };
            return new Written(content, paper, r);
        } catch (GovernanceException e) {
            // The stored decision is fine; what it is asked for is not (no escalation, or changed definitions).
            throw new ApiProblem(e.internal() ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.CONFLICT, e.problems());
        } catch (ApiProblem e) {
            // The revision's overlay is no longer on the server.
            throw new ApiProblem(HttpStatus.CONFLICT, e.problems());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
