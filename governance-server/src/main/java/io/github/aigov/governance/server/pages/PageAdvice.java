package io.github.aigov.governance.server.pages;

import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.server.problems.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages' shared model, and their refusals as pages: what the API answers as problem details, a
 * page shows in the user's language, with the same status. Ordered before the API's handler, and
 * only for {@link Page} controllers.
 */
@ControllerAdvice(annotations = Page.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageAdvice {
    private static final Logger LOG = LoggerFactory.getLogger(PageAdvice.class);

    private final PageFrame frame;
    private final Texts texts;

    public PageAdvice(PageFrame frame, Texts texts) {
        this.frame = frame;
        this.texts = texts;
    }

    @ModelAttribute
    public void frame(Model model, HttpServletRequest request) {
        frame.fill(model, request);
    }

    @ExceptionHandler(Exception.class)
    public ModelAndView refuse(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e;
        }
        HttpStatus status;
        List<Texts.ProblemView> problems = List.of();
        if (e instanceof ApiProblem p) {
            status = p.status();
            problems = p.problems().stream().map(texts::problem).toList();
        } else if (e instanceof GovernanceException g) {
            status = g.internal() ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
            problems = g.problems().stream().map(texts::problem).toList();
        } else if (e instanceof MaxUploadSizeExceededException) {
            status = HttpStatus.CONTENT_TOO_LARGE;
        } else if (e instanceof MissingServletRequestParameterException || e instanceof MethodArgumentTypeMismatchException
                || e instanceof MultipartException) {
            status = HttpStatus.BAD_REQUEST;
        } else if (e instanceof HttpRequestMethodNotSupportedException) {
            status = HttpStatus.METHOD_NOT_ALLOWED;
        } else {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status.is5xxServerError()) {
            LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
            problems = List.of();
        }
        return page(status, problems, request, response);
    }

    /** The refusal page for this status. */
    ModelAndView page(HttpStatus status, List<Texts.ProblemView> problems, HttpServletRequest request, HttpServletResponse response) {
        Model model = new ExtendedModelMap();
        frame.fill(model, request);
        return refusal(model, status, problems, response);
    }

    static ModelAndView refusal(Model model, HttpStatus status, List<Texts.ProblemView> problems, HttpServletResponse response) {
        response.setStatus(status.value());
        int code = switch (status.value()) {
            case 400, 403, 404, 405, 409, 413 -> status.value();
            default -> 500;
        };
        model.addAttribute("status", code);
        model.addAttribute("titleKey", "refusal." + code + ".title");
        model.addAttribute("textKey", "refusal." + code + ".text");
        model.addAttribute("problems", problems);
        ModelAndView view = new ModelAndView("refusal", model.asMap());
        view.setStatus(status);
        return view;
    }
}
