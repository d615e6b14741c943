package io.github.aigov.governance.rules;

import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.SourceRef;
import java.util.List;

/**
 * The rules a definition set (and its overlays) compiles to, as the engine runs them: the DRL, rule by rule,
 * each with the definition it was generated from and where that is written. {@link #text()} is the whole
 * listing, itself valid DRL: each rule preceded by a comment naming its definition's file, line and column.
 *
 * @param definitions the definitions (and overlays) compiled
 * @param header      the text before the first rule: package, dialect and imports
 * @param rules       every generated rule, in the order of the DRL
 */
public record GeneratedRules(DefinitionsRef definitions, String header, List<Rule> rules) {
    public GeneratedRules {
        rules = List.copyOf(rules);
    }

    /**
     * One generated rule.
     *
     * @param name         the rule's name, {@code phase:definitionId}, as trace events name it
     * @param phase        {@code scope}, {@code scope-items}, {@code level}, {@code combination}, {@code escalation},
     *                     {@code applicability} or {@code obligation}
     * @param definitionId the definition it was generated from (for a level, {@code axis.OPTION})
     * @param source       where that definition is written (the overlay's file for one an overlay contributed)
     * @param drl          the rule's DRL, from {@code rule} to {@code end}
     */
    public record Rule(String name, String phase, String definitionId, SourceRef source, String drl) {
        /** Where the rule comes from, {@code file:line:column}, and {@code + OVERLAY-ID} when an overlay contributed it. */
        public String origin() {
            return source.file() + ":" + source.line() + ":" + source.column()
                    + (source.overlay() == null ? "" : " + " + source.overlay());
        }
    }

    /** The DRL exactly as the engine compiles it: the header and every rule, without the origins. */
    public String drl() {
        StringBuilder out = new StringBuilder(header);
        rules.forEach(r -> out.append(r.drl()));
        return out.toString();
    }

    /**
     * The listing: a comment naming the definitions ({@code // DS-920 2.0 + OVERLAY-ID}), the DRL's header, then
     * each rule after a comment naming its definition and where that is written
     * ({@code // COMB-01 classpath:ds920/v2.0/risk-assessment.yaml:307:5}). Data only, in no language.
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("// ").append(definitions.id()).append(' ').append(definitions.version());
        definitions.overlays().forEach(o -> out.append(" + ").append(o.id()));
        out.append('\n').append(header);
        for (Rule r : rules) {
            out.append("// ").append(r.definitionId()).append(' ').append(r.origin()).append('\n').append(r.drl());
        }
        return out.toString();
    }
}
