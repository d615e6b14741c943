package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.WhatIf;
import io.github.aigov.governance.server.PageClient.Page;
import io.github.aigov.governance.server.TestServers.Db;
import io.github.aigov.governance.server.TestServers.Server;
import io.github.aigov.governance.server.security.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The system's page shows what would lower its decision (the library's what-if, in the page's language)
 * and, on request, a crosswalk's references beside each required item; the papers take the crosswalk too.
 */
class WhatIfPagesTest {
    static final GovernanceEngine V2 = Governance.builder().guidelineVersion("2.0").build();

    @Test
    void a_high_system_shows_the_smallest_change_that_lowers_it_and_a_low_one_says_nothing_lowers_it() {
        Server server = TestServers.get(Db.H2);
        PageClient officer = PageClient.as(server, Role.OFFICER, server.organisation());
        String id = officer.register(Profiles.yaml(Profiles.CHATBOT));
        WhatIf expected = V2.whatIf(Governance.readProfile(Profiles.file(Profiles.CHATBOT)));
        assertThat(expected.alternatives()).isNotEmpty();
        WhatIf.Alternative first = expected.alternatives().get(0);
        assertThat(first.decision().classification()).isNotEqualTo(Classification.HIGH);

        Page page = officer.get("/systems/" + id);
        assertThat(page.status()).isEqualTo(200);
        String text = page.text();
        String section = text.substring(text.indexOf("判定を下げるための変更"), text.indexOf("ルールの適用記録"));
        String firstItem = section.substring(0, section.indexOf(first.decidedBy().ruleId()) + first.decidedBy().ruleId().length());
        // The first suggestion names its change in plain Japanese, the answer it moves, the lower result and its rule.
        assertThat(firstItem).contains(esc(first.changes().get(0).meaning().ja()),
                first.changes().get(0).field() + ": " + first.changes().get(0).from() + " → " + first.changes().get(0).to(),
                "判定は" + V2.render(Message.of("reports.classification." + first.decision().classification().name()), Locale.JAPANESE),
                "ルール " + first.decidedBy().ruleId());
        assertThat(section).doesNotContain("本判定は下がりません");
        // Every alternative is listed, and those that are not a design choice are marked.
        assertThat(page.html().split("<li>\\s*<ul class=\"changes\">", -1)).hasSize(expected.alternatives().size() + 1);
        long facts = expected.alternatives().stream().filter(a -> !a.designChoice()).count();
        assertThat(section.split("設計上の選択ではありません", -1)).hasSize((int) facts + 1);
        if (!first.itemsRemoved().isEmpty()) {
            assertThat(section).contains("必須でなくなるもの：" + first.itemsRemoved().get(0) + " "
                    + V2.render(Message.of(first.itemsRemoved().get(0) + ".title"), Locale.JAPANESE));
        }
        // In English, the same suggestion in English.
        officer.language("en");
        Page english = officer.get("/systems/" + id);
        assertThat(english.text()).contains("What would lower the decision", esc(first.changes().get(0).meaning().en()));

        String low = officer.register(Profiles.yaml(Profiles.MINUTES));
        officer.language("ja");
        WhatIf none = V2.whatIf(Governance.readProfile(Profiles.file(Profiles.MINUTES)));
        assertThat(none.alternatives()).isEmpty();
        Page lowPage = officer.get("/systems/" + low);
        assertThat(lowPage.text()).contains("判定を下げるための変更", "回答を2つまで変更しても、本判定は下がりません。");
        assertThat(lowPage.html()).doesNotContain("class=\"changes\"");
    }

    @Test
    void a_crosswalk_shows_references_beside_required_items_and_an_unknown_one_is_refused() throws IOException {
        Server server = TestServers.get(Db.H2);
        PageClient officer = PageClient.as(server, Role.OFFICER, server.organisation());
        String id = officer.register(Profiles.yaml(Profiles.CHATBOT));
        Page plain = officer.get("/systems/" + id);
        // The form offers every crosswalk of the engine, and asks for none until one is chosen.
        for (var c : V2.crosswalks()) {
            assertThat(plain.html()).contains("<option value=\"" + c.id() + "\"");
        }
        assertThat(plain.html()).contains("<form method=\"get\" action=\"/systems/" + id + "\"").doesNotContain("Art. ");

        Page page = officer.get("/systems/" + id + "?crosswalk=eu-ai-act");
        assertThat(page.status()).isEqualTo(200);
        String text = page.text();
        String section = text.substring(text.indexOf("必須項目と" + crosswalkFramework() + "の対応"), text.indexOf("ルールの適用記録"));
        var decision = V2.assess(Governance.readProfile(Profiles.file(Profiles.CHATBOT)));
        var crosswalk = V2.crosswalk("eu-ai-act").orElseThrow();
        var coverage = crosswalk.coverage(decision);
        assertThat(section).contains("Art. ", "本判定は、この枠組みの参照先のうち" + coverage.covered().size() + "件に該当し、"
                + coverage.uncovered().size() + "件は該当しません。");
        if (!coverage.uncovered().isEmpty()) {
            assertThat(section).contains("該当しない参照先：" + coverage.uncovered().stream()
                    .map(io.github.aigov.governance.Crosswalk.Reference::label).collect(java.util.stream.Collectors.joining("、")));
        }
        // Each required item mapped is shown with its references on its row; items not required are not.
        int rows = 0;
        for (var item : decision.items()) {
            var mappings = crosswalk.mappingsOf(item.id());
            if (mappings.isEmpty()) {
                continue;
            }
            String label = mappings.get(0).targets().get(0).reference().label();
            if (item.status() == io.github.aigov.governance.ItemStatus.REQUIRED) {
                rows++;
                assertThat(page.html()).as(item.id()).containsPattern("<code>" + item.id() + "</code></th>\\s*<td>[^<]*"
                        + java.util.regex.Pattern.quote(label));
            } else {
                assertThat(section).as(item.id()).doesNotContain(" " + item.id() + " ");
            }
        }
        assertThat(rows).isPositive();
        assertThat(page.html()).contains("<option value=\"eu-ai-act\" selected=\"selected\"");

        // The papers with the crosswalk: the references beside required items, in the report and the workbook.
        Page report = officer.get("/systems/" + id + "/papers/html?crosswalk=eu-ai-act");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.html()).contains("Art. ");
        assertThat(officer.get("/systems/" + id + "/papers/html").html()).doesNotContain("class=\"meta crosswalk\"");
        Page xlsx = officer.get("/systems/" + id + "/papers/xlsx?crosswalk=eu-ai-act");
        assertThat(xlsx.status()).isEqualTo(200);
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            StringBuilder all = new StringBuilder();
            DataFormatter f = new DataFormatter();
            wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> all.append(f.formatCellValue(cell)).append('\n'))));
            assertThat(all.toString()).contains("Art. ");
        }
        assertThat(page.html()).contains("/papers/html?revision=1&amp;crosswalk=eu-ai-act");

        // An unknown crosswalk is refused with the ones there are, on the page, the paper and the API; never a 500.
        for (String path : new String[] {"/systems/" + id + "?crosswalk=no-such", "/systems/" + id + "/papers/markdown?crosswalk=no-such"}) {
            Page refused = officer.get(path);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.text()).as(path).contains("crosswalk", "no-such", "eu-ai-act");
        }
        Page markup = officer.get("/systems/" + id + "?crosswalk=%3Cscript%3Ex%3C/script%3E");
        assertThat(markup.status()).isEqualTo(400);
        assertThat(markup.html()).doesNotContain("<script>x</script>").contains("&lt;script&gt;");
        Http api = server.caller(Role.OFFICER, officer.organisation()).http();
        assertThat(api.get("/api/v1/systems/" + id + "/papers/html?crosswalk=no-such").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/systems/" + id + "/papers/html?crosswalk=eu-ai-act").text()).contains("Art. ");

        // Another organisation's system is not found, crosswalk or not.
        PageClient other = PageClient.as(server, Role.OFFICER, server.organisation());
        assertThat(other.get("/systems/" + id + "?crosswalk=eu-ai-act").status()).isEqualTo(404);
        assertThat(other.get("/systems/" + id + "/papers/html?crosswalk=eu-ai-act").status()).isEqualTo(404);
    }

    @Test
    void markup_in_the_profile_is_text_in_the_what_if_and_crosswalk_sections() {
        Server server = TestServers.get(Db.H2);
        PageClient officer = PageClient.as(server, Role.OFFICER, server.organisation());
        String yaml = Profiles.with(Profiles.with(Profiles.yaml(Profiles.CHATBOT), "name", "<b>bold</b><script>alert(1)</script>"),
                "description", "<img src=x onerror=alert(1)>");
        String id = officer.register(yaml);
        Page page = officer.get("/systems/" + id + "?crosswalk=eu-ai-act");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).doesNotContain("<script>alert(1)</script>", "<b>bold</b>", "<img src=x")
                .contains("&lt;b&gt;bold&lt;/b&gt;", "判定を下げるための変更", "Art. ");
    }

    private static String crosswalkFramework() {
        return V2.crosswalk("eu-ai-act").orElseThrow().framework().title().ja();
    }

    /** Text as the page escapes it. */
    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
