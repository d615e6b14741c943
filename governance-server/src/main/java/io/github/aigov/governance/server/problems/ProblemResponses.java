package io.github.aigov.governance.server.problems;

import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal an endpoint makes, as problem details: the library's problems as they are (400, or
 * 500 for its internal ones), the service's own, and Spring MVC's refusals in the same form. An
 * unexpected exception is logged and answered with a 500 that says nothing of the code.
 */
@RestControllerAdvice
public class ProblemResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(Exception.class)
    public ResponseEntity<byte[]> handle(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // Spring Security's own handlers answer these (401 or 403, as problem details).
        }
        ApiProblem problem = translate(e, request);
        if (problem.status().is5xxServerError()) {
            LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        }
        return ResponseEntity.status(problem.status()).contentType(ProblemJson.PROBLEM)
                .body(ProblemJson.body(problem.status(), problem.problems(), request));
    }

    static ApiProblem translate(Exception e, HttpServletRequest request) {
        String where = request.getMethod() + " " + request.getRequestURI();
        if (e instanceof ApiProblem p) {
            return p;
        }
        if (e instanceof GovernanceException g) {
            return new ApiProblem(g.internal() ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST, g.problems());
        }
        if (e instanceof HttpMediaTypeNotSupportedException m) {
            return new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemCode.UNSUPPORTED_MEDIA_TYPE, where,
                    Message.of("problem.server.media-type", String.valueOf(m.getContentType())),
                    Message.of("hint.one-of", supported(m.getSupportedMediaTypes())));
        }
        if (e instanceof HttpMediaTypeNotAcceptableException m) {
            return new ApiProblem(HttpStatus.NOT_ACCEPTABLE, ProblemCode.BAD_REQUEST, where,
                    Message.of("problem.server.not-acceptable"), Message.of("hint.one-of", supported(m.getSupportedMediaTypes())));
        }
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            return new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED, ProblemCode.BAD_REQUEST, where,
                    Message.of("problem.server.method", m.getMethod()),
                    Message.of("hint.one-of", m.getSupportedMethods() == null ? "" : String.join(", ", m.getSupportedMethods())));
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return new ApiProblem(HttpStatus.BAD_REQUEST, ProblemCode.BAD_REQUEST, "?" + m.getParameterName(),
                    Message.of("problem.server.missing-parameter", m.getParameterName()), null);
        }
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return new ApiProblem(HttpStatus.BAD_REQUEST, ProblemCode.BAD_REQUEST, "?" + m.getName(),
                    Message.of("problem.server.bad-value", m.getName(), String.valueOf(m.getValue())), null);
        }
        if (e instanceof NoResourceFoundException) {
            return ApiProblem.notFound(request.getRequestURI());
        }
        if (e instanceof org.springframework.web.ErrorResponse r && r.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(r.getStatusCode().value());
            return new ApiProblem(status, ProblemCode.BAD_REQUEST, where, Message.of("problem.server.bad-request"), null);
        }
        return internal(where);
    }

    static ApiProblem internal(String where) {
        return new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, List.of(Problem.error(ProblemCode.INTERNAL_SERVICE_ERROR,
                Location.of(where), Message.of("problem.server.internal"), Message.of("hint.server.internal"))));
    }

    private static String supported(List<org.springframework.http.MediaType> types) {
        return String.join(", ", types.stream().map(t -> t.getType() + "/" + t.getSubtype()).distinct().toList());
    }
}
