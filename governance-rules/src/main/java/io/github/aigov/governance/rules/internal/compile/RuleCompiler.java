package io.github.aigov.governance.rules.internal.compile;

import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.SourceRef;
import io.github.aigov.governance.TraceFact;
import io.github.aigov.governance.rules.internal.facts.ItemTable;
import io.github.aigov.governance.rules.internal.load.DefinitionChecker;
import io.github.aigov.governance.rules.model.Definitions;
import io.github.aigov.governance.rules.model.Rules.ApplicabilityRule;
import io.github.aigov.governance.rules.model.Rules.CombinationRule;
import io.github.aigov.governance.rules.model.Rules.EscalationRule;
import io.github.aigov.governance.rules.model.Rules.ScopeRule;
import io.github.aigov.governance.rules.model.Sheets.Axis;
import io.github.aigov.governance.rules.model.Sheets.Checklist;
import io.github.aigov.governance.rules.model.Sheets.Group;
import io.github.aigov.governance.rules.model.Sheets.Option;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles a checked definition set into Drools rules, one generated rule per definition rule
 * (per option, for the levels), in five phases ordered by salience:
 *
 * <ol>
 *   <li>{@code scope}: any scope rule that holds puts the project out of scope;</li>
 *   <li>{@code level}: each answered option gives its axis a level;</li>
 *   <li>{@code combination}: the first combination rule that holds decides the classification;</li>
 *   <li>{@code escalation}: the first escalation rule that holds decides escalation;</li>
 *   <li>{@code applicability}: for each item, the first applicability rule naming it that holds decides
 *       its status (out of scope: every item is not applicable, by the scope rule); the rules of an
 *       obligation sheet (the ministry's duties) decide its obligations alike, named {@code obligation}.</li>
 * </ol>
 * "First" is the order in the YAML; it becomes descending salience, and the first firing is final:
 * the classification and escalation rules are guarded ({@code not ClassificationFact()}), and an item
 * rule matches the assessment's {@link io.github.aigov.governance.rules.internal.facts.ItemLedger}
 * only while an item it names is undecided; firing, it decides those items and updates the ledger,
 * so no later rule can decide them again. (A fact per item, guarded or deleted as decided, made the
 * item phase most of an assessment.)
 *
 * <p>The shipped sets' DRL is compiled when the library is built ({@link PrebuiltRules}); a set whose DRL
 * is exactly one of those uses its stored packages instead of compiling again.
 */
public final class RuleCompiler {
    private static final int SCOPE = 500_000;
    private static final int LEVEL = 400_000;
    private static final int COMBINATION = 300_000;
    private static final int ESCALATION = 200_000;
    private static final int APPLICABILITY = 100_000;
    private static final int SCOPE_ITEMS = 50_000;

    private final boolean prebuilt;

    /** A compiler that uses the packages compiled at build time when the DRL is theirs. */
    public RuleCompiler() {
        this(true);
    }

    private RuleCompiler(boolean prebuilt) {
        this.prebuilt = prebuilt;
    }

    /** A compiler that always compiles the DRL, as for a set the library does not ship (tests compare the two). */
    public static RuleCompiler compilingEverySet() {
        return new RuleCompiler(false);
    }

    public CompiledRules compile(Definitions defs) {
        Map<String, RuleMeta> metas = new LinkedHashMap<>();
        String drl = write(defs, metas, null);
        return new CompiledRules(defs, build(drl), drl, metas, items(defs));
    }

    /** Whether an engine built from these definitions uses packages compiled at build time. */
    public boolean prebuilt(Definitions defs) {
        return prebuilt && PrebuiltRules.find(drl(defs)).isPresent();
    }

    /**
     * Items numbered in definition order (sheets, groups, items: checklist items and obligations alike);
     * what each item rule names, by number.
     */
    public static ItemTable items(Definitions defs) {
        List<String> ids = new ArrayList<>();
        List<TraceFact> facts = new ArrayList<>();
        for (Checklist c : defs.checklists()) {
            for (Group g : c.groups()) {
                g.items().forEach(i -> {
                    ids.add(i.meta().id());
                    facts.add(fact(c, i.meta().id()));
                });
            }
        }
        ItemTable table = new ItemTable(ids, facts);
        defs.risk().scope().forEach(r -> table.namesAll(r.meta().id()));
        for (Checklist c : defs.checklists()) {
            for (ApplicabilityRule r : c.applicability()) {
                table.names(r.meta().id(), DefinitionChecker.itemsOf(r, c).stream().map(ids::indexOf).toList());
            }
        }
        return table;
    }

    /** An item as the trace lists it: an item, or an obligation on an obligation sheet. */
    public static TraceFact fact(Checklist sheet, String itemId) {
        return sheet.obligations() ? TraceFact.obligation(itemId) : TraceFact.item(itemId);
    }

    /** The phase of a sheet's applicability rules: {@code applicability}, or {@code obligation} on an obligation sheet. */
    public static String phase(Checklist sheet) {
        return sheet.obligations() ? "obligation" : "applicability";
    }

    /** The rules as DRL text, without compiling them: for audit, and for tests that only look at the text. */
    public String drl(Definitions defs) {
        return write(defs, new LinkedHashMap<>(), null);
    }

    /**
     * The rules as DRL, each with what it was compiled from: the text before the first rule (package, imports),
     * then each rule's text, in order; together exactly {@link #drl}.
     */
    public static Listing listing(Definitions defs) {
        Map<String, RuleMeta> metas = new LinkedHashMap<>();
        Map<String, Integer> starts = new LinkedHashMap<>();
        String drl = write(defs, metas, starts);
        List<String> names = new ArrayList<>(starts.keySet());
        List<ListedRule> rules = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            int from = starts.get(names.get(i));
            int to = i + 1 < names.size() ? starts.get(names.get(i + 1)) : drl.length();
            rules.add(new ListedRule(metas.get(names.get(i)), drl.substring(from, to)));
        }
        return new Listing(names.isEmpty() ? drl : drl.substring(0, starts.get(names.get(0))), rules);
    }

    /** The generated rules, each with its origin: {@link #header} and the rules' texts make the whole DRL. */
    public record Listing(String header, List<ListedRule> rules) {
        public Listing {
            rules = List.copyOf(rules);
        }
    }

    /** One generated rule and what it was compiled from. */
    public record ListedRule(RuleMeta meta, String drl) {
    }

    private static String write(Definitions defs, Map<String, RuleMeta> metas, Map<String, Integer> starts) {
        DrlWriter w = new DrlWriter();
        w.starts = starts;
        // Java consequences, compiled once when the engine is built: about 0.3 s more to build than
        // MVEL's, which are interpreted at every firing, reflectively (an eighth of a warm assessment).
        w.line("package io.github.aigov.governance.generated;").line("dialect \"java\"")
                .line("import io.github.aigov.governance.RiskLevel;")
                .line("import io.github.aigov.governance.ItemStatus;")
                .line("import io.github.aigov.governance.rules.internal.facts.*;")
                .line("");

        List<ScopeRule> scope = defs.risk().scope();
        for (int i = 0; i < scope.size(); i++) {
            ScopeRule r = scope.get(i);
            String id = r.meta().id();
            rule(w, metas, "scope", id, r.meta().source(), new Outcome.OutOfScope(), SCOPE - i);
            w.line("    not OutOfScope()")
                    .line("    " + DrlWriter.when(r.when(), false))
                    .line("then")
                    .line("    insert(new OutOfScope(" + DrlWriter.literal(id) + "));")
                    .line("end");
            rule(w, metas, "scope-items", id, r.meta().source(), new Outcome.Items(ItemStatus.NOT_APPLICABLE), SCOPE_ITEMS);
            w.line("    OutOfScope(ruleId == " + DrlWriter.literal(id) + ")")
                    .line("    $items: ItemLedger(anyPending(" + DrlWriter.literal(id) + "))")
                    .line("then");
            decide(w, "NOT_APPLICABLE", id);
        }

        int axisOrder = 0;
        for (Axis axis : defs.risk().axes()) {
            int salience = LEVEL - axisOrder++; // axes levelled in definition order: the trace reads as the sheet does
            for (Option o : axis.options()) {
                SourceRef src = o.meta().source();
                SourceRef keyed = new SourceRef(o.key(), src.file(), src.line(), src.column(), src.provenance(),
                        src.citation(), src.overlay());
                rule(w, metas, "level", o.key(), keyed, new Outcome.AxisLevel(axis.meta().id(), o.level()), salience);
                w.line("    not OutOfScope()")
                        .line("    AxisAnswer(axis == " + DrlWriter.literal(axis.meta().id()) + ", option == "
                                + DrlWriter.literal(o.meta().id()) + ")")
                        .line("then")
                        .line("    insert(new AxisLevel(" + DrlWriter.literal(axis.meta().id()) + ", "
                                + DrlWriter.literal(o.meta().id()) + ", " + DrlWriter.level(o.level()) + ", "
                                + DrlWriter.literal(o.key()) + "));")
                        .line("end");
            }
        }

        List<CombinationRule> combination = defs.risk().combination();
        for (int i = 0; i < combination.size(); i++) {
            CombinationRule r = combination.get(i);
            rule(w, metas, "combination", r.meta().id(), r.meta().source(), new Outcome.Classification(r.result()), COMBINATION - i);
            w.line("    not OutOfScope()")
                    .line("    not ClassificationFact()")
                    .line("    " + DrlWriter.when(r.when(), false))
                    .line("then")
                    .line("    insert(new ClassificationFact(" + DrlWriter.level(r.result()) + ", " + DrlWriter.literal(r.meta().id()) + "));")
                    .line("end");
        }

        List<EscalationRule> escalation = defs.risk().escalation();
        for (int i = 0; i < escalation.size(); i++) {
            EscalationRule r = escalation.get(i);
            rule(w, metas, "escalation", r.meta().id(), r.meta().source(), new Outcome.Escalation(r.required()),
                    ESCALATION - i);
            w.line("    ClassificationFact()")
                    .line("    not EscalationFact()")
                    .line("    " + DrlWriter.when(r.when(), false))
                    .line("then")
                    .line("    insert(new EscalationFact(" + r.required() + ", " + DrlWriter.literal(r.meta().id()) + "));")
                    .line("end");
        }

        int order = 0;
        for (Checklist c : defs.checklists()) {
            for (ApplicabilityRule r : c.applicability()) {
                if (DefinitionChecker.itemsOf(r, c).isEmpty()) {
                    continue;
                }
                rule(w, metas, phase(c), r.meta().id(), r.meta().source(), new Outcome.Items(r.status()), APPLICABILITY - order++);
                w.line("    ClassificationFact()")
                        .line("    " + DrlWriter.when(r.when(), false))
                        .line("    $items: ItemLedger(anyPending(" + DrlWriter.literal(r.meta().id()) + "))")
                        .line("then");
                decide(w, r.status().name(), r.meta().id());
            }
        }
        return w.toString();
    }

    /** The consequence: every item the rule names that is still undecided gets the status, by this rule. */
    private static void decide(DrlWriter w, String status, String ruleId) {
        w.line("    Decide.items(drools, $items, ItemStatus." + status + ", " + DrlWriter.literal(ruleId) + ");")
                .line("end");
    }

    private static String rule(DrlWriter w, Map<String, RuleMeta> metas, String phase, String id, SourceRef source,
                               Outcome outcome, int salience) {
        String name = phase + ":" + id;
        metas.put(name, new RuleMeta(name, phase, id, source, outcome));
        DrlWriter.literal(id); // refuses anything but an identifier
        if (w.starts != null) {
            w.starts.put(name, w.length());
        }
        w.line("rule \"" + name + "\" salience " + salience).line("when");
        return name;
    }

    private org.kie.api.KieBase build(String drl) {
        Collection<KiePackage> packages = (prebuilt ? PrebuiltRules.find(drl) : Optional.<Collection<KiePackage>>empty())
                .orElseGet(() -> packages(drl));
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(packages);
        return base;
    }

    /** The DRL compiled: parsed, and its consequences compiled to Java classes. */
    static Collection<KiePackage> packages(String drl) {
        KnowledgeBuilder kb = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, RuleCompiler.class.getClassLoader()));
        kb.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        if (kb.hasErrors()) {
            throw new GovernanceException(List.of(Problem.error(ProblemCode.INTERNAL_COMPILE_ERROR, Location.of("generated.drl"),
                    Message.of("problem.internal.compile", kb.getErrors().toString()), null)));
        }
        return kb.getKnowledgePackages();
    }
}
