package io.github.aigov.governance.server.determination;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.server.pages.FormErrors;
import io.github.aigov.governance.server.pages.FormRefusal;
import io.github.aigov.governance.server.pages.Page;
import io.github.aigov.governance.server.pages.Texts;
import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.systems.SystemPageService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The CAIO's determination of the latest revision's classification, and the advisory board's advice on it. */
@Page
public class DeterminationController {
    private final DeterminationService determinations;
    private final SystemPageService pages;
    private final Texts texts;

    public DeterminationController(DeterminationService determinations, SystemPageService pages, Texts texts) {
        this.determinations = determinations;
        this.pages = pages;
        this.texts = texts;
    }

    /** What was entered, shown again when the form is refused. */
    public record Entered(String classification, String justification, String advisedOn, String summary) {
    }

    @GetMapping("/systems/{id}/determination")
    public String determinationForm(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, Model model) {
        SystemPageService.Heading h = pages.heading(user, id, null);
        return determinationPage(h, model, FormErrors.NONE, new Entered(h.revision().classification(), "", null, null));
    }

    @PostMapping("/systems/{id}/determination")
    public String determine(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestParam int revision,
                            @RequestParam(required = false) String classification, @RequestParam(required = false) String justification,
                            Model model, HttpServletResponse response) {
        try {
            determinations.determine(user, id, revision, classification, justification);
            return "redirect:/systems/" + id + "?determined";
        } catch (FormRefusal e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return determinationPage(pages.heading(user, id, revision), model, FormErrors.of(e, texts),
                    new Entered(classification, justification, null, null));
        }
    }

    private String determinationPage(SystemPageService.Heading h, Model model, FormErrors errors, Entered entered) {
        model.addAttribute("heading", h);
        model.addAttribute("classifications", List.of(Classification.values()));
        model.addAttribute("history", determinations.history(h.system().id()));
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        return "determination/determination";
    }

    @GetMapping("/systems/{id}/board-advice")
    public String adviceForm(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, Model model) {
        return advicePage(pages.heading(user, id, null), model, FormErrors.NONE, new Entered(null, null, "", ""));
    }

    @PostMapping("/systems/{id}/board-advice")
    public String advise(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestParam int revision,
                         @RequestParam(required = false) String advisedOn, @RequestParam(required = false) String summary,
                         Model model, HttpServletResponse response) {
        try {
            determinations.recordAdvice(user, id, revision, advisedOn, summary);
            return "redirect:/systems/" + id + "?advised";
        } catch (FormRefusal e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return advicePage(pages.heading(user, id, revision), model, FormErrors.of(e, texts), new Entered(null, null, advisedOn, summary));
        }
    }

    private String advicePage(SystemPageService.Heading h, Model model, FormErrors errors, Entered entered) {
        model.addAttribute("heading", h);
        model.addAttribute("escalated", determinations.escalated(h.revision()));
        model.addAttribute("history", determinations.adviceHistory(h.system().id()));
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        return "determination/board-advice";
    }
}
