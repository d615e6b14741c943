package io.github.aigov.governance.server.audit;

import io.github.aigov.governance.server.problems.ApiProblem;
import io.github.aigov.governance.server.problems.Languages;
import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.users.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit/export}: an organisation's audit chain, for {@code ./governance audit verify}. */
@RestController
public class AuditController {
    public static final String JSON_LINES = "application/jsonl";

    private final AuditChain chain;
    private final UserService users;

    public AuditController(AuditChain chain, UserService users) {
        this.chain = chain;
        this.users = users;
    }

    @Operation(summary = "Export the audit chain", description = "The organisation's audit records as JSON Lines, in "
            + "order, every stored decision in the chain: the file `./governance audit verify` checks. CAIO and AUDITOR "
            + "export their own organisation's; DIGITAL_AGENCY names the organisation.")
    @ApiResponse(responseCode = "200", description = "One hash-chained record per line",
            content = @Content(mediaType = JSON_LINES, schema = @Schema(type = "string")))
    @GetMapping(path = "/api/v1/audit/export", produces = JSON_LINES)
    public void export(@AuthenticationPrincipal CurrentUser user,
            @Parameter(description = "The organisation (default and only choice for CAIO and AUDITOR: their own)")
            @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String lang, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Languages.require(lang, request);
        long organisationId;
        String name;
        if (organisation == null || (!user.role().readsEveryOrganisation() && organisation.equals(user.organisation()))) {
            organisationId = user.organisationId();
            name = user.organisation();
        } else if (user.role().readsEveryOrganisation()) {
            organisationId = users.organisationNamed(organisation)
                    .orElseThrow(() -> ApiProblem.notFound("?organisation=" + organisation));
            name = organisation;
        } else {
            throw ApiProblem.notFound("?organisation=" + organisation);
        }
        // Streamed as it is read, on this request's thread (and security context), never whole in memory.
        response.setContentType(JSON_LINES + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("audit-" + name + ".jsonl", StandardCharsets.UTF_8).build().toString());
        chain.export(organisationId, response.getOutputStream());
    }
}
