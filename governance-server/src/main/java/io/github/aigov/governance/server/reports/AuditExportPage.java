package io.github.aigov.governance.server.reports;

import io.github.aigov.governance.server.audit.AuditChain;
import io.github.aigov.governance.server.audit.AuditController;
import io.github.aigov.governance.server.pages.Page;
import io.github.aigov.governance.server.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The organisation's audit chain to download from the pages (the API's export, for a browser
 * session): the file {@code ./governance audit verify} checks. The Digital Agency exports through
 * the API, naming the organisation.
 */
@Page
public class AuditExportPage {
    private final AuditChain chain;

    public AuditExportPage(AuditChain chain) {
        this.chain = chain;
    }

    @GetMapping("/audit/export")
    public void export(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        response.setContentType(AuditController.JSON_LINES + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("audit-" + user.organisation() + ".jsonl", StandardCharsets.UTF_8).build().toString());
        chain.export(user.organisationId(), response.getOutputStream());
    }
}
