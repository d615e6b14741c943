package io.github.aigov.governance;

import java.util.List;
import java.util.Objects;

/**
 * User-facing text kept as a key and its arguments, rendered late in Japanese or English
 * (see {@link GovernanceEngine#render(Message, java.util.Locale)}), so a decision can be
 * re-rendered in the other language.
 *
 * <p>Keys are either the library's own (in {@code messages*.properties}) or a definition's text:
 * {@code <definition id>.title}, {@code <definition id>.reason}.
 */
public record Message(String key, List<String> args) {
    public Message {
        Objects.requireNonNull(key, "key");
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Message of(String key, Object... args) {
        return new Message(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
