package io.github.aigov.governance.server.systems;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.ProjectProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stored profile downloaded as YAML reads back as the same profile, whatever its texts hold. */
class ProfileYamlTest {

    @Test
    void every_shipped_sample_reads_back_the_same() throws Exception {
        try (var files = Files.list(Path.of("../examples/projects"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                ProjectProfile p = Governance.readProfile(f);
                assertThat(Governance.parseProfile(ProfileYaml.write(p, 3), "back.yaml")).as(f.toString()).isEqualTo(p);
            }
        }
    }

    @Test
    void texts_that_would_break_a_plain_yaml_file_stay_texts() {
        ProjectProfile sample = Governance.readProfile(Path.of("../examples/projects/benefits-eligibility-chatbot.yaml"));
        for (String text : List.of("a: b", "# not a comment", "- item", "\"quoted\" and 'single'", "back\\slash", "line\nbreak\ttab",
                "{flow: map}", "[1, 2]", "&anchor *alias", "!!python/object:os.system", "yes", "null", "~", "0x1F", "--- \n...",
                "<script>alert(1)</script>", "％全角：", "\u2028separator\u2029", "\u0085next line", "trailing space ", " leading",
                "emoji \uD83D\uDE00", "carriage\rreturn")) {
            ProjectProfile p = new ProjectProfile(sample.id(), text, sample.organisation(), text, sample.scope(),
                    new ProjectProfile.Model(text, sample.model().vendor()), sample.procurement(), sample.axes());
            String yaml = ProfileYaml.write(p, 1);
            ProjectProfile back = Governance.parseProfile(yaml, "back.yaml");
            assertThat(back.name()).as(text).isEqualTo(text);
            assertThat(back.description()).as(text).isEqualTo(text);
            assertThat(back.model().name()).as(text).isEqualTo(text);
            assertThat(yaml.lines().filter(l -> l.startsWith("#")).toList()).as("no profile text in a comment").hasSize(2);
        }
    }
}
