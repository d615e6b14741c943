package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Location;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Test fixtures written as text, and where things are in them. */
final class TestFiles {
    private TestFiles() {
    }

    /** Replaces text in a file; each text must occur exactly once, so a fixture that went stale cannot pass. */
    static void replace(Path file, String... replacements) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(text.split(Pattern.quote(replacements[i]), -1)).as("occurrences of " + replacements[i]
                    + " in " + file).hasSize(2);
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The location of the unique occurrence of {@code text} in the file, with the given field path. */
    static Location at(Path file, String text, String path) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                found.add(i);
            }
        }
        assertThat(found).as("lines containing " + text + " in " + file).hasSize(1);
        int line = found.get(0);
        return new Location(file.toString(), line + 1, lines.get(line).indexOf(text) + 1, path);
    }

    static int lineOf(Path file, String text) throws IOException {
        return at(file, text, "").line();
    }

    /** The one problem with this code. */
    static Problem only(List<Problem> problems, ProblemCode code) {
        List<Problem> matching = problems.stream().filter(p -> p.code() == code).toList();
        assertThat(matching).as(code.id() + " in\n" + render(problems)).hasSize(1);
        return matching.get(0);
    }

    static String render(List<Problem> problems) {
        return problems.stream().map(p -> Messages.format(p, Locale.ENGLISH)).collect(Collectors.joining("\n"));
    }
}
