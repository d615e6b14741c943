package io.github.aigov.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a mistyped word is taken to mean: the same word in another case, the only word it begins, or a near one. */
class NearestTest {
    private static final List<String> FORMATS = List.of("text", "json", "html", "markdown", "xlsx");
    private static final List<String> VERSIONS = List.of("1.0", "2.0");
    private static final List<String> FORMS = List.of("SAAS_API", "CUSTOMISATION", "NEW_DEVELOPMENT");

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            // another case
            "JSON, formats, json",
            "Markdown, formats, markdown",
            "saas_api, forms, SAAS_API",
            // the only word it begins
            "2, versions, 2.0",
            "mark, formats, markdown",
            "SAAS, forms, SAAS_API",
            "NEW, forms, NEW_DEVELOPMENT",
            // a near word
            "1.O, versions, 1.0",
            "htm, formats, html",
            "jsno, formats, json",
            "CUSTOMIZATION, forms, CUSTOMISATION",
            "v2.0, versions, 2.0",
            // nothing near
            "xml, formats, -",
            "q, formats, -",
            "9.9, versions, -",
            "x, formats, xlsx",
            "'', formats, -",
    })
    void suggests(String given, String list, String expected) {
        List<String> candidates = switch (list) {
            case "formats" -> FORMATS;
            case "versions" -> VERSIONS;
            default -> FORMS;
        };
        assertThat(Nearest.of(given, candidates)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {"1, -", "CUSTOM, CUSTOMER"})
    void aPrefixOfSeveralWordsIsNotASuggestionByItselfOnlyTheNearestIs(String given, String expected) {
        // "1" begins 1.0 and 1.1, neither near enough; "CUSTOM" begins two words, and one is near
        assertThat(Nearest.of(given, List.of("1.0", "1.1", "CUSTOMISATION", "CUSTOMER"))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PUBLIK", "publik"})
    void unnamedCandidatesAndHugeWordsAreSkipped(String given) {
        assertThat(Nearest.of(given, Arrays.asList(null, "PUBLIC", null))).isEqualTo("PUBLIC");
        assertThat(Nearest.of("P".repeat(10_000), List.of("PUBLIC"))).isNull();
        assertThat(Nearest.of(null, List.of("PUBLIC"))).isNull();
    }
}
