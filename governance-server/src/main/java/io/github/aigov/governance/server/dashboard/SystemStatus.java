package io.github.aigov.governance.server.dashboard;

import io.github.aigov.governance.server.riskcases.RiskCaseService;
import io.github.aigov.governance.server.verification.VerificationService;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One system's standing, as the dashboard and the regular report show it: the computed decision of
 * its latest revision beside the CAIO's determination, the board's advice, the open required items,
 * risk cases and periodic verification.
 *
 * @param determined    the CAIO's classification of the latest revision ({@code null}: not determined)
 * @param adviceOn      the date of the board's advice on the latest revision ({@code null}: none)
 * @param openRequired  REQUIRED items of the latest revision without an answer or a mark
 */
public record SystemStatus(String id, String organisation, String profileId, String name, int revision, String guidelineVersion,
                           String overlay, String computed, String determined, String justification, boolean escalation,
                           LocalDate adviceOn, int required, int openRequired, RiskCaseService.Counts riskCases,
                           VerificationService.Status verification, Instant updatedAt, String updatedBy) {

    /** The classification that holds: the CAIO's, else the computed one. */
    public String holding() {
        return determined != null ? determined : computed;
    }

    /** Whether the board's advice is awaited: escalated and no advice on the latest revision. */
    public boolean adviceAwaited() {
        return (escalation || "HIGH".equals(determined)) && adviceOn == null;
    }
}
