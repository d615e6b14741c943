package io.github.aigov.governance.server.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address outside the API that no page answers: the not-found page, not the API's problem
 * details (a person typed or followed it). Under {@code /api/} the API's answer stands.
 */
@Component
public class PageNotFound implements HandlerExceptionResolver, Ordered {
    private final PageAdvice pages;

    public PageNotFound(PageAdvice pages) {
        this.pages = pages;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (e instanceof NoResourceFoundException && !path.startsWith("/api/")) {
            return pages.page(HttpStatus.NOT_FOUND, List.of(), request, response);
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
