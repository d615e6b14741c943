package io.github.aigov.governance.server.systems;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.server.assess.Engines;
import io.github.aigov.governance.server.pages.FormRefusal;
import io.github.aigov.governance.server.pages.TextInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * A profile uploaded from a page, read as the command line reads a file: at most the library's
 * document limit, strict UTF-8 (a byte order mark is dropped), then the library's parser with its
 * limits. The library's problems (with their line and column in the file) go back to the form.
 */
@Component
public class ProfileUploads {
    static final int LIMIT = InputLimits.DEFAULT.maxDocumentBytes();

    /** The profile in the file, or the form refused (field {@code profile}), or the library's problems. */
    public ProjectProfile read(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw refusal("profile.error.empty");
        }
        if (file.getSize() > LIMIT) {
            throw refusal("profile.error.too-large", LIMIT / 1024);
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw refusal("profile.error.not-utf8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return Governance.parseProfile(text, sourceName(file.getOriginalFilename()));
    }

    /** The uploaded file's name as problems name it: its last path segment, plain text, at most 100 characters. */
    static String sourceName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = TextInput.clean(n.substring(n.lastIndexOf('/') + 1)).replaceAll("\\s+", " ");
        return n.isEmpty() ? "profile.yaml" : n.substring(0, Math.min(100, n.length()));
    }

    /** The guideline choice a form sends: {@code version:2.0} or {@code overlay:NAME}; anything else is the latest version. */
    public static Engines.Choice choice(String value) {
        if (value != null && value.startsWith("overlay:")) {
            return new Engines.Choice(null, value.substring("overlay:".length()));
        }
        if (value != null && value.startsWith("version:")) {
            return new Engines.Choice(value.substring("version:".length()), null);
        }
        return new Engines.Choice(null, null);
    }

    private static FormRefusal refusal(String key, Object... args) {
        return new FormRefusal(List.of(new FormRefusal.FieldError("profile", key, List.of(args))));
    }
}
