package io.github.aigov.governance;

/** What a specification or contract must do about a checklist item. Ordered from weakest to strongest. */
public enum ItemStatus {
    NOT_APPLICABLE, RECOMMENDED, REQUIRED
}
