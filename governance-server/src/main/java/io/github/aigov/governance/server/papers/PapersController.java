package io.github.aigov.governance.server.papers;

import io.github.aigov.governance.server.problems.ApiProblem;
import io.github.aigov.governance.server.problems.Languages;
import io.github.aigov.governance.server.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/systems/{id}/papers/{paper}}: a stored decision's papers, in Japanese or English. */
@RestController
public class PapersController {
    /** The HTML papers run no script and load nothing: a browser that opens one is told so. */
    static final String HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private final PaperService papers;

    public PapersController(PaperService papers) {
        this.papers = papers;
    }

    @Operation(summary = "A paper for a stored decision", description = "html: the printable report; markdown: "
            + "specification and contract text; xlsx: the checklist workbook for the vendor's answers; board-report: the "
            + "draft report to the advisory board (Markdown, or HTML with format=html), only for a decision that requires escalation.")
    @ApiResponse(responseCode = "200", description = "The paper", content = {
            @Content(mediaType = "text/html", schema = @Schema(type = "string")),
            @Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/api/v1/systems/{id}/papers/{paper}")
    public ResponseEntity<byte[]> paper(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
            @Parameter(schema = @Schema(allowableValues = {"html", "markdown", "xlsx", "board-report"})) @PathVariable String paper,
            @Parameter(description = "ja or en (default: Accept-Language, else ja)") @RequestParam(required = false) String lang,
            @Parameter(description = "The revision (default: the latest)") @RequestParam(required = false) Integer revision,
            @Parameter(description = "board-report only: markdown (default) or html") @RequestParam(required = false) String format,
            @Parameter(description = "A crosswalk (eu-ai-act, nist-ai-rmf, ...) whose references are shown beside each required item")
            @RequestParam(required = false) String crosswalk,
            HttpServletRequest request) {
        Locale locale = Languages.require(lang, request);
        if (format != null && !format.equals("markdown") && !format.equals("html")) {
            throw ApiProblem.badParameter("format", format, "markdown, html");
        }
        Paper kind = Paper.of(paper, "html".equals(format))
                .orElseThrow(() -> ApiProblem.badParameter("paper", paper, "html, markdown, xlsx, board-report"));
        PaperService.Written written = papers.write(user, id, revision, kind, locale, crosswalk);
        String file = written.revision().systemId() + "-r" + written.revision().revision() + "-" + kind.path() + "-"
                + locale.getLanguage() + "." + kind.extension();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(kind.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, (kind == Paper.XLSX ? ContentDisposition.attachment()
                        : ContentDisposition.inline()).filename(file).build().toString());
        if (kind.extension().equals("html")) {
            response.header("Content-Security-Policy", HTML_POLICY);
        }
        return response.body(written.content());
    }
}
