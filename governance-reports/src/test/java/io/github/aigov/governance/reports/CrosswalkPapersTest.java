package io.github.aigov.governance.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.Crosswalk;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A decision rendered with crosswalks ({@code --crosswalk eu-ai-act}): every paper shows each required
 * item's mapped references, and only the required items'; golden files hold the crosswalk part of the
 * Markdown papers and of the HTML report (run with {@code -Dgolden.update=true} to rewrite them after a
 * deliberate change, and review the difference).
 */
class CrosswalkPapersTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/crosswalk");
    static final GovernanceEngine V2 = Samples.V2;
    static final Decision CHATBOT = Samples.decision("benefits-eligibility-chatbot");
    static final PaperOptions EU_AND_NIST = PaperOptions.crosswalks("eu-ai-act", "nist-ai-rmf");

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"markdown, ja", "markdown, en", "board, ja", "board, en", "html, ja", "html, en"})
    void the_crosswalk_part_of_each_paper_is_as_reviewed(String paper, String lang) throws IOException {
        Locale locale = Locale.forLanguageTag(lang);
        String text = switch (paper) {
            case "markdown" -> Reports.markdown(CHATBOT, V2, locale, EU_AND_NIST);
            case "board" -> Reports.boardReport(CHATBOT, V2, locale, EU_AND_NIST);
            default -> Reports.html(CHATBOT, V2, locale, EU_AND_NIST);
        };
        String part = paper.equals("html") ? htmlPart(text) : text.substring(text.indexOf("\n## " + heading(locale)) + 1);
        golden(paper + "-" + lang + (paper.equals("html") ? ".html" : ".md"), part);
    }

    private static String heading(Locale locale) {
        return locale.getLanguage().equals("ja") ? "他の枠組みとの対応" : "Crosswalk: ";
    }

    /** The references shown in item and duty rows, then the crosswalk sections. */
    private static String htmlPart(String html) {
        StringBuilder out = new StringBuilder();
        Matcher row = Pattern.compile("<tr id=\"(item|duty)-([^\"]+)\"[^>]*>.*?</tr>", Pattern.DOTALL).matcher(html);
        while (row.find()) {
            Matcher span = Pattern.compile("<span class=\"meta crosswalk\">([^<]*)</span>").matcher(row.group());
            while (span.find()) {
                out.append(row.group(2)).append(": ").append(span.group(1)).append('\n');
            }
        }
        Matcher section = Pattern.compile("<section class=\"crosswalk\".*?</section>", Pattern.DOTALL).matcher(html);
        while (section.find()) {
            out.append(section.group()).append('\n');
        }
        return out.toString();
    }

    private static void golden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s (create it with -Dgolden.update=true and review it)", file).exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void each_required_item_shows_exactly_its_mapped_references_and_no_other_item_any() {
        Crosswalk eu = V2.crosswalk("eu-ai-act").orElseThrow();
        String html = Reports.html(CHATBOT, V2, Locale.ENGLISH, PaperOptions.crosswalks("eu-ai-act"));
        String markdown = Reports.markdown(CHATBOT, V2, Locale.ENGLISH, PaperOptions.crosswalks("eu-ai-act"));
        int withReferences = 0;
        for (ItemResult item : CHATBOT.items()) {
            Matcher row = Pattern.compile("<tr id=\"item-" + Pattern.quote(item.id()) + "\".*?</tr>", Pattern.DOTALL).matcher(html);
            assertThat(row.find()).isTrue();
            Set<String> labels = new LinkedHashSet<>();
            eu.mappingsOf(item.id()).forEach(m -> m.targets().forEach(t -> labels.add(t.reference().label())));
            if (item.status() == ItemStatus.REQUIRED && !labels.isEmpty()) {
                withReferences++;
                assertThat(row.group()).contains("EU-AI-ACT: ");
                for (String label : labels) {
                    assertThat(row.group()).as(item.id()).contains(label + " (");
                }
                assertThat(footnote(markdown, item.id())).as(item.id()).contains("EU-AI-ACT: ").contains(labels);
            } else {
                assertThat(row.group()).as(item.id()).doesNotContain("meta crosswalk");
            }
        }
        assertThat(withReferences).isGreaterThan(10);
        // Without a crosswalk asked for, the papers are what they were.
        assertThat(Reports.html(CHATBOT, V2, Locale.ENGLISH)).doesNotContain("crosswalk").doesNotContain("EU-AI-ACT");
        assertThat(Reports.markdown(CHATBOT, V2, Locale.ENGLISH)).doesNotContain("EU-AI-ACT");
    }

    private static String footnote(String markdown, String id) {
        return markdown.lines().filter(l -> l.startsWith("[^") && l.contains("`" + id + "`")).findFirst().orElse("");
    }

    @Test
    void the_workbook_has_a_column_of_references_per_crosswalk_before_the_vendors() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reports.xlsx(CHATBOT, V2, Locale.ENGLISH, EU_AND_NIST, out);
        Crosswalk nist = V2.crosswalk("nist-ai-rmf").orElseThrow();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet procurement = wb.getSheetAt(1);
            Row header = procurement.getRow(0);
            List<String> headers = new ArrayList<>();
            header.forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers.subList(headers.size() - 3, headers.size()))
                    .containsExactly("EU-AI-ACT references", "NIST-AI-RMF references", headers.get(headers.size() - 1));
            int nistColumn = headers.size() - 2;
            int checked = 0;
            for (int r = 1; r <= procurement.getLastRowNum(); r++) {
                Row row = procurement.getRow(r);
                String id = row.getCell(0).getStringCellValue();
                ItemResult item = CHATBOT.item(id).orElseThrow();
                String cell = row.getCell(nistColumn).getStringCellValue();
                List<String> labels = nist.mappingsOf(id).stream().flatMap(m -> m.targets().stream())
                        .map(t -> t.reference().label()).distinct().toList();
                if (item.status() == ItemStatus.REQUIRED) {
                    labels.forEach(l -> assertThat(cell).as(id).contains(l));
                    checked += labels.isEmpty() ? 0 : 1;
                } else {
                    assertThat(cell).as(id).isEmpty();
                }
            }
            assertThat(checked).isGreaterThan(5);
            String summary = text(wb.getSheetAt(0));
            assertThat(summary).contains("Crosswalk: DS-920 and the EU AI Act", "Left uncovered");
        }
    }

    private static String text(Sheet sheet) {
        StringBuilder sb = new StringBuilder();
        sheet.forEach(row -> row.forEach(c -> sb.append(c.toString()).append('\n')));
        return sb.toString();
    }

    @Test
    void a_crosswalk_the_engine_does_not_have_is_refused_naming_the_ones_it_has() {
        assertThatThrownBy(() -> Reports.html(CHATBOT, V2, Locale.ENGLISH, PaperOptions.crosswalks("eu-ai-ac")))
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.code().id()).isEqualTo("GOV-0006");
                            assertThat(p.hint().args()).singleElement().asString().contains("eu-ai-act", "nist-ai-rmf");
                        }));
    }
}
