package io.github.aigov.governance.rules.internal.cases;

import io.github.aigov.governance.AxisResult;
import io.github.aigov.governance.CaseResult;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ObligationResult;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.RiskLevel;
import io.github.aigov.governance.rules.internal.load.DefinitionLoader;
import io.github.aigov.governance.rules.internal.yaml.Fields;
import io.github.aigov.governance.rules.internal.yaml.Problems;
import io.github.aigov.governance.rules.internal.yaml.Suggest;
import io.github.aigov.governance.rules.internal.yaml.YNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs golden cases: reads each case, assesses its profile with the engine for the guideline version the case
 * names, and lists, one line each, what the decision does not match. A case that cannot be read, or whose profile
 * the engine refuses, fails with its problems; nothing is skipped silently.
 */
public final class CaseRunner {
    /** Case files: {@code *.yaml}. */
    static final String SUFFIX = ".yaml";

    private final Function<String, GovernanceEngine> engines;
    private final InputLimits limits;
    /** One reader per engine: a case's ids are checked against the definitions it runs with. */
    private final Map<GovernanceEngine, CaseReader> readers = new IdentityHashMap<>();
    private Set<String> shipped;

    /** Every case against one engine, whatever version it names. */
    public CaseRunner(GovernanceEngine engine, InputLimits limits) {
        this(version -> engine, limits);
    }

    /**
     * Each case against {@code engines.apply(version)}: the shipped guideline version the case names, or
     * {@code null} when it names none. A version that is not shipped fails the case (GOV-0015, located).
     */
    public CaseRunner(Function<String, GovernanceEngine> engines, InputLimits limits) {
        this.engines = engines;
        this.limits = limits;
    }

    /**
     * One file, or every {@code *.yaml} file under a directory (recursively), in path order.
     *
     * @throws GovernanceException if the path does not exist or the directory cannot be listed, or if an
     *                             engine cannot be built
     */
    public List<CaseResult> run(Path fileOrDirectory) {
        List<CaseResult> results = new ArrayList<>();
        for (Path file : files(fileOrDirectory)) {
            results.add(runFile(file));
        }
        return results;
    }

    static List<Path> files(Path fileOrDirectory) {
        if (Files.exists(fileOrDirectory) && !Files.isDirectory(fileOrDirectory)) {
            return List.of(fileOrDirectory); // a file named on its own is read whatever it is, within the limits
        }
        if (!Files.isDirectory(fileOrDirectory)) {
            throw unreadable(fileOrDirectory, "NoSuchFileException: " + fileOrDirectory);
        }
        try (Stream<Path> walk = Files.walk(fileOrDirectory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted(Comparator.comparing(p -> fileOrDirectory.relativize(p).toString().replace('\\', '/')))
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw unreadable(fileOrDirectory, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    CaseResult runFile(Path file) {
        Problems problems = new Problems();
        String fallbackName = file.getFileName().toString();
        fallbackName = fallbackName.substring(0, fallbackName.length() - (fallbackName.endsWith(SUFFIX) ? SUFFIX.length() : 0));
        YNode root = CaseReader.document(file, limits, problems);
        String version = CaseReader.guidelineVersion(root);
        if (root == null || !shipped(version, root, problems)) {
            return new CaseResult(file.toString(), fallbackName, List.of(), problems.all());
        }
        GovernanceEngine engine = engines.apply(version);
        GoldenCase c = readers.computeIfAbsent(engine, e -> new CaseReader(limits, e.catalog()))
                .parse(root, file.toString(), problems);
        if (c == null || problems.hasErrors()) {
            return new CaseResult(file.toString(), c == null ? fallbackName : c.name(), List.of(), problems.all());
        }
        Decision decision;
        try {
            decision = engine.assess(c.profile());
        } catch (GovernanceException e) {
            return new CaseResult(c.file(), c.name(), List.of(), e.problems());
        }
        return new CaseResult(c.file(), c.name(), differences(c.expect(), decision), List.of());
    }

    /** Whether the version a case names (if any) is shipped; if not, a problem at the case's field. */
    private boolean shipped(String version, YNode root, Problems problems) {
        if (version == null) {
            return true;
        }
        if (shipped == null) {
            shipped = new DefinitionLoader(limits).shipped().versions().keySet();
        }
        if (shipped.contains(version)) {
            return true;
        }
        YNode field = ((YNode.YMap) root).get(CaseReader.VERSION);
        problems.errorWithHint(ProblemCode.UNKNOWN_VERSION, Fields.located(field.location(), CaseReader.VERSION),
                Suggest.hint(version, shipped), "problem.version.unknown", Fields.abbreviate(version),
                String.join(", ", shipped));
        return false;
    }

    /** What the decision does not match, one human-readable line each, in a fixed order. */
    public static List<String> differences(GoldenCase.Expectation expect, Decision d) {
        Set<String> out = new LinkedHashSet<>();
        String classifiedBy = d.classificationReason().ruleId();
        if (expect.classification() != d.classification()) {
            out.add("classification: expected " + expect.classification() + ", got " + d.classification()
                    + " (decided by " + classifiedBy + ")");
        }
        if (expect.decidedBy() != null && !expect.decidedBy().equals(classifiedBy)) {
            out.add("decidedBy: expected " + expect.decidedBy() + ", got " + classifiedBy + " (classification "
                    + d.classification() + ")");
        }
        if (expect.escalation() != d.escalation().required()) {
            out.add("escalation: expected " + expect.escalation() + ", got " + d.escalation().required()
                    + " (decided by " + d.escalation().reasons().get(0).ruleId() + ")");
        }
        for (Map.Entry<String, RiskLevel> axis : expect.axes().entrySet()) {
            Optional<AxisResult> actual = d.axis(axis.getKey());
            if (actual.isEmpty()) {
                out.add("axes." + axis.getKey() + ": expected " + axis.getValue() + ", got no level (classification "
                        + d.classification() + ")");
            } else if (actual.get().level() != axis.getValue()) {
                out.add("axes." + axis.getKey() + ": expected " + axis.getValue() + ", got " + actual.get().level()
                        + " (option " + actual.get().option() + ")");
            }
        }
        Map<String, Set<ItemStatus>> expectedItems = expected(expect.items(), expect.itemsByStatus());
        for (ItemResult item : d.items()) {
            for (ItemStatus expected : expectedItems.getOrDefault(item.id(), Set.of())) {
                if (expected != item.status()) {
                    out.add(item.id() + ": expected " + expected + ", got " + item.status() + " (by "
                            + item.reason().ruleId() + ")");
                }
            }
        }
        Map<String, Set<ItemStatus>> expectedObligations = expected(expect.obligations(), expect.obligationsByStatus());
        for (ObligationResult o : d.obligations()) {
            for (ItemStatus expected : expectedObligations.getOrDefault(o.id(), Set.of())) {
                if (expected != o.status()) {
                    out.add("obligations." + o.id() + ": expected " + expected + ", got " + o.status() + " (by "
                            + o.reason().ruleId() + ")");
                }
            }
        }
        return List.copyOf(out);
    }

    /** Each id's expected statuses, from the partial map and the lists by status (a case may give both). */
    private static Map<String, Set<ItemStatus>> expected(Map<String, ItemStatus> some, Map<ItemStatus, List<String>> byStatus) {
        Map<String, Set<ItemStatus>> out = new LinkedHashMap<>();
        some.forEach((id, status) -> out.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(status));
        byStatus.forEach((status, ids) -> ids.forEach(id -> out.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(status)));
        return out;
    }

    private static GovernanceException unreadable(Path path, String detail) {
        Problems problems = new Problems();
        problems.errorWithHint(ProblemCode.UNREADABLE_FILE, Location.of(path.toString()), Message.of("hint.file"),
                "problem.file.unreadable", detail);
        return new GovernanceException(problems.all());
    }
}
