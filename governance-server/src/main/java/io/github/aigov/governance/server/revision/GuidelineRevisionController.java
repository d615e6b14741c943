package io.github.aigov.governance.server.revision;

import io.github.aigov.governance.server.pages.FormErrors;
import io.github.aigov.governance.server.pages.FormRefusal;
import io.github.aigov.governance.server.pages.Page;
import io.github.aigov.governance.server.pages.Texts;
import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.systems.GuidelineChoices;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Revising the guideline for the whole organisation: choose the target, see what changes, apply it,
 * and follow the re-assessment (a page that reloads itself without script; with script, it is
 * updated in place from {@code /progress}).
 */
@Page
public class GuidelineRevisionController {
    /** How often the progress page reloads itself while the job runs, in seconds. */
    static final int REFRESH_SECONDS = 2;

    private final GuidelineRevisionService revisions;
    private final GuidelineChoices choices;
    private final Texts texts;

    public GuidelineRevisionController(GuidelineRevisionService revisions, GuidelineChoices choices, Texts texts) {
        this.revisions = revisions;
        this.choices = choices;
        this.texts = texts;
    }

    @GetMapping("/revision")
    public String choose(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String target, Model model,
                         HttpServletResponse response) {
        model.addAttribute("choices", choices.all());
        model.addAttribute("jobs", revisions.jobs(user));
        model.addAttribute("target", target);
        model.addAttribute("errors", FormErrors.NONE);
        if (target != null) {
            try {
                model.addAttribute("preview", revisions.preview(user, target));
            } catch (FormRefusal e) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("errors", FormErrors.of(e, texts));
            }
        }
        return "revision/revision";
    }

    @PostMapping("/revision/jobs")
    public String apply(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String target, Model model,
                        HttpServletResponse response) {
        try {
            return "redirect:/revision/jobs/" + revisions.start(user, target);
        } catch (FormRefusal e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("choices", choices.all());
            model.addAttribute("jobs", revisions.jobs(user));
            model.addAttribute("target", target);
            model.addAttribute("errors", FormErrors.of(e, texts));
            return "revision/revision";
        }
    }

    @GetMapping("/revision/jobs")
    public String jobs() {
        return "redirect:/revision";
    }

    @GetMapping("/revision/jobs/{id}")
    public String job(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, Model model) {
        GuidelineRevisionService.Job job = revisions.job(user, id);
        model.addAttribute("job", job);
        model.addAttribute("results", revisions.results(id));
        if (job.state() == GuidelineRevisionService.State.RUNNING) {
            model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        }
        return "revision/job";
    }

    /** The job's progress for the page's script. */
    @GetMapping(path = "/revision/jobs/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> progress(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        GuidelineRevisionService.Job job = revisions.job(user, id);
        return ResponseEntity.ok(Map.of("state", job.state().name(), "done", job.done(), "total", job.total(), "changed", job.changed(),
                "failed", job.failed(), "percent", job.percent(), "text", texts.text("revision.progress", job.done(), job.total())));
    }
}
