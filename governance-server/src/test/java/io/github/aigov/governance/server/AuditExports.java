package io.github.aigov.governance.server;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.audit.AuditStore;
import io.github.aigov.governance.audit.AuditVerification;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** An exported audit chain checked by the library, as {@code ./governance audit verify} checks the file. */
final class AuditExports {
    private AuditExports() {
    }

    static AuditVerification verify(byte[] jsonLines) {
        String text = new String(jsonLines, StandardCharsets.UTF_8);
        List<String> lines = text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
        AuditStore store = new AuditStore() {
            @Override
            public void append(String line) {
                throw new UnsupportedOperationException("an export is read only");
            }

            @Override
            public List<String> lines() {
                return lines;
            }

            @Override
            public boolean endsCleanly() {
                return text.isEmpty() || text.endsWith("\n");
            }

            @Override
            public String name() {
                return "export.jsonl";
            }
        };
        return Governance.auditLog(store).verify();
    }
}
