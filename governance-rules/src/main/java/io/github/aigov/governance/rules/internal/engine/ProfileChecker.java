package io.github.aigov.governance.rules.internal.engine;

import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.rules.internal.load.ProfileReader;
import io.github.aigov.governance.rules.model.Sheets;
import io.github.aigov.governance.rules.internal.yaml.Problems;
import io.github.aigov.governance.rules.internal.yaml.Suggest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks a profile before any rule runs: its field constraints (Jakarta Validation, by Hibernate
 * Validator) and its axis answers against the definitions. Every violation is collected.
 */
public final class ProfileChecker {
    /** Held, so that the level set on it stays (JUL keeps loggers weakly). */
    private static final java.util.logging.Logger VALIDATOR_VERSION = quietValidatorVersion();
    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    /** Thread-safe, as Jakarta Validation requires of a validator; made once, since {@code getValidator()} does work each call. */
    private static final Validator VALIDATOR = FACTORY.getValidator();

    private ProfileChecker() {
    }

    /**
     * Hibernate Validator announces its version at INFO when it starts ({@code HV000001}), through
     * whichever logging its JBoss Logging finds: java.util.logging when nothing else is there, else the
     * Log4j API (which this project's papers route to SLF4J). An application that embeds the engine and
     * configures no logging would print it; this keeps that one logger at warnings, unless the
     * application set its level itself.
     */
    private static java.util.logging.Logger quietValidatorVersion() {
        String name = "org.hibernate.validator.internal.util.Version";
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger(name);
        try {
            if (jul.getLevel() == null) {
                jul.setLevel(java.util.logging.Level.WARNING);
            }
            String simple = "org.slf4j.simpleLogger.log." + name; // SLF4J's simple provider, the one the README names
            if (System.getProperty(simple) == null) {
                System.setProperty(simple, "warn");
            }
        } catch (SecurityException e) {
            // not allowed to: the line is printed, nothing else changes
        }
        return jul;
    }

    /**
     * What an assessment checks before any rule runs, every problem collected and thrown together: the
     * field constraints of a profile built in code (one read from YAML had them checked then, and is
     * immutable), then the axis answers against the definitions.
     */
    public static void beforeAssessment(ProjectProfile profile, List<Sheets.Axis> axes) {
        Function<String, Location> locate = ProfileReader.locator(profile);
        Problems problems = new Problems();
        if (!ProfileReader.checked(profile)) {
            constraints(profile, locate, problems);
        }
        if (!problems.hasErrors()) {
            axes(profile, axes, locate, problems);
        }
        problems.throwIfErrors();
    }

    /** Field constraints, located by {@code locate} (field path to location). */
    public static void constraints(ProjectProfile profile, Function<String, Location> locate, Problems problems) {
        for (ConstraintViolation<ProjectProfile> v : VALIDATOR.validate(profile)) {
            String path = v.getPropertyPath().toString().replaceAll("\\.?<(map|list|iterable) (value|key|element)>", "")
                    .replaceAll("\\[([^\\]]*)\\]", ".$1");
            String constraint = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            problems.errorWithHint(ProblemCode.CONSTRAINT_VIOLATION, locate.apply(path), Message.of("hint.constraint." + constraint),
                    "problem.profile.constraint", path, constraint);
        }
    }

    /** Each axis of the definitions answered once, with one of its options. */
    public static void axes(ProjectProfile profile, List<Sheets.Axis> axes, Function<String, Location> locate, Problems problems) {
        Map<String, Sheets.Axis> byId = new LinkedHashMap<>();
        axes.forEach(a -> byId.put(a.meta().id(), a));
        for (Map.Entry<String, String> answer : profile.axes().entrySet()) {
            Sheets.Axis axis = byId.get(answer.getKey());
            if (axis == null) {
                problems.errorWithHint(ProblemCode.UNKNOWN_AXIS, locate.apply("axes." + answer.getKey()),
                        Suggest.hint(answer.getKey(), byId.keySet()), "problem.profile.axis.unknown", answer.getKey());
                continue;
            }
            List<String> options = axis.options().stream().map(o -> o.meta().id()).toList();
            if (answer.getValue() != null && !options.contains(answer.getValue())) {
                problems.errorWithHint(ProblemCode.UNKNOWN_OPTION, locate.apply("axes." + answer.getKey()),
                        Suggest.hint(answer.getValue(), options), "problem.profile.option.unknown",
                        abbreviate(answer.getValue()), answer.getKey());
            }
        }
        for (String id : byId.keySet()) {
            if (!profile.axes().containsKey(id)) {
                List<String> options = byId.get(id).options().stream().map(o -> o.meta().id()).toList();
                problems.errorWithHint(ProblemCode.MISSING_AXIS_ANSWER, locate.apply("axes"),
                        Message.of("hint.one-of", String.join(", ", options)), "problem.profile.axis.missing", id);
            }
        }
    }

    private static String abbreviate(String s) {
        return io.github.aigov.governance.rules.internal.yaml.Fields.abbreviate(s);
    }
}
