package io.github.aigov.governance.rules;

import io.github.aigov.governance.Crosswalk;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.rules.internal.compile.RuleCompiler;
import io.github.aigov.governance.rules.internal.engine.DroolsEngine;
import io.github.aigov.governance.rules.internal.engine.ProfileChecker;
import io.github.aigov.governance.rules.internal.json.DecisionJson;
import io.github.aigov.governance.rules.internal.load.CrosswalkLoader;
import io.github.aigov.governance.rules.internal.load.DefinitionLoader;
import io.github.aigov.governance.rules.internal.load.OverlayLoader;
import io.github.aigov.governance.rules.model.Definitions;
import io.github.aigov.governance.spi.EngineOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;

/**
 * What tools beside the engine may use of this implementation: the checked definitions an engine is
 * compiled from, engines built with or without the rules compiled at build time, and the reference
 * forms the engine's fast paths are measured against. Applications use
 * {@link io.github.aigov.governance.Governance}; the benchmarks and the rules listing use this, so
 * that no other module reaches into the {@code internal} packages.
 */
public final class RuleSets {
    private RuleSets() {
    }

    /** The checked definitions of a shipped guideline version ({@code null}: the latest). */
    public static Definitions loadShipped(String version) {
        return new DefinitionLoader(InputLimits.DEFAULT).loadShipped(version);
    }

    /**
     * The checked definitions the options name (a file or a shipped version), with their overlays applied
     * in order: exactly what {@code Governance.builder()} compiles.
     *
     * @throws GovernanceException with every problem found
     */
    public static Definitions load(EngineOptions options) {
        DefinitionLoader loader = new DefinitionLoader(options.limits());
        Definitions defs = options.definitions() != null
                ? loader.loadFile(options.definitions())
                : loader.loadShipped(options.guidelineVersion());
        OverlayLoader overlays = new OverlayLoader(options.limits());
        CrosswalkLoader crosswalkLoader = new CrosswalkLoader(options.limits());
        // An overlay file of kind Crosswalk or CrosswalkOverlay replaces or extends a crosswalk; every other
        // overlay changes the definitions. The crosswalks are checked against the definitions as overlaid.
        List<Path> crosswalkOverlays = new ArrayList<>();
        for (Path overlay : options.overlays()) {
            String kind = crosswalkLoader.kindOf(overlay);
            if (CrosswalkLoader.KIND.equals(kind) || CrosswalkLoader.OVERLAY_KIND.equals(kind)) {
                crosswalkOverlays.add(overlay);
            } else {
                defs = overlays.apply(defs, overlay);
            }
        }
        List<Crosswalk> crosswalks = options.definitions() != null ? List.of()
                : crosswalkLoader.shipped(defs, loader.shipped().crosswalks());
        for (Path overlay : crosswalkOverlays) {
            crosswalks = crosswalkLoader.apply(crosswalks, defs, overlay);
        }
        return defs.withCrosswalks(crosswalks);
    }

    /** An engine over these definitions, using the rules compiled at build time when the generated rules are theirs. */
    public static GovernanceEngine engine(Definitions defs) {
        return new DroolsEngine(new RuleCompiler().compile(defs), Clock.systemUTC());
    }

    /** An engine over these definitions whose rules are compiled on the spot, as for a set the library does not ship. */
    public static GovernanceEngine engineCompilingRules(Definitions defs) {
        return new DroolsEngine(RuleCompiler.compilingEverySet().compile(defs), Clock.systemUTC());
    }

    /**
     * The checks an assessment makes before it decides: the profile's field constraints, and every axis of
     * the definitions answered with one of its options.
     *
     * @throws GovernanceException with every problem found, as {@link GovernanceEngine#assess} throws it
     */
    public static void checkProfile(ProjectProfile profile, Definitions defs) {
        ProfileChecker.beforeAssessment(profile, defs.risk().axes());
    }

    /**
     * The rules the definitions the options name (and their overlays) compile to, each with the definition file
     * and line it was generated from: exactly the DRL the engine runs.
     *
     * @throws GovernanceException with every problem found in the definitions
     */
    public static GeneratedRules generatedRules(EngineOptions options) {
        return generatedRules(load(options));
    }

    /** The rules these definitions compile to, each with where its definition is written. */
    public static GeneratedRules generatedRules(Definitions defs) {
        RuleCompiler.Listing listing = RuleCompiler.listing(defs);
        return new GeneratedRules(defs.ref(), listing.header(), listing.rules().stream()
                .map(r -> new GeneratedRules.Rule(r.meta().ruleName(), r.meta().phase(), r.meta().definitionId(),
                        r.meta().source(), r.drl()))
                .toList());
    }

    /** The profile's hash as a decision records it: SHA-256 of its canonical JSON, {@code sha256:<hex>}. */
    public static String profileHash(ProjectProfile profile) {
        return DecisionJson.profileHash(profile);
    }

    /**
     * A decision as one JSON line written by Jackson's databind from the decision's one description: the
     * reference {@link io.github.aigov.governance.Governance#writeJsonLine}'s streaming writer reproduces
     * byte for byte (tests), and the benchmark's baseline.
     */
    public static void writeJsonLineByDatabind(Decision decision, OutputStream out) throws IOException {
        DecisionJson.writeJsonLineByDatabind(decision, out);
    }
}
