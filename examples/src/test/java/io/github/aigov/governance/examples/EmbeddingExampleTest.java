package io.github.aigov.governance.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the embedding example's {@code main} as a user would, and checks what it prints. */
class EmbeddingExampleTest {

    @Test
    void a_public_chatbot_without_staff_judgement_is_high_risk_and_escalated() {
        List<String> lines = runMain().lines().toList();

        assertThat(lines).first().asString()
                .startsWith("Classification: HIGH [COMB-TWO-OR-MORE-HIGH] Two or more of the four axes");
        assertThat(lines).contains("Escalation required: yes");
        List<String> required = lines.subList(lines.indexOf("Required items:") + 1, lines.indexOf("The ministry's duties:"));
        assertThat(required)
                .contains("  PROC-12  Measures to control harmful output",
                        "  PROC-08  Avoid vendor lock-in",
                        "  CONT-INCIDENT  " + "Terms on the vendor's duty and scope of response when an incident involving "
                                + "generative AI occurs (including providing the information and data needed to contain "
                                + "damage and find the cause)")
                .noneMatch(l -> l.startsWith("  PROC-20 "))  // the vendor trains no model: not applicable
                .contains("  BOARD-QA-PLAN  Quality-assurance plans")  // v2.0's board report
                .hasSize(27);                                 // 21 procurement + 3 contract + 4 board-report items, less PROC-20
        List<String> duties = lines.subList(lines.indexOf("The ministry's duties:") + 1, lines.size());
        assertThat(duties).hasSize(7)
                .contains("  DUTY-PERIODIC-VERIFICATION  Verifying periodically, after go-live, that the system is used"
                        + " appropriately and stays safe and of good quality  [PLANNER, PROVIDER] AFTER_GO_LIVE",
                        "  DUTY-RISK-CASE-REPORT  Reporting a risk case to the Chief AI Officer (CAIO)  [PROVIDER, USER] ON_RISK_CASE");
    }

    private static String runMain() {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            EmbeddingExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
