package io.github.aigov.governance.server.problems;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Problems as RFC 9457 problem details: {@code title} and {@code detail} in the request's language,
 * and the library's problems as data under {@code problems}, each with its permanent code, location,
 * and message and hint in Japanese and English. Never a stack trace.
 */
public final class ProblemJson {
    public static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Locale[] LANGUAGES = {Locale.JAPANESE, Locale.ENGLISH};

    private ProblemJson() {
    }

    /** The body for these problems. */
    public static byte[] body(HttpStatus status, List<Problem> problems, HttpServletRequest request) {
        Locale locale = Languages.of(request);
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "about:blank");
        String title = "label.server.status." + status.value();
        root.put("title", Messages.has(title, locale) ? Messages.render(Message.of(title), locale) : status.getReasonPhrase());
        root.put("status", status.value());
        if (!problems.isEmpty()) {
            root.put("detail", Messages.format(problems.get(0), locale));
        }
        root.put("instance", request.getRequestURI());
        ArrayNode list = root.putArray("problems");
        for (Problem p : problems.stream().sorted().toList()) {
            ObjectNode n = list.addObject();
            n.put("code", p.code().id());
            n.put("severity", p.severity().name());
            ObjectNode where = n.putObject("location");
            where.put("file", p.location().file());
            where.put("line", p.location().line());
            where.put("column", p.location().column());
            where.put("path", p.location().path() == null ? "" : p.location().path());
            n.set("message", texts(p.message()));
            if (p.hint() != null) {
                n.set("hint", texts(p.hint()));
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode texts(Message message) {
        ObjectNode n = JSON.createObjectNode();
        for (Locale l : LANGUAGES) {
            n.put(l.getLanguage(), Messages.render(message, l));
        }
        return n;
    }

    /** Writes the problems as the whole response (from filters and entry points, outside Spring MVC). */
    public static void write(HttpServletResponse response, HttpStatus status, List<Problem> problems,
                             HttpServletRequest request) throws IOException {
        byte[] body = body(status, problems, request);
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(PROBLEM.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
