package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text from a profile never drives the terminal: ESC, BEL, a lone carriage return, DEL, C1
 * controls and bidirectional overrides in any text field reach standard output and error as
 * visible escapes, whatever the format; files written with --out are the papers byte for byte.
 */
class TerminalControlsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One engine for every run: what is tested is what reaches the terminal. */
    private static final GovernanceEngine ENGINE = Governance.builder().build();

    private static CliRun run(String... args) {
        return CliRun.of(new GovernanceCli(spec -> ENGINE), args);
    }

    /** Each control, as a YAML double-quoted escape, and the escape the terminal shows instead. */
    static Stream<Arguments> controls() {
        return Stream.of(Arguments.of("\\e", "\\u001B"), Arguments.of("\\a", "\\u0007"), Arguments.of("\\r", "\\u000D"),
                Arguments.of("\\x7F", "\\u007F"), Arguments.of("\\x9B", "\\u009B"), Arguments.of("\\u202E", "\\u202E"),
                Arguments.of("\\u2066", "\\u2066"), Arguments.of("\\u200F", "\\u200F"), Arguments.of("\\u061C", "\\u061C"));
    }

    @TempDir
    Path tmp;

    /** A profile with the control in every text field a profile has (the id's pattern forbids it there). */
    private Path profile(String control) throws IOException {
        String text = "x" + control + "[31mRED" + control;
        return Files.writeString(tmp.resolve("hostile.yaml"), "id: hostile\n"
                + "name: \"name " + text + "\"\n"
                + "organisation: \"organisation " + text + "\"\n"
                + "description: \"description " + text + "\"\n"
                + "scope: {textGeneration: true, specifiedSecrets: false}\n"
                + "model: {name: \"model " + text + "\", vendor: \"vendor " + text + "\"}\n"
                + "procurement: {form: SAAS_API, vendorTrainsModel: false}\n"
                + "axes: {users: PUBLIC, work: INTERNAL_SUPPORT, data: PUBLIC_ONLY, judgement: NONE}\n",
                StandardCharsets.UTF_8);
    }

    private static void assertNoControls(String printed) {
        assertThat(printed.chars().filter(c -> c != '\n' && c != '\r' && TerminalText.controls((char) c)).boxed().toList())
                .as("controls printed").isEmpty();
        assertThat(printed).doesNotContain("\r[", "\rRED");
    }

    @ParameterizedTest(name = "{0} in every field")
    @MethodSource("controls")
    void everyFormatOnTheTerminalShowsTheControlAsAnEscape(String control, String shown) throws IOException {
        Path profile = profile(control);
        for (String format : List.of("text", "markdown", "html", "json")) {
            CliRun run = run("assess", profile.toString(), "--format", format, "--lang", "en");
            assertThat(run.exit()).as(run.toString()).isZero();
            assertNoControls(run.out());
            if (format.equals("text")) {
                assertThat(run.out()).contains("name x" + shown + "[31mRED" + shown, "organisation x" + shown + "[31mRED",
                        "description x");
            }
        }
        // The papers escape some controls their own way (HTML and Markdown); none reaches the terminal raw.
        CliRun html = run("assess", profile.toString(), "--format", "html", "--lang", "en");
        assertThat(html.out()).contains("name x", "organisation x", "description x", "model x", "vendor x");
        CliRun board = run("board-report", profile.toString(), "--lang", "en");
        assertThat(board.exit()).as(board.toString()).isZero();
        assertNoControls(board.out());
        assertThat(board.out()).contains("name x", "model x");
    }

    /**
     * JSON is not changed: it escapes C0 controls itself, and the terminal's escape of any other
     * control is JSON's escape of the same character, so what the terminal shows is the same JSON
     * value as the file written with --out, which holds the record exactly as the library writes it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("controls")
    void jsonOnTheTerminalIsTheSameJsonAsTheFile(String control, String shown) throws IOException {
        Path profile = profile(control);
        Path file = tmp.resolve("decision.json");
        CliRun printed = run("assess", profile.toString(), "--format", "json");
        CliRun written = run("assess", profile.toString(), "--format", "json", "--out", file.toString());
        assertThat(written.exit()).isZero();

        JsonNode onTerminal = withoutIdAndTime(JSON.readTree(printed.out()));
        JsonNode inFile = withoutIdAndTime(JSON.readTree(Files.readString(file)));
        assertThat(onTerminal).isEqualTo(inFile);
        char raw = (char) Integer.parseInt(shown.substring(2), 16);
        assertThat(inFile.path("profile").path("name").asText()).isEqualTo("name x" + raw + "[31mRED" + raw);
        if (raw < 0x20) {
            // Jackson escapes C0 controls: nothing to change, the terminal gets the library's text exactly.
            assertThat(Files.readString(file)).doesNotContain(String.valueOf(raw));
            assertThat(withoutIdAndTime(printed.out()).strip()).isEqualTo(withoutIdAndTime(Files.readString(file)).strip());
        } else {
            assertThat(Files.readString(file)).as("the file is the library's JSON, unfiltered").contains(String.valueOf(raw));
        }
    }

    private static String withoutIdAndTime(String json) {
        return json.replaceAll("\"(decisionId|decidedAt)\" : \"[^\"]*\"", "\"$1\" : \"\"");
    }

    private static JsonNode withoutIdAndTime(JsonNode decision) {
        ObjectNode copy = decision.deepCopy();
        copy.remove(List.of("decisionId", "decidedAt"));
        return copy;
    }

    @Test
    void aControlQuotedInAProblemOnStandardErrorIsEscapedToo() throws IOException {
        Path profile = Files.writeString(tmp.resolve("p.yaml"), Files.readString(Path.of("..", "examples", "projects", "seabis-help-chat.yaml"))
                .replaceFirst("users: [A-Z_]+", "users: \"PUB\\\\u202ELIC\""), StandardCharsets.UTF_8);
        CliRun run = run("assess", profile.toString(), "--lang", "en");
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("GOV-0012", "PUB\\u202ELIC").doesNotContain("\u202E");
    }
}
