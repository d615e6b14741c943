package io.github.aigov.governance.server.questionnaire;

import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Question;
import io.github.aigov.governance.QuestionOption;
import io.github.aigov.governance.QuestionnaireSection;
import io.github.aigov.governance.server.pages.FormErrors;
import io.github.aigov.governance.server.pages.FormRefusal;
import io.github.aigov.governance.server.pages.Page;
import io.github.aigov.governance.server.pages.Texts;
import io.github.aigov.governance.server.problems.ApiProblem;
import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.systems.GuidelineChoices;
import io.github.aigov.governance.server.systems.ProfileUploads;
import io.github.aigov.governance.server.systems.SystemService;
import io.github.aigov.governance.server.systems.SystemViews;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Registering a system by answering the questionnaire: every question with its explanation and
 * examples on request ({@code <details>}), the result and its reasons after "check" (with script, as
 * the answers change), the questions not yet answered named; a profile file can fill in the answers,
 * and the answers can be downloaded as a profile. Registering stores revision 1 as an upload does.
 */
@Page
public class QuestionnaireController {
    static final String FIELD_PREFIX = "q.";

    private final QuestionnaireService questionnaires;
    private final SystemService systems;
    private final ProfileUploads uploads;
    private final GuidelineChoices choices;
    private final Texts texts;

    public QuestionnaireController(QuestionnaireService questionnaires, SystemService systems, ProfileUploads uploads,
                                   GuidelineChoices choices, Texts texts) {
        this.questionnaires = questionnaires;
        this.systems = systems;
        this.uploads = uploads;
        this.choices = choices;
        this.texts = texts;
    }

    /** An option as the page shows it. */
    public record OptionView(String value, String inputId, String meaning, List<String> examples) {
    }

    /** A question as the page shows it, with the answer given so far. */
    public record QuestionView(String id, String field, String inputId, String type, String text, boolean optional,
                               String explanation, List<String> examples, List<OptionView> options, String answer,
                               boolean unanswered) {
    }

    public record SectionView(String id, String title, List<QuestionView> questions) {
    }

    /** The page: the questionnaire with the answers, and (after a check) what they come to. */
    public record View(String title, String guideline, List<SectionView> sections, QuestionnaireService.Outcome outcome,
                       List<QuestionView> unanswered) {
    }

    @GetMapping("/systems/new/questions")
    public String form(@RequestParam(required = false) String guideline, Model model) {
        String chosen = guideline == null ? choices.latest() : guideline;
        return page(chosen, Map.of(), null, FormErrors.NONE, List.of(), model);
    }

    /** Check, register or download, as the pressed button says ({@code action}). */
    @PostMapping("/systems/new/questions")
    public Object answer(@AuthenticationPrincipal CurrentUser user, @RequestParam MultiValueMap<String, String> form,
                         Model model, HttpServletResponse response) {
        String guideline = form.getFirst("guideline");
        String action = String.valueOf(form.getFirst("action"));
        Map<String, String> answers = answers(form);
        QuestionnaireService.Chosen chosen = questionnaires.chosen(ProfileUploads.choice(guideline));
        QuestionnaireService.Outcome outcome = questionnaires.check(chosen, answers, Texts.locale());
        if (action.equals("register") && outcome.complete()) {
            try {
                SystemViews.SystemView view = systems.register(user, outcome.profile(), ProfileUploads.choice(guideline));
                return "redirect:/systems/" + view.id() + "?registered";
            } catch (GovernanceException | ApiProblem e) {
                response.setStatus(e instanceof ApiProblem p ? p.status().value() : HttpStatus.BAD_REQUEST.value());
                List<Texts.ProblemView> problems = e instanceof GovernanceException g ? g.problems().stream().map(texts::problem).toList()
                        : ((ApiProblem) e).problems().stream().map(texts::problem).toList();
                return page(guideline, answers, outcome, FormErrors.NONE, problems, model);
            }
        }
        if (action.equals("download") && outcome.complete()) {
            String file = outcome.profile().id() + ".yaml";
            return ResponseEntity.ok()
                    .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                    .body(outcome.yaml().getBytes(StandardCharsets.UTF_8));
        }
        FormErrors errors = FormErrors.NONE;
        if (!outcome.complete() && !action.equals("check") && !action.equals("result")) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            // Registering or downloading refused: the questions not answered, at the top, each a link to its question.
            if (!outcome.unanswered().isEmpty()) {
                Locale locale = Texts.locale();
                errors = FormErrors.of(new FormRefusal(outcome.unanswered().stream()
                        .map(q -> new FormRefusal.FieldError("q-" + q.id(), "questions.error.unanswered",
                                List.<Object>of(QuestionnaireService.in(q.text(), locale))))
                        .toList()), texts);
            }
        }
        if (action.equals("result")) {
            // The script's live re-assessment: the result section only.
            model.addAttribute("page", view(guideline, answers, outcome));
            return "questionnaire/questions :: result";
        }
        return page(guideline, answers, outcome, errors, outcome.problems(), model);
    }

    /** A profile file fills in the answers (nothing is registered). */
    @PostMapping("/systems/new/questions/profile")
    public String upload(@RequestParam(required = false) MultipartFile profile, @RequestParam(required = false) String guideline,
                         Model model, HttpServletResponse response) {
        QuestionnaireService.Chosen chosen = questionnaires.chosen(ProfileUploads.choice(guideline));
        try {
            Map<String, String> answers = QuestionnaireService.answers(chosen.questionnaire(), uploads.read(profile));
            QuestionnaireService.Outcome outcome = questionnaires.check(chosen, answers, Texts.locale());
            model.addAttribute("uploaded", true);
            return page(guideline, answers, outcome, FormErrors.NONE, outcome.problems(), model);
        } catch (FormRefusal e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(guideline, Map.of(), null, FormErrors.of(e, texts), List.of(), model);
        } catch (GovernanceException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(guideline, Map.of(), null, FormErrors.NONE, e.problems().stream().map(texts::problem).toList(), model);
        }
    }

    private String page(String guideline, Map<String, String> answers, QuestionnaireService.Outcome outcome, FormErrors errors,
                        List<Texts.ProblemView> problems, Model model) {
        model.addAttribute("page", view(guideline, answers, outcome));
        model.addAttribute("choices", choices.all());
        model.addAttribute("selected", guideline == null ? choices.latest() : guideline);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", problems);
        return "questionnaire/questions";
    }

    private View view(String guideline, Map<String, String> answers, QuestionnaireService.Outcome outcome) {
        QuestionnaireService.Chosen chosen = questionnaires.chosen(ProfileUploads.choice(guideline));
        Locale locale = Texts.locale();
        List<String> missing = outcome == null ? List.of() : outcome.unanswered().stream().map(Question::id).toList();
        List<SectionView> sections = chosen.questionnaire().sections().stream().map(s -> section(s, answers, missing, locale)).toList();
        List<QuestionView> unanswered = sections.stream().flatMap(s -> s.questions().stream()).filter(QuestionView::unanswered).toList();
        return new View(QuestionnaireService.in(chosen.questionnaire().title(), locale),
                guideline == null ? choices.latest() : guideline, sections, outcome, unanswered);
    }

    private static SectionView section(QuestionnaireSection s, Map<String, String> answers, List<String> missing, Locale locale) {
        return new SectionView(s.id(), QuestionnaireService.in(s.title(), locale), s.questions().stream().map(q -> {
            String inputId = "q-" + q.id();
            List<OptionView> options = q.options().stream().map((QuestionOption o) -> new OptionView(o.value(), inputId + "-" + o.value(),
                    QuestionnaireService.in(o.meaning(), locale), o.examples().stream().map(e -> QuestionnaireService.in(e, locale)).toList()))
                    .toList();
            return new QuestionView(q.id(), FIELD_PREFIX + q.id(), inputId, q.type().name(), QuestionnaireService.in(q.text(), locale),
                    q.optional(), QuestionnaireService.in(q.help().explanation(), locale),
                    q.help().examples().stream().map(e -> QuestionnaireService.in(e, locale)).toList(), options,
                    answers.getOrDefault(q.id(), ""), missing.contains(q.id()));
        }).toList());
    }

    /** The answers a form sends: fields {@code q.<question id>}. */
    static Map<String, String> answers(MultiValueMap<String, String> form) {
        Map<String, String> answers = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(FIELD_PREFIX) && values != null && !values.isEmpty() && values.get(0) != null) {
                answers.put(name.substring(FIELD_PREFIX.length()), io.github.aigov.governance.server.pages.TextInput.clean(values.get(0)));
            }
        });
        return answers;
    }
}
