package io.github.aigov.governance.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /api/v1/openapi.json}): what springdoc reads from the controllers,
 * plus the library's own JSON Schemas for what the library writes and reads (the decision record
 * and the project profile), taken from the {@code checklists} jar so the document cannot drift from
 * them, and bearer-token security on every operation but health.
 */
@Configuration
public class ApiDocs {
    public static final String DECISION = "#/components/schemas/Decision";
    public static final String PROFILE = "#/components/schemas/ProjectProfile";
    public static final String PROBLEM = "#/components/schemas/Problem";
    static final String BEARER = "bearer";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    OpenApiCustomizer libraryDocs() {
        return api -> {
            api.info(new Info().title("DS-920 governance service").version("v1")
                    .description("Assessments of generative-AI systems against DS-920, a ministry's inventory of them, "
                            + "their papers and the audit chain. Every endpoint but health needs `Authorization: Bearer TOKEN`."));
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            api.components(components);
            components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"));
            Map<String, JsonNode> schemas = new LinkedHashMap<>();
            load("decision-record", "Decision", schemas);
            load("project-profile", "ProjectProfile", schemas);
            schemas.put("Problem", read("/io/github/aigov/governance/server/api/problem.schema.json"));
            schemas.put("Texts", read("/io/github/aigov/governance/server/api/texts.schema.json"));
            schemas.forEach((name, node) -> components.addSchemas(name, toSchema(node)));
            // A decision is embedded as the library writes it (raw JSON): its schema is the library's, not a string.
            for (String holder : java.util.List.of("System", "Revision")) {
                Schema<?> s = components.getSchemas().get(holder);
                if (s != null && s.getProperties() != null && s.getProperties().containsKey("decision")) {
                    s.getProperties().put("decision", new Schema<>().$ref(DECISION));
                }
            }
            // Every refusal is a problem: 'default' covers each status an operation can refuse with.
            io.swagger.v3.oas.models.responses.ApiResponse problem = new io.swagger.v3.oas.models.responses.ApiResponse()
                    .description("Refused: problem details (RFC 9457) with the library's problems")
                    .content(new io.swagger.v3.oas.models.media.Content().addMediaType("application/problem+json",
                            new io.swagger.v3.oas.models.media.MediaType().schema(new Schema<>().$ref(PROBLEM))));
            api.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> {
                if (!path.startsWith("/api/v1/health")) {
                    op.addSecurityItem(new SecurityRequirement().addList(BEARER));
                }
                op.getResponses().addApiResponse("default", problem);
            }));
        };
    }

    private static Schema<?> toSchema(JsonNode node) {
        try {
            return Json31.mapper().readValue(node.toString(), Schema.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A shipped schema as components: its {@code $defs} beside it as {@code Name_def}, references rewritten. */
    private static void load(String file, String name, Map<String, JsonNode> into) {
        if (into.containsKey(name)) {
            return;
        }
        ObjectNode root = (ObjectNode) read("/schemas/" + file + ".schema.json");
        root.remove("$schema");
        root.remove("$id");
        JsonNode defs = root.remove("$defs");
        into.put(name, root);
        if (defs != null) {
            defs.fields().forEachRemaining(e -> into.put(name + "_" + e.getKey(), e.getValue()));
        }
        rewrite(root, name, into);
        if (defs != null) {
            defs.forEach(d -> rewrite(d, name, into));
        }
    }

    private static void rewrite(JsonNode node, String name, Map<String, JsonNode> into) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
                    String ref = e.getValue().asText();
                    int hash = ref.indexOf("#/$defs/");
                    String other = name;
                    if (hash > 0) {
                        String file = ref.substring(0, hash).replace(".schema.json", "");
                        other = componentName(file);
                        load(file, other, into);
                    }
                    e.setValue(new TextNode("#/components/schemas/" + other + "_" + ref.substring(hash + 8)));
                } else {
                    rewrite(e.getValue(), name, into);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(n -> rewrite(n, name, into));
        }
    }

    private static String componentName(String file) {
        StringBuilder s = new StringBuilder();
        for (String part : file.split("-")) {
            s.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return s.toString();
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
