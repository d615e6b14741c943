package io.github.aigov.governance;

import java.util.List;
import java.util.Objects;

/**
 * One of the ministry's own duties for the project, beyond what its specifications and contract
 * contain: periodic verification after go-live, risk cases reported to the CAIO, the list of uses
 * reported to the Digital Agency, and the like. Decided by rules, as checklist items are.
 *
 * @param id     the obligation's id, e.g. {@code DUTY-PERIODIC-VERIFICATION}
 * @param sheet  the obligation sheet's id, e.g. {@code OBLIGATIONS}
 * @param group  the group within the sheet
 * @param status {@link ItemStatus#REQUIRED} when the duty applies to the project, {@link ItemStatus#NOT_APPLICABLE}
 *               when it does not (out of scope), or {@link ItemStatus#RECOMMENDED}
 * @param roles  who acts, in the order the definition names them
 * @param timing when the duty falls due
 * @param reason the rule that decided the status
 * @param source where the obligation itself is defined
 */
public record ObligationResult(String id, String sheet, String group, ItemStatus status, List<Role> roles, Timing timing,
                               Reason reason, SourceRef source) {
    public ObligationResult {
        Objects.requireNonNull(roles, "roles");
        roles = List.copyOf(roles);
    }
}
