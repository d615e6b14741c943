package io.github.aigov.governance.server.problems;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container forwards to {@code /error} (a request refused before Spring MVC saw it):
 * problem details too, never the container's HTML page or a stack trace.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    public ResponseEntity<byte[]> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String where = uri == null ? request.getRequestURI() : uri.toString();
        ApiProblem problem = switch (status) {
            case NOT_FOUND -> ApiProblem.notFound(where);
            case INTERNAL_SERVER_ERROR -> ProblemResponses.internal(where);
            default -> new ApiProblem(status, io.github.aigov.governance.ProblemCode.BAD_REQUEST, where,
                    io.github.aigov.governance.Message.of("problem.server.bad-request"), null);
        };
        return ResponseEntity.status(status).contentType(ProblemJson.PROBLEM)
                .body(ProblemJson.body(status, problem.problems(), request));
    }
}
