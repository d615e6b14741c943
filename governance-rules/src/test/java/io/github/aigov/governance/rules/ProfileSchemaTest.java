package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.Question;
import io.github.aigov.governance.QuestionOption;
import io.github.aigov.governance.Questionnaire;
import io.github.aigov.governance.rules.internal.schema.ProfileSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The profile's JSON Schema is written from the questionnaire of the latest version, so an editor completes
 * every option id with its meaning in both languages: the committed file is exactly what the questionnaire
 * gives. To write it again after changing a questionnaire (or the generator):
 *
 * <pre>
 * mvn -B -o -q -pl governance-rules -am test -Dtest=ProfileSchemaTest -Dsurefire.failIfNoSpecifiedTests=false -Dprofile.schema.refresh=true
 * </pre>
 */
class ProfileSchemaTest {
    static final Path COMMITTED = Path.of("../checklists/src/main/resources/schemas/project-profile.schema.json");
    static final String REFRESH = "mvn -B -o -q -pl governance-rules -am test -Dtest=ProfileSchemaTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dprofile.schema.refresh=true";
    static final GovernanceEngine LATEST = Governance.builder().build();

    @Test
    void theCommittedSchemaIsTheOneTheLatestQuestionnaireGives() throws IOException {
        String generated = ProfileSchema.text(LATEST.questionnaire().orElseThrow());
        if (Boolean.getBoolean("profile.schema.refresh")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("%s is written from the questionnaire; write it again with:%n%s", COMMITTED, REFRESH)
                .isEqualTo(generated);
    }

    /** Every answer the engine accepts is offered, as a const with its meaning in both languages; nothing else. */
    @Test
    void everyAnswerIsAnEnumValueWithItsMeaningInBothLanguages() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(COMMITTED.toFile());
        Questionnaire q = LATEST.questionnaire().orElseThrow();
        JsonNode form = schema.at("/properties/procurement/properties/form");
        assertThat(consts(form.path("oneOf"))).containsExactly(
                Arrays.stream(ProcurementForm.values()).map(Enum::name).toArray(String[]::new));
        for (DefinitionCatalog.Axis axis : LATEST.catalog().axes()) {
            JsonNode options = schema.at("/properties/axes/properties/" + axis.id() + "/anyOf/0/oneOf");
            assertThat(consts(options)).as(axis.id())
                    .containsExactlyElementsOf(axis.options().stream().map(DefinitionCatalog.Option::id).toList());
        }
        assertThat(consts(schema.at("/properties/scope/properties/textGeneration/oneOf"))).containsExactly("true", "false");
        for (Question question : q.questions()) {
            for (QuestionOption o : question.options()) {
                JsonNode node = find(schema, o.value(), question);
                assertThat(node.path("title").asText()).contains(o.meaning().ja()).contains(o.meaning().en());
                assertThat(node.at("/x-ja/title").asText()).isEqualTo(o.meaning().ja());
                assertThat(node.at("/x-en/title").asText()).isEqualTo(o.meaning().en());
                o.examples().forEach(e -> assertThat(node.path("description").asText()).contains(e.ja()).contains(e.en()));
            }
        }
        assertThat(schema.at("/properties/axes/properties/judgement/x-ja/title").asText())
                .isEqualTo(q.question("judgement").orElseThrow().text().ja());
    }

    /** The schema still says what is wrong in a profile: a form or flag outside its answers, a field too many. */
    @Test
    void theSchemaAcceptsTheSampleProfilesAndRejectsWrongAnswers() throws IOException {
        String good = """
                {"id":"p","name":"n","organisation":"o","scope":{"textGeneration":true,"specifiedSecrets":false},
                 "model":{"name":"m","vendor":"v"},"procurement":{"form":"SAAS_API","vendorTrainsModel":false},
                 "axes":{"users":"PUBLIC","work":"INFORMATION_PROVISION","data":"PUBLIC_ONLY","judgement":"NONE"}}""";
        assertThat(SchemaTest.errors("project-profile", good)).isEmpty();
        assertThat(SchemaTest.errors("project-profile", good.replace("\"SAAS_API\"", "\"SAAS\""))).isNotEmpty();
        assertThat(SchemaTest.errors("project-profile", good.replace("\"textGeneration\":true", "\"textGeneration\":\"yes\"")))
                .isNotEmpty();
        assertThat(SchemaTest.errors("project-profile", good.replace("\"id\":\"p\",", "\"id\":\"p\",\"notes\":\"x\",")))
                .isNotEmpty();
        // an option an overlay may add is the engine's to check
        assertThat(SchemaTest.errors("project-profile", good.replace("\"PUBLIC_ONLY\"", "\"HEALTH_RECORDS\""))).isEmpty();
    }

    private static JsonNode find(JsonNode schema, String value, Question question) {
        JsonNode list = question.axis() != null ? schema.at("/properties/axes/properties/" + question.axis() + "/anyOf/0/oneOf")
                : schema.at("/properties/" + question.sets().replace(".", "/properties/") + "/oneOf");
        for (JsonNode n : list) {
            if (n.path("const").asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no const " + value + " for " + question.sets());
    }

    private static List<String> consts(JsonNode oneOf) {
        List<String> out = new ArrayList<>();
        oneOf.forEach(n -> out.add(n.path("const").asText()));
        return out;
    }
}
