package io.github.aigov.governance.server.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refused form's errors as the page shows them, in the user's language: a summary at the top
 * (each linking to its field) and each error beside its field ({@code aria-describedby}).
 */
public final class FormErrors {
    private final Map<String, String> byField = new LinkedHashMap<>();

    /** No errors: the form as first shown. */
    public static final FormErrors NONE = new FormErrors();

    private FormErrors() {
    }

    public static FormErrors of(FormRefusal refusal, Texts texts) {
        FormErrors e = new FormErrors();
        for (FormRefusal.FieldError f : refusal.errors()) {
            e.byField.merge(f.field(), texts.text(f.key(), f.args().toArray()), (a, b) -> a + " " + b);
        }
        return e;
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The field's error, or {@code null}. */
    public String of(String field) {
        return byField.get(field);
    }

    /** Every error, with its field, in the order the fields were checked. */
    public List<Map.Entry<String, String>> all() {
        return List.copyOf(byField.entrySet());
    }
}
