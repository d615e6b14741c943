package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.ObligationResult;
import io.github.aigov.governance.Reason;
import io.github.aigov.governance.rules.internal.engine.DroolsEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The guideline's outcome is yes or no: seek the advisory board's advice or not. It names no MEDIUM and no
 * LOW. So every text that states what follows from a MEDIUM or LOW result (no report to the board, items
 * only recommended, content that does not apply) must say that this is this tool's default reading, with the
 * marker {@value #MARKER_JA} in Japanese and {@value #MARKER_EN} in English. Checked two ways: over the
 * decisions themselves (every rule that decides something only for a MEDIUM or LOW result), and over every
 * text of the definitions and the message bundles (every sentence that names such a result and a
 * consequence).
 */
public class DefaultReadingMarkerTest {
    public static final String MARKER_JA = "本ツールの既定の解釈";
    public static final String MARKER_EN = "this tool's default reading";

    /** A MEDIUM or LOW result, or the absence of a HIGH one. */
    public static final Pattern NOT_HIGH_JA = Pattern.compile("中リスク|低リスク|高リスク(と判定されなかった|でない|ではない)"
            + "|エスカレーション(を要しません|は不要)");
    public static final Pattern NOT_HIGH_EN = Pattern.compile("(?i)medium[- ]risk|low[- ]risk|not (classified )?high risk"
            + "|does not require escalation|no escalation");
    /** What follows from a result: reported or not, required, recommended, applicable or not, consulted. */
    public static final Pattern CONSEQUENCE_JA = Pattern.compile("求め|不要|要しません|推奨|必須|該当しません|報告|相談");
    public static final Pattern CONSEQUENCE_EN = Pattern.compile("(?i)requir|recommend|report|consult|does not apply|not called for|need not");

    static final GovernanceEngine V1 = Governance.builder().guidelineVersion("1.0").build();
    static final GovernanceEngine V2 = Governance.builder().guidelineVersion("2.0").build();
    static final GovernanceEngine OVERLAID = Governance.builder().guidelineVersion("2.0")
            .overlay(Path.of("../examples/overlays/example-ministry-overlay.yaml")).build();

    @Test
    void theDetectorFindsAConsequenceStatedWithoutTheMarker() {
        // what the sheets said before: a consequence of MEDIUM stated as if it were the guideline's
        assertThat(unmarked("中リスクと判定されました。アドバイザリーボードへの報告は求められませんが、AI相談窓口に相談してください。",
                Locale.JAPANESE)).isTrue();
        assertThat(unmarked("The use is classified medium risk. No report to the board is required.", Locale.ENGLISH)).isTrue();
        assertThat(unmarked("高リスクではないため、アドバイザリーボードへの報告は求められません。", Locale.JAPANESE)).isTrue();
        // the same with the marker, and a result without a consequence
        assertThat(unmarked("中リスクと判定されました。本ツールの既定の解釈では、アドバイザリーボードへの報告は求めません。",
                Locale.JAPANESE)).isFalse();
        assertThat(unmarked("4つの観点のうち1つで回答のレベルが「高」であるため、中リスクと判定します。", Locale.JAPANESE)).isFalse();
        assertThat(unmarked("One of the four axes is answered at level \"high\", so the use is classified medium risk.",
                Locale.ENGLISH)).isFalse();
    }

    /**
     * Over every in-scope answer of both shipped versions: a rule that decides the escalation of a MEDIUM or LOW
     * result, or decides an item for a MEDIUM or LOW result that it never decides alike for a HIGH one, states a
     * consequence of MEDIUM or LOW, so its reason carries the marker in both languages.
     */
    @Test
    void everyRuleThatDecidesOnlyForMediumOrLowSaysItIsTheDefaultReading() {
        for (GovernanceEngine engine : List.of(V1, V2)) {
            Map<String, Reason> consequences = new LinkedHashMap<>();
            Set<String> alikeAtHigh = new HashSet<>();
            List<Decision> notHigh = new ArrayList<>();
            for (AnswerSpace.Answers a : AnswerSpace.all()) {
                Decision d = engine.assess(a.profile());
                if (d.classification() == Classification.HIGH) {
                    d.items().forEach(i -> alikeAtHigh.add(key(i)));
                    d.obligations().forEach(o -> alikeAtHigh.add(key(o)));
                } else {
                    notHigh.add(d);
                }
            }
            assertThat(notHigh).isNotEmpty();
            for (Decision d : notHigh) {
                consequences.putIfAbsent(d.escalation().reasons().get(0).ruleId(), d.escalation().reasons().get(0));
                for (ItemResult i : d.items()) {
                    if (!alikeAtHigh.contains(key(i))) {
                        consequences.putIfAbsent(i.reason().ruleId(), i.reason());
                    }
                }
                for (ObligationResult o : d.obligations()) {
                    if (!alikeAtHigh.contains(key(o))) {
                        consequences.putIfAbsent(o.reason().ruleId(), o.reason());
                    }
                }
            }
            assertThat(consequences.keySet()).as("rules that decide only for MEDIUM or LOW, %s", engine.definitions().version())
                    .contains("ESC-MEDIUM", "ESC-LOW", "APPL-PROC-MEDIUM-RECOMMENDED", "APPL-PROC-LOW-RECOMMENDED",
                            "APPL-BOARD-NOT-ESCALATED")
                    .doesNotContain("APPL-PROC-20-NO-TRAINING", "APPL-CONT-ALL", "OBL-IN-SCOPE");
            consequences.forEach((id, reason) -> {
                assertThat(engine.render(reason.message(), Locale.JAPANESE)).as("%s %s ja", engine.definitions().version(), id)
                        .contains(MARKER_JA);
                assertThat(engine.render(reason.message(), Locale.ENGLISH)).as("%s %s en", engine.definitions().version(), id)
                        .contains(MARKER_EN);
            });
        }
    }

    /** Every text of the shipped definitions (both versions) and of the example overlay, in both languages. */
    @Test
    void noDefinitionTextStatesAConsequenceOfMediumOrLowWithoutTheMarker() {
        List<String> failures = new ArrayList<>();
        int texts = 0;
        for (GovernanceEngine engine : List.of(V1, V2, OVERLAID)) {
            for (Map.Entry<String, LocalizedText> t : DefinitionTexts.of(((DroolsEngine) engine).model()).entrySet()) {
                texts++;
                for (Locale locale : List.of(Locale.JAPANESE, Locale.ENGLISH)) {
                    if (unmarked(t.getValue().in(locale), locale)) {
                        failures.add(engine.definitions().version() + " " + t.getKey() + " " + locale + ": " + t.getValue().in(locale));
                    }
                }
            }
        }
        assertThat(texts).isGreaterThan(300);
        assertThat(failures).isEmpty();
        // the ministry's duties are read too, and the rule that applies them in scope says it is the default reading
        LocalizedText inScope = DefinitionTexts.of(((DroolsEngine) V2).model()).get("OBL-IN-SCOPE.reason");
        assertThat(inScope.ja()).contains(MARKER_JA);
        assertThat(inScope.en()).contains(MARKER_EN);
    }

    /**
     * Every message of the library's own bundle, in both languages (the papers' and the command line's
     * bundles are checked the same way by the command line's test of every bundle, which sees them).
     */
    @Test
    void noBundleTextStatesAConsequenceOfMediumOrLowWithoutTheMarker() {
        List<String> failures = new ArrayList<>();
        Set<String> keys = new TreeSet<>(Messages.keys(Locale.ENGLISH));
        keys.addAll(Messages.keys(Locale.JAPANESE));
        for (String key : keys) {
            for (Locale locale : List.of(Locale.JAPANESE, Locale.ENGLISH)) {
                String text = template(key, locale);
                if (unmarked(text, locale)) {
                    failures.add(key + " " + locale + ": " + text);
                }
            }
        }
        assertThat(keys).hasSizeGreaterThan(200);
        assertThat(failures).isEmpty();
    }

    /** Whether a text names a MEDIUM or LOW result and a consequence of it, without the marker. */
    public static boolean unmarked(String text, Locale locale) {
        boolean ja = "ja".equals(locale.getLanguage());
        return (ja ? NOT_HIGH_JA : NOT_HIGH_EN).matcher(text).find()
                && (ja ? CONSEQUENCE_JA : CONSEQUENCE_EN).matcher(text).find()
                && !text.contains(ja ? MARKER_JA : MARKER_EN);
    }

    /** A bundle's template, with its arguments left as placeholders. */
    private static String template(String key, Locale locale) {
        return java.util.ResourceBundle.getBundle(Messages.BUNDLE, locale,
                java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES))
                .getString(key).replace("''", "'");
    }

    private static String key(ItemResult i) {
        return i.id() + "=" + i.status() + " by " + i.reason().ruleId();
    }

    private static String key(ObligationResult o) {
        return o.id() + "=" + o.status() + " by " + o.reason().ruleId();
    }
}
