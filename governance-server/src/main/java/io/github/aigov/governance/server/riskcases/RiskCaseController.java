package io.github.aigov.governance.server.riskcases;

import io.github.aigov.governance.server.pages.FormErrors;
import io.github.aigov.governance.server.pages.FormRefusal;
import io.github.aigov.governance.server.pages.Page;
import io.github.aigov.governance.server.pages.Texts;
import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.security.Role;
import io.github.aigov.governance.server.systems.SystemPageService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Risk cases: reporting one, the case's page, and the CAIO's steps on it. */
@Page
public class RiskCaseController {
    private final RiskCaseService cases;
    private final SystemPageService pages;
    private final Texts texts;

    public RiskCaseController(RiskCaseService cases, SystemPageService pages, Texts texts) {
        this.cases = cases;
        this.pages = pages;
        this.texts = texts;
    }

    @GetMapping("/systems/{id}/risk-cases/new")
    public String reportForm(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, Model model) {
        return reportPage(user, id, model, FormErrors.NONE, Map.of());
    }

    @PostMapping("/systems/{id}/risk-cases")
    public String report(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestParam Map<String, String> form,
                         Model model, HttpServletResponse response) {
        try {
            RiskCaseService.RiskCase c = cases.report(user, id, form.get("reporter"), form.get("occurredOn"), form.get("whatHappened"),
                    form.get("effect"));
            return "redirect:/systems/" + id + "/risk-cases/" + c.id() + "?reported";
        } catch (FormRefusal e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return reportPage(user, id, model, FormErrors.of(e, texts), form);
        }
    }

    @GetMapping("/systems/{id}/risk-cases")
    public String list(@PathVariable String id) {
        return "redirect:/systems/" + id + "#risk-heading";
    }

    private String reportPage(CurrentUser user, String id, Model model, FormErrors errors, Map<String, String> entered) {
        model.addAttribute("heading", pages.heading(user, id, null));
        model.addAttribute("reporters", List.of(RiskCaseService.Reporter.values()));
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        return "riskcases/report";
    }

    @GetMapping("/systems/{id}/risk-cases/{caseId}")
    public String show(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @PathVariable String caseId, Model model) {
        return casePage(user, id, caseId, model, FormErrors.NONE, Map.of());
    }

    @PostMapping("/systems/{id}/risk-cases/{caseId}/response")
    public String respond(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @PathVariable String caseId,
                          @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            cases.respond(user, id, caseId, form.get("respondedOn"), form.get("response"), form.get("toBoard"));
            return "redirect:/systems/" + id + "/risk-cases/" + caseId + "?recorded";
        } catch (FormRefusal e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return casePage(user, id, caseId, model, FormErrors.of(e, texts), form);
        }
    }

    @PostMapping("/systems/{id}/risk-cases/{caseId}/board-note")
    public String boardNote(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @PathVariable String caseId,
                            @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            cases.boardNote(user, id, caseId, form.get("notedOn"), form.get("note"));
            return "redirect:/systems/" + id + "/risk-cases/" + caseId + "?recorded";
        } catch (FormRefusal e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return casePage(user, id, caseId, model, FormErrors.of(e, texts), form);
        }
    }

    @GetMapping({"/systems/{id}/risk-cases/{caseId}/response", "/systems/{id}/risk-cases/{caseId}/board-note"})
    public String stepPage(@PathVariable String id, @PathVariable String caseId) {
        return "redirect:/systems/" + id + "/risk-cases/" + caseId;
    }

    private String casePage(CurrentUser user, String id, String caseId, Model model, FormErrors errors, Map<String, String> entered) {
        model.addAttribute("heading", pages.heading(user, id, null));
        model.addAttribute("riskCase", cases.get(user, id, caseId));
        model.addAttribute("caio", user.role() == Role.CAIO);
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        return "riskcases/case";
    }
}
