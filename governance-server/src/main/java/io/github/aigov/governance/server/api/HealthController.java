package io.github.aigov.governance.server.api;

import io.github.aigov.governance.server.assess.Engines;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/health}: answers without a login, for load balancers and the people who start the service. */
@RestController
public class HealthController {
    private final Engines engines;

    public HealthController(Engines engines) {
        this.engines = engines;
    }

    /** The service is up, with what it can assess. */
    public record Health(String status, List<String> guidelineVersions) {
    }

    @Operation(summary = "Health", description = "200 when the service is up. No login needed.")
    @GetMapping(path = "/api/v1/health", produces = MediaType.APPLICATION_JSON_VALUE)
    public Health health() {
        return new Health("UP", engines.versions());
    }

}
