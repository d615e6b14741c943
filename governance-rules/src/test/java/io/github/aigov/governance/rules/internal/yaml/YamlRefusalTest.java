package io.github.aigov.governance.rules.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What SnakeYAML refuses reaches the user in the library's own words, in both languages: a syntax error
 * says where and what stands there (or that the text ended too early), a limit says which; none carries
 * SnakeYAML's English text.
 */
class YamlRefusalTest {
    private static final String FILE = "p.yaml";
    private static final InputLimits SMALL = new InputLimits(1 << 20, 4, 2, 100_000);

    private static Problem refused(String text, InputLimits limits) {
        Problems problems = new Problems();
        assertThat(new YamlReader(limits).readAsYaml(text, FILE, problems)).isNull();
        assertThat(problems.all()).hasSize(1);
        Problem p = problems.all().get(0);
        for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            String shown = Messages.format(p, l);
            assertThat(shown).doesNotContainIgnoringCase("expected").doesNotContain("while parsing", "while scanning",
                    "found character", "Nesting Depth", "Number of aliases", "mapping values are not allowed");
        }
        return p;
    }

    @Test
    void aSyntaxErrorSaysWhereAndWhatStandsThere() {
        Problem p = refused("name: x\nscope: [a, b\nother: c: d\n", InputLimits.DEFAULT);
        assertThat(p.code()).isEqualTo(ProblemCode.YAML_SYNTAX);
        assertThat(p.message().key()).isEqualTo("problem.yaml.syntax");
        assertThat(p.location().line()).isEqualTo(3);
        assertThat(Messages.format(p, Locale.JAPANESE)).contains("YAMLの書式に誤り");

        Problem tab = refused("a:\n\tb: 1\n", InputLimits.DEFAULT);
        assertThat(tab.message().args()).singleElement().asString().startsWith("\\u0009");
    }

    @Test
    void aTextThatEndsTooEarlySaysSo() {
        Problem p = refused("name: \"unterminated\n", InputLimits.DEFAULT);
        assertThat(p.message().key()).isEqualTo("problem.yaml.syntax-end");
        assertThat(Messages.format(p, Locale.ENGLISH)).contains("ends before it is complete");
        assertThat(Messages.format(p, Locale.JAPANESE)).contains("途中で終わって");
    }

    @Test
    void eachLimitIsNamedByItsOwnKey() {
        Problem depth = refused("a: [[[[[1]]]]]\n", SMALL);
        assertThat(depth.message().key()).isEqualTo("problem.limit.depth");
        assertThat(depth.message().args()).containsExactly("4");
        assertThat(depth.location()).isEqualTo(Location.of(FILE));

        Problem aliases = refused("a: &x [1]\nb: [*x, *x, *x]\n", SMALL);
        assertThat(aliases.message().key()).isEqualTo("problem.limit.aliases");
        assertThat(aliases.location()).isEqualTo(Location.of(FILE));

        Problems fine = new Problems();
        assertThat(new YamlReader(SMALL).readAsYaml("a: &x 1\nb: [*x, *x, *x]\n", FILE, fine)).as("aliases of scalars are free")
                .isNotNull();

        Problem size = refused("a: " + "x".repeat(40) + "\n", new InputLimits(30, 64, 50, 100_000));
        assertThat(size.message().key()).isIn("problem.limit.size", "problem.limit.code-points");
    }

    @Test
    void theTextAtAPositionIsShownInOneLineAndShort() {
        assertThat(TextAt.position("ab\ncdef", 2, 2)).isEqualTo("def");
        assertThat(TextAt.position("ab\n   ", 2, 1)).isNull();
        assertThat(TextAt.position("ab\ncd\nef", 1, 3)).isEqualTo("\\n");
        assertThat(TextAt.position("x".repeat(100), 1, 1)).hasSize(TextAt.SHOWN);
        assertThat(TextAt.position("a\u0007b", 1, 1)).isEqualTo("a\\u0007b");
        assertThat(TextAt.position("日本語テキスト", 1, 3)).isEqualTo("語テキスト");
    }
}
