package io.github.aigov.governance.server.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** The frame's own pages: the start, the login, and the refusals Spring Security forwards to. */
@Page
public class FramePages {

    @GetMapping("/")
    public String start() {
        return "redirect:/dashboard";
    }

    @GetMapping("/login")
    public String login() {
        return PageFrame.currentUser() != null ? "redirect:/dashboard" : "login";
    }

    /** A request the user's role may not make, or a form without a valid CSRF token (e.g. after the session ended). */
    @RequestMapping("/denied")
    public ModelAndView denied(Model model, HttpServletRequest request, HttpServletResponse response) {
        ModelAndView view = PageAdvice.refusal(model, HttpStatus.FORBIDDEN, List.of(), response);
        if (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
            view.addObject("textKey", "refusal.csrf.text");
        }
        return view;
    }

    /** An upload over {@link PageSecurity#UPLOAD_LIMIT}. */
    @RequestMapping("/too-large")
    public ModelAndView tooLarge(Model model, HttpServletResponse response) {
        return PageAdvice.refusal(model, HttpStatus.CONTENT_TOO_LARGE, List.of(), response);
    }
}
