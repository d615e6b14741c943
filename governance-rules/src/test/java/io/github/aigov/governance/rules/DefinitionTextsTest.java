package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.rules.internal.load.DefinitionLoader;
import io.github.aigov.governance.rules.internal.load.OverlayLoader;
import io.github.aigov.governance.rules.internal.model.Definitions;
import io.github.aigov.governance.rules.internal.model.Sheets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every text of the shipped definitions and of the example overlay exists in Japanese and in English, and
 * each is written in its own language: a Japanese report never shows an English sentence, nor an English
 * report a Japanese one (beyond the Japanese terms and quotes an English text names on purpose).
 */
class DefinitionTextsTest {
    /** Kana or kanji. */
    static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    /**
     * What an English text may carry in Japanese: a quote of the guideline in 「」 (whole, with any title it
     * quotes in 「」 itself), or a term in parentheses.
     */
    static final Pattern QUOTED = Pattern.compile("「(?:[^「」]|「[^「」]*」)*」|\\([^()]*[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}][^()]*\\)");

    static List<Definitions> shipped() {
        DefinitionLoader loader = new DefinitionLoader(InputLimits.DEFAULT);
        Definitions v2 = loader.loadShipped("2.0");
        return List.of(loader.loadShipped("1.0"), v2,
                new OverlayLoader(InputLimits.DEFAULT).apply(v2, Path.of("../examples/overlays/example-ministry-overlay.yaml")));
    }

    @Test
    void everyTextIsInBothLanguagesEachInItsOwn() {
        List<String> failures = new ArrayList<>();
        int citations = 0;
        for (Definitions defs : shipped()) {
            // the ministry's duties are definition texts too: the sheet, its groups, duties and rules
            assertThat(DefinitionTexts.of(defs)).as(defs.set().version()).containsKeys("OBLIGATIONS.title",
                    "OBLIGATIONS.citation", "DUTIES-OPERATION.citation", "DUTY-PERIODIC-VERIFICATION.title",
                    "DUTY-PERIODIC-VERIFICATION.citation", "OBL-IN-SCOPE.reason", "OBL-IN-SCOPE.citation");
            // so is every text of the questionnaire an officer answers: questions, help and answers
            assertThat(DefinitionTexts.of(defs)).as(defs.set().version()).containsKeys("questionnaire.title",
                    "questionnaire.judgement.question", "questionnaire.judgement.help.explanation",
                    "questionnaire.judgement.help.example1", "questionnaire.judgement.EVERY_OUTPUT.meaning",
                    "questionnaire.judgement.EVERY_OUTPUT.change", "questionnaire.vendor-trains-model.true.meaning",
                    "questionnaire.procurement-form.SAAS_API.example1", "questionnaire.project-id.help.citation");
            for (Map.Entry<String, LocalizedText> e : DefinitionTexts.of(defs).entrySet()) {
                String where = defs.set().version() + " " + e.getKey();
                LocalizedText t = e.getValue();
                if (t.ja().isBlank() || t.en().isBlank()) {
                    failures.add(where + ": blank");
                } else if (!JAPANESE.matcher(t.ja()).find() && !t.ja().equals(t.en())) {
                    failures.add(where + ": no Japanese in the Japanese text: " + t.ja());
                } else if (JAPANESE.matcher(QUOTED.matcher(t.en()).replaceAll("")).find()) {
                    failures.add(where + ": Japanese outside quotes and terms in the English text: " + t.en());
                }
                if (e.getKey().endsWith(".citation")) {
                    citations++;
                    if (t.ja().equals(t.en())) {
                        failures.add(where + ": the same citation in both languages");
                    }
                }
            }
        }
        assertThat(citations).isGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    @Test
    void everyOptionSaysWhyItHasItsLevelAndTheShippedSetsLoadWithoutWarnings() {
        for (Definitions defs : shipped()) {
            for (Sheets.Axis axis : defs.risk().axes()) {
                assertThat(axis.options()).allSatisfy(o -> assertThat(o.reason()).as(o.key()).isNotNull());
            }
            assertThat(defs.warnings()).as(defs.set().version()).isEmpty();
        }
    }

    /**
     * Definitions written before citations were bilingual and options had reasons still load, so that the
     * records they decided can be replayed: each such text is a warning with its location, and the JSON
     * Schema (what an editor checks) flags the earlier form.
     */
    @Test
    void theEarlierFormStillLoadsWithAWarningForEachTextItLacks() throws java.io.IOException {
        Path fixture = FixtureSets.FIXTURES.resolve("definitionSheet/earlier-form-one-language-citations.yaml");
        Definitions defs = FixtureSets.loadWithSheet(java.nio.file.Files.readAllBytes(fixture), InputLimits.DEFAULT);
        assertThat(defs.warnings()).extracting(w -> w.code().id() + " " + w.severity() + " " + w.location().path())
                .contains("GOV-0004 WARNING citation", "GOV-0004 WARNING axes[0].options[0].citation",
                        "GOV-0003 WARNING axes[0].options[0].reason", "GOV-0003 WARNING axes[1].options[1].reason")
                .allMatch(w -> w.startsWith("GOV-0004 WARNING") || w.startsWith("GOV-0003 WARNING"));
        assertThat(defs.warnings()).hasSize(14 + 5); // every citation, every option
        Sheets.Option staff = defs.risk().axes().get(0).options().get(0);
        assertThat(staff.meta().citation()).isEqualTo(LocalizedText.of("test fixture"));
        assertThat(staff.reason()).isNull();
        assertThat(staff.reasonKey()).isEqualTo("users.STAFF.title");
        assertThat(SchemaTest.errors("risk-assessment", java.nio.file.Files.readString(fixture))).isNotEmpty();
    }
}
