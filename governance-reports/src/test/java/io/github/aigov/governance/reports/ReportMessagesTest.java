package io.github.aigov.governance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.Provenance;
import io.github.aigov.governance.RiskLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every label the papers print comes from the bundles, in both languages: an unknown key would
 * silently render as the key itself, so the keys the code uses are checked here.
 */
class ReportMessagesTest {
    static final Locale JA = Locale.JAPANESE;
    static final Locale EN = Locale.ENGLISH;

    static Set<String> reportKeys(Locale locale) {
        return Messages.keys(locale).stream().filter(k -> k.startsWith("reports.")).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(reportKeys(JA)).isNotEmpty().isEqualTo(reportKeys(EN));
    }

    @Test
    void everyKeyTheCodeNamesExistsInBothLanguages() throws IOException {
        Set<String> named = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(reports\\.[a-z0-9.-]*[a-z0-9])\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        // keys composed from a prefix and an enum constant or a heading
        for (Classification c : Classification.values()) {
            named.add("reports.classification." + c.name());
        }
        for (ItemStatus s : ItemStatus.values()) {
            named.add("reports.status." + s.name());
        }
        for (RiskLevel l : RiskLevel.values()) {
            named.add("reports.level." + l.name());
        }
        for (Provenance p : Provenance.values()) {
            named.add("reports.provenance." + p.name());
            named.add("reports.legend." + p.name());
        }
        for (ProcurementForm f : ProcurementForm.values()) {
            named.add("reports.form." + f.name());
        }
        named.add("reports.whatif.distance.1");
        named.add("reports.whatif.distance.2");
        for (io.github.aigov.governance.Crosswalk.Strength st : io.github.aigov.governance.Crosswalk.Strength.values()) {
            named.add("reports.crosswalk.strength." + st.name());
        }
        for (String h : List.of("before", "operation", "incidents", "updates", "review")) {
            named.add("reports.board.qa." + h);
            named.add("reports.board.qa." + h + ".blank");
        }
        assertThat(named).hasSizeGreaterThan(100);
        List<String> missing = new ArrayList<>();
        for (String key : named) {
            for (Locale l : List.of(JA, EN)) {
                if (!Messages.has(key, l)) {
                    missing.add(key + " (" + l + ")");
                }
            }
        }
        assertThat(missing).isEmpty();
        // and nothing in the bundles that no code uses
        assertThat(named).containsAll(reportKeys(EN));
    }

    @Test
    void everyMessageRendersInBothLanguages() {
        for (String key : reportKeys(EN)) {
            String ja = Messages.render(Message.of(key, "X", "Y", "Z"), JA);
            String en = Messages.render(Message.of(key, "X", "Y", "Z"), EN);
            assertThat(ja).as(key).isNotBlank().doesNotContain("{0}").doesNotContain("''");
            assertThat(en).as(key).isNotBlank().doesNotContain("{0}").doesNotContain("''");
        }
        assertThat(Messages.render(Message.of("reports.blank", "予算"), JA)).isEqualTo("【記入してください：予算】");
        assertThat(Messages.render(Message.of("reports.blank", "the budget"), EN)).isEqualTo("[TO BE COMPLETED: the budget]");
        assertThat(Messages.render(Message.of("reports.classification.OUT_OF_SCOPE"), EN)).isEqualTo("Out of the guideline's scope");
    }

    @Test
    void theBoardReportRefusalHasItsPermanentCode() {
        assertThat(ProblemCode.BOARD_REPORT_NOT_REQUIRED.id()).isEqualTo("GOV-0025");
        assertThat(ProblemCode.BOARD_REPORT_NOT_REQUIRED.internal()).isFalse();
        assertThat(Stream.of(ProblemCode.values()).map(ProblemCode::id)).doesNotHaveDuplicates();
    }
}
