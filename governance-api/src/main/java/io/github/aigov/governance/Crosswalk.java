package io.github.aigov.governance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * DS-920's axes and items mapped to another framework (the EU AI Act, NIST AI RMF, ISO/IEC 42001, ...),
 * as a definition: the framework, every one of its references in the file's scope (an identifier and a
 * short subject in this project's words, never the framework's text), and the mappings from DS-920
 * definition ids to those references, each this project's (or a ministry's) reading with its reason.
 * An engine holds the crosswalks that apply to its guideline version, the mappings of other versions left
 * out ({@link GovernanceEngine#crosswalks()}).
 *
 * @param id                the id a user names it by, e.g. {@code eu-ai-act}
 * @param guidelineVersions the DS-920 versions the file maps
 * @param source            where it was defined (provenance {@code interpretation}, its citation, and the
 *                          overlay that replaced it, if any)
 */
public record Crosswalk(String id, LocalizedText title, List<String> guidelineVersions, Framework framework,
                        List<ReferenceGroup> groups, List<Mapping> mappings, SourceRef source) {
    public Crosswalk {
        Objects.requireNonNull(id, "id");
        guidelineVersions = List.copyOf(guidelineVersions);
        groups = List.copyOf(groups);
        mappings = List.copyOf(mappings);
    }

    /** The framework mapped to, as its publisher names it. */
    public record Framework(String id, LocalizedText title, String version, String date, LocalizedText publisher,
                            LocalizedText scope, SourceRef source) {
    }

    /** The framework's references as it groups them (a function, an annex, a chapter), in its order. */
    public record ReferenceGroup(String id, LocalizedText title, List<Reference> references, SourceRef source) {
        public ReferenceGroup {
            references = List.copyOf(references);
        }
    }

    /**
     * One reference of the framework.
     *
     * @param label the reference as the framework writes it, e.g. {@code GOVERN 1.1}, {@code Art. 14}
     * @param title a short subject in this project's words
     */
    public record Reference(String id, String label, LocalizedText title, SourceRef source) {
    }

    /** How closely a reference corresponds to the DS-920 definition mapped to it. */
    public enum Strength {
        /** The reference asks for substantially what the DS-920 definition asks. */
        DIRECT,
        /** It covers part of it, or the same thing in a narrower or wider setting. */
        PARTIAL,
        /** Same subject, different obligation. */
        RELATED
    }

    /** A reference a mapping points at, and how closely. */
    public record Target(Reference reference, Strength strength) {
    }

    /**
     * From one DS-920 definition to references of the framework.
     *
     * @param from    an axis id ({@code users}) or a checklist item or obligation id ({@code PROC-06})
     * @param options for an axis, the options the mapping holds for; empty: the axis as a question, or an item
     * @param reason  why they correspond and where they differ
     * @param source  provenance {@code interpretation}, its citation, file and line
     */
    public record Mapping(String id, String from, List<String> options, List<Target> targets, LocalizedText reason,
                          SourceRef source) {
        public Mapping {
            options = List.copyOf(options);
            targets = List.copyOf(targets);
        }
    }

    /** Every reference in scope, in the framework's order. */
    public List<Reference> references() {
        return groups.stream().flatMap(g -> g.references().stream()).toList();
    }

    /** The reference with this id. */
    public Optional<Reference> reference(String referenceId) {
        return references().stream().filter(r -> r.id().equals(referenceId)).findFirst();
    }

    /** The mappings of a checklist item or obligation, or of an axis as a question (without options), in file order. */
    public List<Mapping> mappingsOf(String definitionId) {
        return mappings.stream().filter(m -> m.from().equals(definitionId) && m.options().isEmpty()).toList();
    }

    /** The mappings of an axis answered with this option: those of the axis as a question, then the option's. */
    public List<Mapping> mappingsOf(String axis, String option) {
        return mappings.stream().filter(m -> m.from().equals(axis) && (m.options().isEmpty() || m.options().contains(option)))
                .toList();
    }

    /** The mappings that speak of what a decision found: its axis answers and the items and duties it requires. */
    public List<Mapping> mappingsOf(Decision decision) {
        Set<String> ids = required(decision);
        Map<String, String> answers = new LinkedHashMap<>();
        decision.axes().forEach(a -> answers.put(a.axis(), a.option()));
        return mappings.stream().filter(m -> m.options().isEmpty()
                ? ids.contains(m.from()) || answers.containsKey(m.from())
                : m.options().contains(answers.get(m.from()))).toList();
    }

    /**
     * The framework's coverage by what a decision found: which references the decision's axis answers and
     * required items and duties touch, and which they leave uncovered.
     */
    public Coverage coverage(Decision decision) {
        return coverage(mappingsOf(decision));
    }

    /**
     * The framework's coverage by the whole definition set: which references any axis, item or duty of the
     * catalog (everything DS-920 can require) touches, and which none does.
     */
    public Coverage coverage(DefinitionCatalog catalog) {
        Set<String> ids = new LinkedHashSet<>();
        catalog.axes().forEach(a -> ids.add(a.id()));
        catalog.checklists().forEach(c -> c.groups().forEach(g -> g.items().forEach(i -> ids.add(i.id()))));
        catalog.obligations().forEach(o -> ids.add(o.id()));
        return coverage(ids);
    }

    /** The framework's coverage by these DS-920 definitions (axis, item and duty ids). */
    public Coverage coverage(Collection<String> definitionIds) {
        Set<String> ids = Set.copyOf(definitionIds);
        return coverage(mappings.stream().filter(m -> ids.contains(m.from())).toList());
    }

    private Coverage coverage(List<Mapping> touching) {
        Map<String, List<String>> by = new LinkedHashMap<>();
        Map<String, Strength> strongest = new LinkedHashMap<>();
        for (Mapping m : touching) {
            for (Target t : m.targets()) {
                List<String> froms = by.computeIfAbsent(t.reference().id(), k -> new ArrayList<>());
                if (!froms.contains(m.from())) {
                    froms.add(m.from());
                }
                strongest.merge(t.reference().id(), t.strength(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        List<Covered> covered = new ArrayList<>();
        List<Reference> uncovered = new ArrayList<>();
        for (Reference r : references()) {
            if (by.containsKey(r.id())) {
                covered.add(new Covered(r, by.get(r.id()), strongest.get(r.id())));
            } else {
                uncovered.add(r);
            }
        }
        return new Coverage(id, covered, uncovered);
    }

    private static Set<String> required(Decision decision) {
        Set<String> ids = new LinkedHashSet<>();
        decision.items(ItemStatus.REQUIRED).forEach(i -> ids.add(i.id()));
        decision.obligations(ItemStatus.REQUIRED).forEach(o -> ids.add(o.id()));
        return ids;
    }

    /**
     * Which references are touched and which are not.
     *
     * @param covered   the references touched, in the framework's order, each with the DS-920 ids that touch it
     * @param uncovered the references nothing touches, in the framework's order
     */
    public record Coverage(String crosswalkId, List<Covered> covered, List<Reference> uncovered) {
        public Coverage {
            covered = List.copyOf(covered);
            uncovered = List.copyOf(uncovered);
        }
    }

    /**
     * A reference touched.
     *
     * @param by        the DS-920 definition ids whose mappings point at it, in mapping order
     * @param strongest the closest correspondence among them
     */
    public record Covered(Reference reference, List<String> by, Strength strongest) {
        public Covered {
            by = List.copyOf(by);
        }
    }
}
