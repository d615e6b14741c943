package io.github.aigov.governance;

/**
 * One checklist item and what the project's specifications or contract must do about it.
 *
 * @param id     the item's id, e.g. {@code PROC-06}
 * @param sheet  the checklist's id, e.g. {@code PROCUREMENT}
 * @param group  the group within the checklist
 * @param source where the item itself is defined
 */
public record ItemResult(String id, String sheet, String group, ItemStatus status, Reason reason, SourceRef source) {
}
