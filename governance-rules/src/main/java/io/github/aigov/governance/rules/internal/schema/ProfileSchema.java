package io.github.aigov.governance.rules.internal.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.Question;
import io.github.aigov.governance.QuestionOption;
import io.github.aigov.governance.Questionnaire;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The project profile's JSON Schema ({@code schemas/project-profile.schema.json}), written from a
 * questionnaire: each field carries its question and explanation, and each answer the profile can hold
 * (the procurement forms, the yes/no flags, each axis' options) its meaning and examples, so that an
 * editor completes the option ids and shows what each means. Both languages are in every
 * {@code title} and {@code description} (Japanese first), and each language alone in the annotations
 * {@code x-ja} and {@code x-en} ({@code title}, {@code description}) for tools that show one. The
 * constraints are the profile's own ({@code ProjectProfile}'s).
 *
 * <p>An axis answer may also be an option id the shipped questionnaire does not list (an overlay can add
 * options): the engine, which knows the overlay, is what refuses an unknown one.
 */
public final class ProfileSchema {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$";

    private ProfileSchema() {
    }

    /** The schema's text, as committed: two-space indentation, a final line break. */
    public static String text(Questionnaire q) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return new ObjectMapper().writer(printer).writeValueAsString(schema(q)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode schema(Questionnaire q) {
        ObjectNode root = F.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "Generative-AI project profile");
        root.put("description", "A project as a procurement officer describes it: what it is, whether it is in DS-920's"
                + " scope, how it is procured, and its answer (an option id) on each axis of the high-risk assessment sheet."
                + " Generated from the questionnaire of " + q.id() + " for guideline version " + q.guidelineVersion()
                + " (ds920/v" + q.guidelineVersion() + "/questionnaire.yaml): every title and description is Japanese, then"
                + " English; x-ja and x-en hold each language alone. Do not edit: ProfileSchemaTest in governance-rules"
                + " says how to write it again.");
        root.put("type", "object");
        ObjectNode props = root.putObject("properties");
        props.set("id", free(q, "id", F.objectNode().put("type", "string").put("pattern", ID_PATTERN)));
        props.set("name", free(q, "name", F.objectNode().put("type", "string").put("pattern", "\\S").put("maxLength", 500)));
        props.set("organisation", free(q, "organisation",
                F.objectNode().put("type", "string").put("pattern", "\\S").put("maxLength", 500)));
        props.set("description", free(q, "description", F.objectNode().put("type", "string").put("maxLength", 20000)));
        props.set("scope", object(List.of(
                answered(q, "scope.textGeneration", F.objectNode().put("type", "boolean")),
                answered(q, "scope.specifiedSecrets", F.objectNode().put("type", "boolean")))));
        props.set("model", object(List.of(
                free(q, "model.name", F.objectNode().put("type", "string").put("pattern", "\\S").put("maxLength", 500)),
                free(q, "model.vendor", F.objectNode().put("type", "string").put("pattern", "\\S").put("maxLength", 500)))));
        props.set("procurement", object(List.of(
                answered(q, "procurement.form", F.objectNode().put("type", "string")),
                answered(q, "procurement.vendorTrainsModel", F.objectNode().put("type", "boolean")))));

        ObjectNode axes = F.objectNode();
        axes.put("description", "Axis id to option id, one entry per axis of the definitions, e.g. users: PUBLIC. The"
                + " options listed are those of guideline version " + q.guidelineVersion() + "; an overlay may add"
                + " others, which the engine checks.");
        axes.put("type", "object");
        axes.put("minProperties", 1);
        axes.putObject("propertyNames").put("$ref", "common.schema.json#/$defs/id");
        ObjectNode axisProps = axes.putObject("properties");
        for (Question question : q.questions()) {
            if (question.axis() == null) {
                continue;
            }
            ObjectNode axis = described(F.objectNode(), question);
            ArrayNode anyOf = axis.putArray("anyOf");
            anyOf.addObject().set("oneOf", options(question));
            anyOf.addObject().put("$ref", "common.schema.json#/$defs/id")
                    .put("description", "An option an overlay adds to this axis (the engine checks that it exists).");
            axisProps.set(question.axis(), axis);
        }
        axes.putObject("additionalProperties").put("$ref", "common.schema.json#/$defs/id");
        props.set("axes", axes);
        ArrayNode required = root.putArray("required");
        List.of("id", "name", "organisation", "scope", "model", "procurement", "axes").forEach(required::add);
        root.put("additionalProperties", false);
        return root;
    }

    /** A nested object of the profile (scope, model, procurement): its fields, all required. */
    private static ObjectNode object(List<ObjectNode> fields) {
        ObjectNode o = F.objectNode();
        o.put("type", "object");
        ObjectNode props = o.putObject("properties");
        ArrayNode required = F.arrayNode();
        for (ObjectNode f : fields) {
            String name = f.remove("x-field").asText();
            props.set(name, f);
            required.add(name);
        }
        o.set("required", required);
        o.put("additionalProperties", false);
        return o;
    }

    /** A free-text field, with its question. */
    private static ObjectNode free(Questionnaire q, String field, ObjectNode constraints) {
        Question question = question(q, field);
        ObjectNode node = described(F.objectNode(), question);
        node.setAll(constraints);
        return named(node, field);
    }

    /** A field answered with one of its options (a flag, a form): its question, and each answer with its meaning. */
    private static ObjectNode answered(Questionnaire q, String field, ObjectNode constraints) {
        Question question = question(q, field);
        ObjectNode node = described(F.objectNode(), question);
        node.setAll(constraints);
        node.set("oneOf", options(question));
        return named(node, field);
    }

    private static ObjectNode named(ObjectNode node, String field) {
        int dot = field.lastIndexOf('.');
        if (dot >= 0) {
            node.put("x-field", field.substring(dot + 1));
        }
        return node;
    }

    private static Question question(Questionnaire q, String field) {
        return q.questionFor(field).orElseThrow(() -> new IllegalArgumentException("no question sets " + field));
    }

    /** title: the question; description: its explanation; each language alone under x-ja and x-en. */
    private static ObjectNode described(ObjectNode node, Question question) {
        LocalizedText explanation = question.help().explanation();
        node.put("title", both(question.text()));
        node.put("description", explanation.ja() + "\n" + explanation.en());
        node.set("x-ja", F.objectNode().put("title", question.text().ja()).put("description", explanation.ja()));
        node.set("x-en", F.objectNode().put("title", question.text().en()).put("description", explanation.en()));
        return node;
    }

    /** Each answer: its value as a const, its meaning as the title, its examples as the description. */
    private static ArrayNode options(Question question) {
        ArrayNode out = F.arrayNode();
        for (QuestionOption o : question.options()) {
            ObjectNode n = out.addObject();
            if (question.type() == Question.Type.BOOLEAN) {
                n.put("const", Boolean.parseBoolean(o.value()));
            } else {
                n.put("const", o.value());
            }
            n.put("title", both(o.meaning()));
            String ja = examples(o, "例：", true);
            String en = examples(o, "Examples: ", false);
            n.put("description", ja + "\n" + en);
            n.set("x-ja", F.objectNode().put("title", o.meaning().ja()).put("description", ja));
            n.set("x-en", F.objectNode().put("title", o.meaning().en()).put("description", en));
        }
        return out;
    }

    private static String examples(QuestionOption o, String label, boolean ja) {
        if (o.examples().isEmpty()) {
            return ja ? o.meaning().ja() : o.meaning().en();
        }
        return label + o.examples().stream().map(e -> ja ? e.ja() : e.en()).collect(Collectors.joining(ja ? "／" : "; "));
    }

    private static String both(LocalizedText t) {
        return t.ja() + " / " + t.en();
    }
}
