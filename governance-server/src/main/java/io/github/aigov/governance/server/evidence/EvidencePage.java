package io.github.aigov.governance.server.evidence;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.server.pages.Texts;
import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.systems.SystemPageService;
import io.github.aigov.governance.server.systems.SystemService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The evidence page of a revision: its items with the vendor's answers and the marks, the open ones first. */
@Service
public class EvidencePage {
    private final SystemPageService pages;
    private final SystemService systems;
    private final EvidenceService evidence;

    public EvidencePage(SystemPageService pages, SystemService systems, EvidenceService evidence) {
        this.pages = pages;
        this.systems = systems;
        this.evidence = evidence;
    }

    /** One item as the page shows it; {@code answerFrom} and {@code markFrom}: the earlier revision it was carried over from. */
    public record Row(String id, String title, String status, String statusCode, String answer, EvidenceService.Mark mark,
                      boolean open, Integer answerFrom, Integer markFrom) {
    }

    /** A checklist's rows. */
    public record Sheet(String title, List<Row> rows) {
    }

    /**
     * The page; {@code carriedAnswers} and {@code carriedMarks}: how many of the revision's REQUIRED
     * items take their answer or mark from an earlier revision.
     */
    public record View(SystemPageService.Heading heading, List<Row> open, List<Sheet> sheets, List<EvidenceService.Upload> uploads,
                       int required, SystemPageService.Can can, long carriedAnswers, long carriedMarks) {
    }

    public View view(CurrentUser user, String systemId, Integer revision) {
        SystemPageService.Heading heading = pages.heading(user, systemId, revision);
        Decision decision = systems.decision(heading.revision());
        var engine = pages.engine(heading.revision());
        Locale locale = Texts.locale();
        Map<String, List<Row>> bySheet = new LinkedHashMap<>();
        for (EvidenceService.ItemEvidence e : evidence.items(heading.revision(), decision)) {
            var item = e.item();
            bySheet.computeIfAbsent(item.sheet(), s -> new java.util.ArrayList<>()).add(new Row(item.id(),
                    engine.render(Message.of(item.id() + ".title"), locale),
                    engine.render(Message.of("reports.status." + item.status().name()), locale), item.status().name(),
                    e.answer(), e.mark(), e.open(), e.answerFrom(), e.markFrom()));
        }
        List<Sheet> sheets = bySheet.entrySet().stream()
                .map(s -> new Sheet(engine.render(Message.of(s.getKey() + ".title"), locale), List.copyOf(s.getValue()))).toList();
        List<Row> open = sheets.stream().flatMap(s -> s.rows().stream()).filter(Row::open).toList();
        return new View(heading, open, sheets, evidence.uploads(systemId, heading.revision().revision()),
                decision.items(ItemStatus.REQUIRED).size(), SystemPageService.Can.of(user),
                sheets.stream().flatMap(x -> x.rows().stream()).filter(x -> x.answerFrom() != null).count(),
                sheets.stream().flatMap(x -> x.rows().stream()).filter(x -> x.markFrom() != null).count());
    }
}
