package io.github.aigov.governance.server.evidence;

import io.github.aigov.governance.server.pages.FormErrors;
import io.github.aigov.governance.server.pages.FormRefusal;
import io.github.aigov.governance.server.pages.Page;
import io.github.aigov.governance.server.pages.Texts;
import io.github.aigov.governance.server.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The evidence page: the workbook uploaded back from the vendor, the open required items, items marked met. */
@Page
public class EvidenceController {
    private final EvidencePage page;
    private final EvidenceService evidence;
    private final Texts texts;

    public EvidenceController(EvidencePage page, EvidenceService evidence, Texts texts) {
        this.page = page;
        this.evidence = evidence;
        this.texts = texts;
    }

    @GetMapping("/systems/{id}/evidence")
    public String show(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestParam(required = false) Integer revision,
                       Model model) {
        return render(user, id, revision, model, FormErrors.NONE, FormErrors.NONE, null);
    }

    @PostMapping("/systems/{id}/evidence")
    public String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestParam int revision,
                         @RequestParam(required = false) MultipartFile workbook, Model model, HttpServletResponse response)
            throws IOException {
        try {
            if (workbook == null || workbook.isEmpty()) {
                throw new FormRefusal(List.of(new FormRefusal.FieldError("workbook", "evidence.error.empty", List.of())));
            }
            if (workbook.getSize() > VendorWorkbook.MAX_BYTES) {
                throw new FormRefusal(List.of(new FormRefusal.FieldError("workbook", "evidence.error.too-large",
                        List.of(VendorWorkbook.MAX_BYTES / 1024 / 1024))));
            }
            evidence.upload(user, id, revision, workbook.getOriginalFilename(), workbook.getBytes());
            return "redirect:/systems/" + id + "/evidence?revision=" + revision + "&uploaded";
        } catch (FormRefusal e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(user, id, revision, model, FormErrors.of(e, texts), FormErrors.NONE, null);
        }
    }

    @PostMapping("/systems/{id}/evidence/marks")
    public String mark(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestParam int revision,
                       @RequestParam(required = false) String item, @RequestParam(defaultValue = "true") boolean met,
                       @RequestParam(required = false) String note, @RequestParam(required = false) String link,
                       Model model, HttpServletResponse response) {
        try {
            evidence.mark(user, id, revision, item, met, note, link);
            return "redirect:/systems/" + id + "/evidence?revision=" + revision + "&marked";
        } catch (FormRefusal e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(user, id, revision, model, FormErrors.NONE, FormErrors.of(e, texts), new MarkForm(item, met, note, link));
        }
    }

    /** What was entered in the mark form, shown again when it is refused. */
    public record MarkForm(String item, boolean met, String note, String link) {
    }

    @GetMapping({"/systems/{id}/evidence/marks"})
    public String markPage(@PathVariable String id) {
        return "redirect:/systems/" + id + "/evidence";
    }

    private String render(CurrentUser user, String id, Integer revision, Model model, FormErrors uploadErrors, FormErrors markErrors,
                          MarkForm entered) {
        model.addAttribute("page", page.view(user, id, revision));
        model.addAttribute("uploadErrors", uploadErrors);
        model.addAttribute("markErrors", markErrors);
        model.addAttribute("entered", entered == null ? new MarkForm(null, true, "", "") : entered);
        return "evidence/evidence";
    }
}
