package io.github.aigov.governance.server.pages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload larger than the pages take ({@link PageSecurity#UPLOAD_LIMIT}) is answered at once
 * with the page that says so (413), before anything reads its form fields: the container would
 * refuse to read them, and the form's CSRF token with them.
 */
final class UploadLimit extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                && request.getContentLengthLong() > PageSecurity.UPLOAD_LIMIT) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            // Forwarded as a plain GET without a body, so that nothing tries to read the refused one.
            request.getRequestDispatcher("/too-large").forward(new HttpServletRequestWrapper(request) {
                @Override
                public String getMethod() {
                    return "GET";
                }

                @Override
                public String getContentType() {
                    return null;
                }

                @Override
                public long getContentLengthLong() {
                    return -1;
                }

                @Override
                public int getContentLength() {
                    return -1;
                }

                @Override
                public String getParameter(String name) {
                    return null;
                }

                @Override
                public java.util.Map<String, String[]> getParameterMap() {
                    return java.util.Map.of();
                }

                @Override
                public java.util.Enumeration<String> getParameterNames() {
                    return java.util.Collections.emptyEnumeration();
                }

                @Override
                public String[] getParameterValues(String name) {
                    return null;
                }

                @Override
                public String getQueryString() {
                    return null;
                }
            }, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
