package io.github.aigov.governance.server.problems;

import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Requests Tomcat refuses before the application sees them (a malformed URL, an encoded slash) are
 * answered as problem details too, not with Tomcat's HTML page; an encoded slash is passed on, for
 * Spring Security's firewall to refuse as a problem.
 */
@Configuration
public class ContainerErrors {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemsFromTomcat() {
        return factory -> {
            factory.addConnectorCustomizers(c -> c.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof Host host && host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ProblemReportValve.class.getName());
                    standard.getPipeline().addValve(new ProblemReportValve());
                }
            });
        };
    }

    /** Tomcat's error report, as problem details. */
    public static final class ProblemReportValve extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(code);
            ProblemCode problemCode = status.is5xxServerError() ? ProblemCode.INTERNAL_SERVICE_ERROR : ProblemCode.BAD_REQUEST;
            String key = status.is5xxServerError() ? "problem.server.internal" : "problem.server.bad-request";
            byte[] body = ProblemJson.body(status, List.of(Problem.error(problemCode, Location.of(String.valueOf(request.getDecodedRequestURI())),
                    Message.of(key), null)), request);
            try {
                response.setContentType(ProblemJson.PROBLEM.toString());
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(new String(body, StandardCharsets.UTF_8));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client went away: nothing more to say.
            }
        }
    }
}
