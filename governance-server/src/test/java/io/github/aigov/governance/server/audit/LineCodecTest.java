package io.github.aigov.governance.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Audit lines come back byte for byte from either encoding; with a dictionary they take far less room. */
class LineCodecTest {

    @Test
    void a_line_comes_back_byte_for_byte_and_a_dictionary_keeps_what_repeats_once() throws Exception {
        GovernanceEngine engine = Governance.builder().build();
        String chatbot = Files.readString(Path.of("../examples/projects/benefits-eligibility-chatbot.yaml"));
        String minutes = Files.readString(Path.of("../examples/projects/meeting-minutes-drafting.yaml"));
        byte[] dictionaryBytes = Governance.toRecord(engine.assess(Governance.parseProfile(chatbot, "a.yaml")), Set.of())
                .getBytes(StandardCharsets.UTF_8);
        LineCodec.Dictionary dictionary = new LineCodec.Dictionary("00112233aabbccdd", dictionaryBytes);
        // Another system's decision, with characters beyond ASCII and a line break escaped in JSON.
        String line = Governance.toRecord(engine.assess(Governance.parseProfile(minutes, "b.yaml")), Set.of()) + "議事録\\n";

        byte[] plain = LineCodec.encode(line);
        byte[] withDictionary = LineCodec.encode(line, dictionary);
        assertThat(plain[0]).isEqualTo(LineCodec.DEFLATE);
        assertThat(withDictionary[0]).isEqualTo(LineCodec.WITH_REFERENCE);
        assertThat(LineCodec.decode(plain)).isEqualTo(line);
        assertThat(LineCodec.decode(withDictionary, Map.of("00112233aabbccdd", dictionaryBytes)::get)).isEqualTo(line);
        assertThat(withDictionary.length).isLessThan(plain.length / 3);
        System.out.printf("audit line: %d bytes, deflated %d, with the dictionary %d%n",
                line.getBytes(StandardCharsets.UTF_8).length, plain.length, withDictionary.length);

        // A line that names a dictionary cannot be read without it, nor with another one.
        assertThatThrownBy(() -> LineCodec.decode(withDictionary)).isInstanceOf(IllegalStateException.class);
        byte[] other = "another dictionary".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LineCodec.decode(withDictionary, id -> other)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> LineCodec.decode(new byte[] {3, 1, 2})).hasMessageContaining("unknown encoding");
        assertThatThrownBy(() -> LineCodec.decode(new byte[] {2, 1, 2})).hasMessageContaining("truncated");
        byte[] cut = java.util.Arrays.copyOf(withDictionary, withDictionary.length - 4);
        assertThatThrownBy(() -> LineCodec.decode(cut, id -> dictionaryBytes)).isInstanceOf(IllegalStateException.class);
    }
}
