package io.github.aigov.governance.rules.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProjectProfile;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The decision's JSON, in one place: its shape is described once, by {@link DecisionWire} (what each field holds,
 * and how older schemas wrote it), and mapped by the mappers built here from one {@link #base() configuration}:
 * the indented form ({@link #toJson}), JSON Lines (written by {@link DecisionLineWriter}, checked byte for byte
 * against databind's writing of {@link DecisionWire}), and the audit record ({@link DecisionRecords}: canonical,
 * redacted, read strictly). Also the canonical form a profile is hashed in. Mappers are built once, then only used.
 */
public final class DecisionJson {
    /**
     * The decision mappers, built when a decision is first written or read: an assessment needs only the
     * canonical one, and building these costs a command-line run about a tenth of a second.
     */
    private static final class Mappers {
        static final ObjectMapper MAPPER = base()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();

        static final ObjectMapper LINE = MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT)
                .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

        /** Writes JSON Lines: the line mapper's output, without databind (see its Javadoc for why). */
        static final DecisionLineWriter WRITER = new DecisionLineWriter(LINE, DecisionLineWriter.DEFAULT_CAPACITY);
    }

    /** The form a profile is hashed in (every assessment). */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private DecisionJson() {
    }

    /** How every mapper of a decision starts: times as ISO-8601 text ({@code decidedAt}), records as objects. */
    static JsonMapper.Builder base() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    public static String toJson(Decision decision) {
        try {
            return Mappers.MAPPER.writeValueAsString(DecisionWire.of(decision));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision could not be written as JSON", e);
        }
    }

    /** One line, no indentation: for JSON Lines. Written by {@link DecisionLineWriter}, as databind would. */
    public static String toJsonLine(Decision decision) {
        return Mappers.WRITER.toJsonLine(decision);
    }

    /** One line, UTF-8, straight to a stream that stays open. Written by {@link DecisionLineWriter}, as databind would. */
    public static void writeJsonLine(Decision decision, java.io.OutputStream out) throws java.io.IOException {
        Mappers.WRITER.write(decision, out);
    }

    /**
     * {@link #toJsonLine} as databind writes it: what {@link DecisionLineWriter} must reproduce exactly, for its
     * tests and the benchmark that compares the two.
     */
    public static String toJsonLineByDatabind(Decision decision) {
        try {
            return Mappers.LINE.writeValueAsString(DecisionWire.of(decision));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision could not be written as JSON", e);
        }
    }

    /** {@link #writeJsonLine} as databind writes it: the reference for {@link DecisionLineWriter}. */
    public static void writeJsonLineByDatabind(Decision decision, java.io.OutputStream out) throws java.io.IOException {
        Mappers.LINE.writeValue(out, DecisionWire.of(decision));
        out.write('\n');
    }

    /** A writer of its own with these cache bounds, matching {@link #writeJsonLine}: for tests and benchmarks. */
    public static DecisionLineWriter newLineWriter(int capacity) {
        return new DecisionLineWriter(Mappers.LINE, capacity);
    }

    public static Decision fromJson(String json) {
        try {
            return Mappers.MAPPER.readValue(json, DecisionWire.class).toDecision();
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            String here = line == 0 ? null : io.github.aigov.governance.rules.internal.yaml.TextAt.position(json, line, column);
            throw new GovernanceException(List.of(Problem.error(ProblemCode.YAML_SYNTAX,
                    new Location("<decision>", line, column, ""), here == null ? Message.of("problem.yaml.syntax-end")
                            : Message.of("problem.yaml.syntax", here), null)), e);
        }
    }

    /** SHA-256 of the profile's canonical JSON (keys sorted), {@code sha256:<hex>}. */
    public static String profileHash(ProjectProfile profile) {
        try {
            MessageDigest sha = SHA256.get();
            sha.reset();
            return "sha256:" + HexFormat.of().formatHex(sha.digest(CANONICAL.writeValueAsBytes(profile)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a profile could not be hashed", e);
        }
    }

    /** A digest per thread: looking one up among the security providers costs more than hashing a profile. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    });
}
