package io.github.aigov.governance;

import java.util.List;

/**
 * One rule firing, in order: which rule, in which phase, on which facts, and the definition it
 * was compiled from.
 *
 * @param sequence 1-based position in firing order
 * @param rule     the compiled rule's name, {@code phase:definitionId[:item]}
 * @param phase    {@code scope}, {@code level}, {@code combination}, {@code escalation}, {@code applicability}
 *                 (a checklist item decided), {@code obligation} (one of the ministry's duties decided) or
 *                 {@code scope-items} (an item or duty not applicable, out of scope)
 * @param facts    the facts the rule matched, each once, as values ({@link TraceFact#text()} shows one); a
 *                 counting rule's fact names the axes it counted
 * @param outcome  what the firing established, e.g. {@code classification=HIGH}
 */
public record TraceEvent(int sequence, String rule, String phase, String definitionId, List<TraceFact> facts,
                         String outcome, SourceRef source) {
    public TraceEvent {
        facts = List.copyOf(facts);
    }
}
