package io.github.aigov.governance.server.api;

import io.github.aigov.governance.server.assess.Engines;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/health}: answers without a login, for load balancers and the people who start the service. */
@RestController
public class HealthController {
    private final Engines engines;
    private final WarmUp warmUp;

    public HealthController(Engines engines, WarmUp warmUp) {
        this.engines = engines;
        this.warmUp = warmUp;
    }

    /** The service is up, with what it can assess, and whether it has warmed up. */
    public record Health(String status, boolean ready, List<String> guidelineVersions) {
    }

    @Operation(summary = "Health", description = "200 when the service is up, `ready` once it has warmed up. No login needed.")
    @GetMapping(path = "/api/v1/health", produces = MediaType.APPLICATION_JSON_VALUE)
    public Health health() {
        return new Health("UP", warmUp.ready(), engines.versions());
    }

    @Operation(summary = "Readiness", description = "200 once the service has warmed up (`serve --warm-up`), 503 before: "
            + "what a load balancer waits for before it sends requests. No login needed.")
    @ApiResponse(responseCode = "200", description = "Ready",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Health.class)))
    @ApiResponse(responseCode = "503", description = "Still warming up",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Health.class)))
    @GetMapping(path = "/api/v1/health/ready", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Health> ready() {
        Health h = health();
        return ResponseEntity.status(h.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(h);
    }
}
