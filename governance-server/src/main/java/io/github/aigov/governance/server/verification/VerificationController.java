package io.github.aigov.governance.server.verification;

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

/** A system's periodic verification (go-live, each verification) and the organisation's interval. */
@Page
public class VerificationController {
    private final VerificationService verification;
    private final SystemPageService pages;
    private final Texts texts;

    public VerificationController(VerificationService verification, SystemPageService pages, Texts texts) {
        this.verification = verification;
        this.pages = pages;
        this.texts = texts;
    }

    @GetMapping("/systems/{id}/verification")
    public String show(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, Model model) {
        return page(user, id, model, FormErrors.NONE, Map.of());
    }

    @PostMapping("/systems/{id}/verification")
    public String verify(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestParam Map<String, String> form,
                         Model model, HttpServletResponse response) {
        try {
            verification.verify(user, id, form.get("verifiedOn"), form.get("result"), form.get("note"));
            return "redirect:/systems/" + id + "/verification?recorded";
        } catch (FormRefusal e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(user, id, model, FormErrors.of(e, texts), form);
        }
    }

    @PostMapping("/systems/{id}/go-live")
    public String goLive(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestParam Map<String, String> form,
                         Model model, HttpServletResponse response) {
        try {
            verification.goLive(user, id, form.get("liveOn"));
            return "redirect:/systems/" + id + "/verification?recorded";
        } catch (FormRefusal e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(user, id, model, FormErrors.of(e, texts), form);
        }
    }

    @GetMapping("/systems/{id}/go-live")
    public String goLivePage(@PathVariable String id) {
        return "redirect:/systems/" + id + "/verification";
    }

    private String page(CurrentUser user, String id, Model model, FormErrors errors, Map<String, String> entered) {
        SystemPageService.Heading h = pages.heading(user, id, null);
        model.addAttribute("heading", h);
        model.addAttribute("status", verification.status(id, verification.months(h.system().organisationId())));
        model.addAttribute("history", verification.history(id));
        model.addAttribute("results", List.of(VerificationService.Result.values()));
        model.addAttribute("caio", user.role() == Role.CAIO);
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        return "verification/verification";
    }

    @GetMapping("/settings")
    public String settings(@AuthenticationPrincipal CurrentUser user, Model model) {
        return settingsPage(user, model, FormErrors.NONE, null);
    }

    @PostMapping("/settings")
    public String saveSettings(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String months, Model model,
                               HttpServletResponse response) {
        try {
            verification.setMonths(user, months);
            return "redirect:/settings?saved";
        } catch (FormRefusal e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return settingsPage(user, model, FormErrors.of(e, texts), months);
        }
    }

    private String settingsPage(CurrentUser user, Model model, FormErrors errors, String entered) {
        model.addAttribute("months", entered != null ? entered : String.valueOf(verification.months(user.organisationId())));
        model.addAttribute("maxMonths", VerificationService.MAX_MONTHS);
        model.addAttribute("errors", errors);
        return "verification/settings";
    }
}
