package io.github.aigov.governance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.WhatIf;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The what-if section of the HTML report and the board-report draft: one row or entry per alternative the
 * engine finds, with the result it gets and the rule that decides it; none for a decision that cannot be
 * lowered.
 */
class WhatIfPapersTest {
    static final GovernanceEngine V2 = Samples.V2;

    @Test
    void the_html_report_and_the_board_report_list_every_alternative_with_its_result_and_rule() {
        for (String name : Samples.names()) {
            Decision d = Samples.decision(name);
            WhatIf w = V2.whatIf(d.profile());
            boolean lowerable = d.classification() != Classification.OUT_OF_SCOPE
                    && (d.classification() != Classification.LOW || d.escalation().required());
            for (Locale locale : new Locale[] {Locale.JAPANESE, Locale.ENGLISH}) {
                String html = Reports.html(d, V2, locale);
                Matcher section = Pattern.compile("<section id=\"what-if\">.*?</section>", Pattern.DOTALL).matcher(html);
                assertThat(section.find()).as(name).isEqualTo(lowerable);
                if (!lowerable) {
                    continue;
                }
                String s = section.group();
                assertThat(count(s, "<tr")).as(name).isEqualTo(w.alternatives().isEmpty() ? 0 : w.alternatives().size() + 1);
                for (WhatIf.Alternative a : w.alternatives()) {
                    assertThat(s).contains(a.decidedBy().ruleId());
                    a.changes().forEach(c -> assertThat(s).contains(" → "));
                }
            }
            if (d.escalation().required()) {
                String board = Reports.boardReport(d, V2, Locale.ENGLISH);
                assertThat(board).contains("\n### What would lower the outcome\n");
                String part = board.substring(board.indexOf("### What would lower the outcome"));
                part = part.substring(0, part.indexOf("\n## ", 5));
                for (int i = 1; i <= w.alternatives().size(); i++) {
                    assertThat(part).contains("\n" + i + ". **");
                }
                assertThat(part).doesNotContain("\n" + (w.alternatives().size() + 1) + ". **");
            }
        }
    }

    @Test
    void the_chatbot_s_what_if_says_what_each_change_means_and_its_result() {
        Decision d = Samples.decision("benefits-eligibility-chatbot");
        WhatIf w = V2.whatIf(d.profile());
        assertThat(w.alternatives()).isNotEmpty();
        String html = Reports.html(d, V2, Locale.ENGLISH);
        WhatIf.Alternative first = w.alternatives().get(0);
        WhatIf.Change c = first.changes().get(0);
        String label = c.axis() != null ? V2.render(io.github.aigov.governance.Message.of(c.axis() + "." + c.to() + ".title"),
                Locale.ENGLISH) : c.to();
        assertThat(html).contains(escape(label));
        assertThat(html).contains(first.decision().escalation().required() ? "escalation required" : "no escalation");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
