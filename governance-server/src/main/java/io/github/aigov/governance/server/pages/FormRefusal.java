package io.github.aigov.governance.server.pages;

import java.util.ArrayList;
import java.util.List;

/**
 * A form refused by a service's rules: each field's error as a message key with its arguments.
 * The page shows the form again with the values entered and the errors beside their fields.
 */
public final class FormRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One field's error. */
    public record FieldError(String field, String key, List<Object> args) {
    }

    private final transient List<FieldError> errors;

    public FormRefusal(List<FieldError> errors) {
        super("form refused: " + errors, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Collects a form's errors, then refuses it if there are any. */
    public static final class Check {
        private final List<FieldError> errors = new ArrayList<>();

        /** Records the error unless {@code ok}. */
        public Check require(boolean ok, String field, String key, Object... args) {
            if (!ok) {
                errors.add(new FieldError(field, key, List.of(args)));
            }
            return this;
        }

        public boolean has(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field));
        }

        /** Refuses the form if any check failed. */
        public void done() {
            if (!errors.isEmpty()) {
                throw new FormRefusal(errors);
            }
        }
    }
}
