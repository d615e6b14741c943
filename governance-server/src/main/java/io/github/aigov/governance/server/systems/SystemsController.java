package io.github.aigov.governance.server.systems;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.server.api.ApiDocs;
import io.github.aigov.governance.server.assess.Engines;
import io.github.aigov.governance.server.assess.ProfileBodies;
import io.github.aigov.governance.server.problems.ApiProblem;
import io.github.aigov.governance.server.problems.Languages;
import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.systems.SystemViews.History;
import io.github.aigov.governance.server.systems.SystemViews.SystemPage;
import io.github.aigov.governance.server.systems.SystemViews.SystemView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The inventory's endpoints: thin, each checks its parameters and calls {@link SystemService}. */
@RestController
@RequestMapping(path = "/api/v1/systems", produces = MediaType.APPLICATION_JSON_VALUE)
public class SystemsController {
    static final int MAX_PAGE_SIZE = 200;

    private final SystemService systems;
    private final ProfileBodies bodies;

    public SystemsController(SystemService systems, ProfileBodies bodies) {
        this.systems = systems;
        this.bodies = bodies;
    }

    @Operation(summary = "Register a system", description = "Registers a system of the user's organisation from its "
            + "profile (JSON, or YAML with Content-Type application/yaml), assesses it and stores revision 1 with its "
            + "decision in the audit chain. OFFICER and CAIO only.",
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(ref = ApiDocs.PROFILE)),
                    @Content(mediaType = ProfileBodies.YAML, schema = @Schema(ref = ApiDocs.PROFILE))}))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Registered: the system, with its decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SystemView.class)))
    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, ProfileBodies.YAML})
    public ResponseEntity<SystemView> register(@AuthenticationPrincipal CurrentUser user,
            @Parameter(description = "The guideline version (default: the overlay's, or the latest)") @RequestParam(required = false) String version,
            @Parameter(description = "A named overlay stored on the server") @RequestParam(required = false) String overlay,
            @Parameter(description = "The language of problems: ja or en") @RequestParam(required = false) String lang,
            HttpServletRequest request) throws IOException {
        Languages.require(lang, request);
        SystemView view = systems.register(user, bodies.read(request), new Engines.Choice(version, overlay));
        return ResponseEntity.created(URI.create("/api/v1/systems/" + view.id())).body(view);
    }

    @Operation(summary = "List systems", description = "The systems the user may see (its organisation's; every "
            + "organisation's for DIGITAL_AGENCY), oldest first, filtered and paged.")
    @GetMapping
    public SystemPage list(@AuthenticationPrincipal CurrentUser user,
            @Parameter(description = "Only this organisation's") @RequestParam(required = false) String organisation,
            @Parameter(description = "Only this classification", schema = @Schema(allowableValues = {"LOW", "MEDIUM", "HIGH", "OUT_OF_SCOPE"}))
            @RequestParam(required = false) String classification,
            @Parameter(description = "Only those whose decision requires (true) or does not require (false) escalation")
            @RequestParam(required = false) Boolean escalation,
            @Parameter(description = "The page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Systems per page, 1 to 200") @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String lang, HttpServletRequest request) {
        Languages.require(lang, request);
        if (classification != null && Arrays.stream(Classification.values()).noneMatch(c -> c.name().equals(classification))) {
            throw ApiProblem.badParameter("classification", classification,
                    Arrays.stream(Classification.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
        checkPage(page, size);
        return systems.list(user, organisation, classification, escalation, page, size);
    }

    static void checkPage(int page, int size) {
        if (page < 0 || page > 1_000_000) {
            throw ApiProblem.badParameter("page", String.valueOf(page), "0 … 1000000");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.badParameter("size", String.valueOf(size), "1 … " + MAX_PAGE_SIZE);
        }
    }

    @Operation(summary = "A system", description = "The system with its latest revision's decision.")
    @GetMapping("/{id}")
    public SystemView get(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                          @RequestParam(required = false) String lang, HttpServletRequest request) {
        Languages.require(lang, request);
        return systems.get(user, id);
    }

    @Operation(summary = "Revise a system's profile", description = "Stores a new revision from the revised profile "
            + "(its id must stay the same), assessed, with its decision in the audit chain. OFFICER and CAIO only.",
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(ref = ApiDocs.PROFILE)),
                    @Content(mediaType = ProfileBodies.YAML, schema = @Schema(ref = ApiDocs.PROFILE))}))
    @PutMapping(path = "/{id}/profile", consumes = {MediaType.APPLICATION_JSON_VALUE, ProfileBodies.YAML})
    public SystemView revise(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
            @Parameter(description = "The guideline version (default: the overlay's, or the latest)") @RequestParam(required = false) String version,
            @Parameter(description = "A named overlay stored on the server") @RequestParam(required = false) String overlay,
            @RequestParam(required = false) String lang, HttpServletRequest request) throws IOException {
        Languages.require(lang, request);
        systems.visible(user, id);
        return systems.revise(user, id, bodies.read(request), new Engines.Choice(version, overlay));
    }

    @Operation(summary = "A system's history", description = "Every revision, the latest first, each with its decision and who recorded it.")
    @GetMapping("/{id}/history")
    public History history(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
            @Parameter(description = "The page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Revisions per page, 1 to 200") @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String lang, HttpServletRequest request) {
        Languages.require(lang, request);
        checkPage(page, size);
        return systems.history(user, id, page, size);
    }
}
