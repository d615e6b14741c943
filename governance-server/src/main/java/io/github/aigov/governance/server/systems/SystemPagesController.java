package io.github.aigov.governance.server.systems;

import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.server.pages.FormErrors;
import io.github.aigov.governance.server.pages.FormRefusal;
import io.github.aigov.governance.server.pages.Page;
import io.github.aigov.governance.server.pages.Texts;
import io.github.aigov.governance.server.papers.Paper;
import io.github.aigov.governance.server.papers.PaperService;
import io.github.aigov.governance.server.problems.ApiProblem;
import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.systems.SystemRepository.RevisionRow;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The system's pages beside the API: register a system by uploading its profile, the system's page
 * (its decision and everything recorded beside it), a new revision by upload, the profile and the
 * papers to download, and what changed between two revisions.
 */
@Page
public class SystemPagesController {
    /** The papers' policy: no script, nothing loaded (as the API serves them). */
    static final String PAPER_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private final SystemService systems;
    private final SystemPageService pages;
    private final ProfileUploads uploads;
    private final PaperService papers;
    private final GuidelineChoices choices;
    private final Texts texts;

    public SystemPagesController(SystemService systems, SystemPageService pages, ProfileUploads uploads, PaperService papers,
                                 GuidelineChoices choices, Texts texts) {
        this.systems = systems;
        this.pages = pages;
        this.uploads = uploads;
        this.papers = papers;
        this.choices = choices;
        this.texts = texts;
    }

    @GetMapping("/systems/new")
    public String registerForm(Model model) {
        model.addAttribute("choices", choices.all());
        model.addAttribute("selected", choices.latest());
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute("problems", List.of());
        return "systems/register";
    }

    @PostMapping("/systems")
    public String register(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile profile,
                           @RequestParam(required = false) String guideline, Model model, HttpServletResponse response) {
        try {
            SystemViews.SystemView view = systems.register(user, uploads.read(profile), ProfileUploads.choice(guideline));
            return "redirect:/systems/" + view.id() + "?registered";
        } catch (FormRefusal | GovernanceException | ApiProblem e) {
            refused(e, model, response);
            model.addAttribute("choices", choices.all());
            model.addAttribute("selected", guideline);
            return "systems/register";
        }
    }

    /** A refused upload: the form again, with the errors or the library's problems, and the status the API would give. */
    private void refused(RuntimeException e, Model model, HttpServletResponse response) {
        if (e instanceof ApiProblem p && p.status() == HttpStatus.NOT_FOUND) {
            throw p;
        }
        model.addAttribute("errors", e instanceof FormRefusal f ? FormErrors.of(f, texts) : FormErrors.NONE);
        model.addAttribute("problems", e instanceof GovernanceException g ? g.problems().stream().map(texts::problem).toList()
                : e instanceof ApiProblem p ? p.problems().stream().map(texts::problem).toList() : List.of());
        response.setStatus(e instanceof ApiProblem p ? p.status().value() : HttpStatus.BAD_REQUEST.value());
    }

    @GetMapping("/systems/{id}")
    public String system(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                         @RequestParam(required = false) Integer revision, @RequestParam(required = false) String crosswalk,
                         Model model) {
        model.addAttribute("page", pages.view(user, id, revision, crosswalk));
        return "systems/system";
    }

    @GetMapping("/systems/{id}/profile")
    public String reviseForm(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, Model model) {
        SystemPageService.Heading heading = pages.heading(user, id, null);
        model.addAttribute("heading", heading);
        model.addAttribute("choices", choices.all());
        model.addAttribute("selected", GuidelineChoices.valueOf(heading.revision().guidelineVersion(), heading.revision().overlay()));
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute("problems", List.of());
        return "systems/revise";
    }

    @PostMapping("/systems/{id}/profile")
    public String revise(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                         @RequestParam(required = false) MultipartFile profile, @RequestParam(required = false) String guideline,
                         Model model, HttpServletResponse response) {
        SystemPageService.Heading heading = pages.heading(user, id, null);
        try {
            systems.revise(user, id, uploads.read(profile), ProfileUploads.choice(guideline));
            return "redirect:/systems/" + id + "?revised";
        } catch (FormRefusal | GovernanceException | ApiProblem e) {
            refused(e, model, response);
            model.addAttribute("heading", heading);
            model.addAttribute("choices", choices.all());
            model.addAttribute("selected", guideline);
            return "systems/revise";
        }
    }

    @GetMapping("/systems/{id}/profile.yaml")
    public ResponseEntity<byte[]> profile(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                          @RequestParam(required = false) Integer revision) {
        RevisionRow r = systems.revision(user, id, revision);
        var decision = systems.decision(r);
        String file = decision.profile().id() + "-r" + r.revision() + ".yaml";
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(ProfileYaml.write(decision.profile(), r.revision()).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/systems/{id}/papers/{paper}")
    public ResponseEntity<byte[]> paper(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @PathVariable String paper,
                                        @RequestParam(required = false) Integer revision,
                                        @RequestParam(required = false) String crosswalk) {
        Paper kind = switch (paper) {
            case "html" -> Paper.HTML;
            case "markdown" -> Paper.MARKDOWN;
            case "xlsx" -> Paper.XLSX;
            case "board-report" -> Paper.BOARD_REPORT;
            case "board-report-html" -> Paper.BOARD_REPORT_HTML;
            default -> throw ApiProblem.notFound("/systems/" + id + "/papers/" + paper);
        };
        Locale locale = Texts.locale();
        PaperService.Written written = papers.write(user, id, revision, kind, locale, crosswalk);
        String file = written.revision().systemId() + "-r" + written.revision().revision() + "-" + paper + "-" + locale.getLanguage()
                + "." + kind.extension();
        boolean view = kind.extension().equals("html");
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(MediaType.parseMediaType(kind.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, (view ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(file).build().toString());
        if (view) {
            answer.header("Content-Security-Policy", PAPER_POLICY);
        }
        return answer.body(written.content());
    }

    @GetMapping("/systems/{id}/compare")
    public String compare(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestParam int from,
                          @RequestParam int to, Model model) {
        model.addAttribute("heading", pages.heading(user, id, null));
        model.addAttribute("comparison", pages.compare(user, id, Math.min(from, to), Math.max(from, to)));
        return "systems/compare";
    }
}
