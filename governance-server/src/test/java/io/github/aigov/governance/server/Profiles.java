package io.github.aigov.governance.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample profiles the library ships, as request bodies. */
public final class Profiles {
    /** HIGH, escalated. */
    public static final String CHATBOT = "benefits-eligibility-chatbot";
    /** LOW, not escalated. */
    public static final String MINUTES = "meeting-minutes-drafting";

    private Profiles() {
    }

    public static Path file(String name) {
        return Path.of("../examples/projects/" + name + ".yaml");
    }

    public static String yaml(String name) {
        try {
            return Files.readString(file(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same profile as JSON (what an application would send). */
    public static String json(String name) {
        try {
            Object tree = new org.yaml.snakeyaml.Yaml().load(yaml(name));
            return Http.JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The profile with one top-level scalar replaced (e.g. {@code name}). */
    public static String with(String yaml, String field, String value) {
        String quoted = "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        String replaced = yaml.replaceFirst("(?m)^" + field + ":.*$", java.util.regex.Matcher.quoteReplacement(field + ": " + quoted));
        if (replaced.equals(yaml)) {
            throw new IllegalArgumentException("no top-level " + field);
        }
        return replaced;
    }

    /** The decision JSON with its id and time blanked, for comparing two decisions of one profile. */
    public static String timeless(String decisionJson) {
        return decisionJson.replaceAll("\"decisionId\"\\s*:\\s*\"[^\"]*\"", "\"decisionId\":\"-\"")
                .replaceAll("\"decidedAt\"\\s*:\\s*\"[^\"]*\"", "\"decidedAt\":\"-\"");
    }
}
