package io.github.aigov.governance.server.assess;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.server.api.ApiDocs;
import io.github.aigov.governance.server.problems.Languages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/assess}: a decision for a profile, stored nowhere. */
@RestController
@RequestMapping("/api/v1")
public class AssessController {
    private final Engines engines;
    private final ProfileBodies bodies;

    public AssessController(Engines engines, ProfileBodies bodies) {
        this.engines = engines;
        this.bodies = bodies;
    }

    @Operation(summary = "Assess a profile", description = "The decision record for a project profile (JSON, or YAML "
            + "with Content-Type application/yaml), byte for byte what `./governance assess --format json` prints for it "
            + "(decision id and time aside). Nothing is stored.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(ref = ApiDocs.PROFILE)),
                    @Content(mediaType = ProfileBodies.YAML, schema = @Schema(ref = ApiDocs.PROFILE))}))
    @ApiResponse(responseCode = "200", description = "The decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(ref = ApiDocs.DECISION)))
    @PostMapping(path = "/assess", consumes = {MediaType.APPLICATION_JSON_VALUE, ProfileBodies.YAML},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<byte[]> assess(
            @Parameter(description = "The guideline version, e.g. 2.0 (default: the overlay's, or the latest)")
            @RequestParam(required = false) String version,
            @Parameter(description = "A named overlay stored on the server") @RequestParam(required = false) String overlay,
            @Parameter(description = "The language of problems: ja or en (default: Accept-Language, else ja)")
            @RequestParam(required = false) String lang,
            HttpServletRequest request) throws IOException {
        Languages.require(lang, request);
        Engines.Choice choice = new Engines.Choice(version, overlay);
        var engine = engines.engine(choice);
        ProjectProfile profile = bodies.read(request);
        Decision decision = engine.assess(profile);
        String json = Governance.toJson(decision);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body((json.endsWith("\n") ? json : json + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
