package io.github.aigov.governance.server.problems;

import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A refusal with its HTTP status and the problems that explain it, answered as {@code application/problem+json}. */
public final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final transient List<Problem> problems;

    public ApiProblem(HttpStatus status, List<Problem> problems) {
        super(status + " " + problems, null, false, false);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public ApiProblem(HttpStatus status, ProblemCode code, String where, Message message, Message hint) {
        this(status, List.of(Problem.error(code, Location.of(where), message, hint)));
    }

    public HttpStatus status() {
        return status;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** 404 for anything the user may not see, the same whether it exists or not. */
    public static ApiProblem notFound(String where) {
        return new ApiProblem(HttpStatus.NOT_FOUND, ProblemCode.NOT_FOUND, where, Message.of("problem.server.not-found", where),
                Message.of("hint.server.not-found"));
    }

    /** 400 for a query parameter outside what the endpoint takes. */
    public static ApiProblem badParameter(String name, String value, String allowed) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, ProblemCode.BAD_REQUEST, "?" + name,
                Message.of("problem.server.bad-parameter", name, value), Message.of("hint.one-of", allowed));
    }
}
