package io.github.aigov.governance.audit;

import io.github.aigov.governance.Problem;
import java.util.List;

/**
 * The result of checking a whole audit log. {@code intact} only when every record is in place,
 * unaltered, in order and complete; otherwise {@code problems} names the first record that was
 * altered, removed, inserted, reordered or torn, with its line.
 */
public record AuditVerification(boolean intact, long records, List<Problem> problems) {
    public AuditVerification {
        problems = List.copyOf(problems);
    }
}
