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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit/export}: an organisation's audit chain, for {@code ./governance audit verify}. */
@RestController
public class AuditController {
    public static final String JSON_LINES = "application/jsonl";

    public static final String PEM = "application/x-pem-file";

    private final AuditChain chain;
    private final UserService users;
    private final ServerSigningKey signingKey;

    public AuditController(AuditChain chain, UserService users, ServerSigningKey signingKey) {
        this.chain = chain;
        this.users = users;
        this.signingKey = signingKey;
    }

    @Operation(summary = "The audit signing key's public half", description = "The Ed25519 public key every record "
            + "of the exported chains is signed with, as a PEM `PUBLIC KEY` block (X.509), the file "
            + "`./governance audit verify --public-key` takes. Its key id (`sha256:` and the hex SHA-256 of the key) "
            + "is the `signer` of each line and is also sent in the `Audit-Key-Id` header.")
    @ApiResponse(responseCode = "200", description = "The public key",
            content = @Content(mediaType = PEM, schema = @Schema(type = "string")))
    @GetMapping(path = "/api/v1/audit/public-key", produces = PEM)
    public ResponseEntity<byte[]> publicKey(@RequestParam(required = false) String lang, HttpServletRequest request) {
        Languages.require(lang, request);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(PEM))
                .header("Audit-Key-Id", signingKey.key().keyId())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("governance-audit.pub").build().toString())
                .body(signingKey.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
    }

    @Operation(summary = "Export the audit chain", description = "The organisation's audit records as JSON Lines, in "
            + "order, every stored decision in the chain, each line signed with the service's key (see "
            + "`/api/v1/audit/public-key`): the file `./governance audit verify --public-key` checks. CAIO and AUDITOR "
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
