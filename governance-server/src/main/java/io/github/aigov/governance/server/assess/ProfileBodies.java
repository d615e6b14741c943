package io.github.aigov.governance.server.assess;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.server.problems.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * A profile in a request body, JSON or YAML, read as the command line reads a file: at most the
 * library's document limit (1 MiB; a larger body is refused with 413 before it is read, or as soon
 * as it passes the limit when its length is not declared), strict UTF-8, then the library's parser
 * with its limits on depth, aliases and nodes.
 */
@Component
public class ProfileBodies {
    /** Where problems in a body are located. */
    public static final String SOURCE = "<request>";
    public static final String YAML = "application/yaml";
    static final int LIMIT = InputLimits.DEFAULT.maxDocumentBytes();

    public ProjectProfile read(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type != null) {
            MediaType media = MediaType.parseMediaType(type);
            if (media.getCharset() != null && !StandardCharsets.UTF_8.equals(media.getCharset())) {
                throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemCode.UNSUPPORTED_MEDIA_TYPE, SOURCE,
                        Message.of("problem.server.media-type", type), Message.of("hint.one-of", "charset=UTF-8"));
            }
        }
        if (request.getContentLengthLong() > LIMIT) {
            throw tooLarge();
        }
        byte[] body = request.getInputStream().readNBytes(LIMIT + 1);
        if (body.length > LIMIT) {
            throw tooLarge();
        }
        return Governance.parseProfile(utf8(body), SOURCE);
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, ProblemCode.LIMIT_EXCEEDED, SOURCE,
                Message.of("problem.server.body-too-large", LIMIT), Message.of("hint.server.body-too-large"));
    }

    private static String utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, ProblemCode.UNREADABLE_FILE, SOURCE,
                    Message.of("problem.server.not-utf8"), Message.of("hint.server.not-utf8"));
        }
    }
}
