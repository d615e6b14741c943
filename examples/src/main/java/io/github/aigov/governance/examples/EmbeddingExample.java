package io.github.aigov.governance.examples;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ObligationResult;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import java.util.Locale;
import java.util.Map;

/**
 * The library in an application: describe a project in code, assess it, read the decision.
 * The build runs this {@code main} (see {@code EmbeddingExampleTest}). From a checkout, after
 * {@code ./governance --help} has built the jars:
 *
 * <pre>
 * java -cp "examples/target/examples.jar:examples/target/lib/*" io.github.aigov.governance.examples.EmbeddingExample
 * </pre>
 */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    public static void main(String[] args) {
        // Compiles the shipped DS-920 definitions (the latest version). Build once; the engine is
        // immutable and can assess many projects, from many threads.
        GovernanceEngine engine = Governance.builder().build();

        // A chatbot on the ministry's website that answers citizens' questions about benefit
        // eligibility directly: no staff member sees an answer before the citizen does.
        ProjectProfile chatbot = new ProjectProfile(
                "benefits-chatbot",
                "Benefit eligibility chatbot",
                "Ministry of Health, Labour and Welfare",
                "Answers citizens' questions about benefit eligibility, with no staff in the loop.",
                new ProjectProfile.Scope(true, false),                            // text-generating AI; no specified secrets
                new ProjectProfile.Model("example-llm", "Example Corp."),
                new ProjectProfile.Procurement(ProcurementForm.SAAS_API, false),  // a service used as it is; the vendor trains nothing
                Map.of("users", "PUBLIC",                                          // ① citizens
                        "work", "INFORMATION_PROVISION",                          // ② information provided to users
                        "data", "PUBLIC_ONLY",                                    // ③ published guidance only
                        "judgement", "NONE"));                                    // ④ no staff judgement

        Decision decision = engine.assess(chatbot);

        // Texts are message keys, rendered late: the same decision reads in Japanese with Locale.JAPANESE.
        Locale locale = Locale.ENGLISH;
        System.out.println("Classification: " + decision.classification()
                + " [" + decision.classificationReason().ruleId() + "] "
                + engine.render(decision.classificationReason().message(), locale));
        System.out.println("Escalation required: " + (decision.escalation().required() ? "yes" : "no"));
        System.out.println("Required items:");
        for (ItemResult item : decision.items(ItemStatus.REQUIRED)) {
            System.out.println("  " + item.id() + "  " + engine.render(Message.of(item.id() + ".title"), locale));
        }
        // Beyond the specifications and the contract: the ministry's own duties, with who acts and when.
        System.out.println("The ministry's duties:");
        for (ObligationResult duty : decision.obligations(ItemStatus.REQUIRED)) {
            System.out.println("  " + duty.id() + "  " + engine.render(Message.of(duty.id() + ".title"), locale)
                    + "  " + duty.roles() + " " + duty.timing());
        }
    }
}
