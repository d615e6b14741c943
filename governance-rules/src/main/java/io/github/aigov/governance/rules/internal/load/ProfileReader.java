package io.github.aigov.governance.rules.internal.load;

import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.rules.internal.engine.ProfileChecker;
import io.github.aigov.governance.rules.internal.yaml.Fields;
import io.github.aigov.governance.rules.internal.yaml.Problems;
import io.github.aigov.governance.rules.internal.yaml.YNode;
import io.github.aigov.governance.rules.internal.yaml.YamlReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a project profile from YAML (or JSON): structure first, then field constraints, every
 * problem located by file, line and column. Remembers where each field of each profile it returns
 * was written, so that problems found later by the engine (an unknown axis option) are located in
 * the file that profile came from: per profile read, by identity, so two equal profiles read from
 * two files keep their own locations. No lock: assessments on many threads never wait for each
 * other here.
 */
public final class ProfileReader {
    /** Keys a profile may have; more may be added, these stay. */
    public static final Set<String> TOP = Set.of("id", "name", "organisation", "description", "scope", "model",
            "procurement", "axes");

    /** Each profile returned by a read (this very instance, not an equal one), while it is in use. */
    private static final WeakIdentityMap<ProjectProfile, Where> LOCATIONS = new WeakIdentityMap<>();

    /** Where a profile's fields were written: field path (relative to the profile) to location, and the path prefix
     *  of the profile within its document ({@code ""} for a profile file, {@code profile} inside a golden case). */
    private record Where(String prefix, Map<String, Location> map) {
    }

    private final InputLimits limits;

    public ProfileReader(InputLimits limits) {
        this.limits = limits;
    }

    /** Whether this profile instance was read here, its constraints checked as it was (an equal one built in code was not). */
    public static boolean checked(ProjectProfile profile) {
        return LOCATIONS.containsKey(profile);
    }

    /**
     * Where the fields of a profile read from a file were written; a field path to a location. The
     * profile is looked up only when a location is asked for, that is when there is a problem to report.
     */
    public static Function<String, Location> locator(ProjectProfile profile) {
        String fallback = profile.id() == null ? "<profile>" : "<profile " + profile.id() + ">";
        return path -> {
            Where where = LOCATIONS.get(profile);
            if (where != null) {
                String full = Fields.join(where.prefix(), path);
                for (String p = path; p != null; p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : null) {
                    Location l = where.map().get(p);
                    if (l != null) {
                        return new Location(l.file(), l.line(), l.column(), full);
                    }
                }
                Location root = where.map().get("");
                if (root != null) {
                    return new Location(root.file(), root.line(), root.column(), full);
                }
            }
            return new Location(fallback, 0, 0, path);
        };
    }

    public ProjectProfile read(Path file) {
        Problems problems = new Problems();
        String label = file.toString();
        // Within the size limit before it is read whole (a 3 GB file, /dev/zero): GOV-0010 at once.
        String text = DocumentFile.text(file, label, limits.maxDocumentBytes(), problems);
        problems.throwIfErrors();
        return parse(text, label, problems);
    }

    public ProjectProfile parse(String text, String label) {
        return parse(text, label, new Problems());
    }

    private ProjectProfile parse(String text, String label, Problems problems) {
        YNode root = new YamlReader(limits).read(text, label, problems);
        problems.throwIfErrors();
        ProjectProfile profile = fromNode(root, "", label, problems);
        problems.throwIfErrors();
        return profile;
    }

    /**
     * Reads a profile from an already-read YAML node: structure, then field constraints. Problems are added to
     * {@code problems} with paths under {@code prefix} (e.g. {@code profile} for the profile inside a golden case);
     * returns {@code null} if there was any error. The profile's field locations are remembered, so problems the
     * engine finds later (an unknown option) point into the same document.
     */
    public static ProjectProfile fromNode(YNode node, String prefix, String label, Problems problems) {
        Problems own = new Problems();
        try {
            Map<String, Location> where = new LinkedHashMap<>();
            ProjectProfile profile = profile(node, prefix, own, where);
            if (profile == null || own.hasErrors()) {
                return null;
            }
            Function<String, Location> locate = path -> {
                Location l = where.get(path);
                return l != null ? l : Fields.located(where.getOrDefault("", Location.of(label)), Fields.join(prefix, path));
            };
            ProfileChecker.constraints(profile, locate, own);
            if (own.hasErrors()) {
                return null;
            }
            LOCATIONS.put(profile, new Where(prefix, Map.copyOf(where)));
            return profile;
        } finally {
            problems.addAll(own.all());
        }
    }

    /** Keys of {@code where} are relative to the profile; the problems' paths are under {@code prefix}. */
    private static ProjectProfile profile(YNode root, String prefix, Problems problems, Map<String, Location> where) {
        // A profile's texts are bounded by its own constraints (a description up to 20,000 characters).
        Fields f = Fields.of(root, prefix, problems, TOP, Fields.UNBOUNDED_TEXT);
        if (f == null) {
            return null;
        }
        where.put("", f.location());
        for (String k : TOP) {
            where.put(k, f.at(k));
        }
        Fields scope = sub(f, "scope", Set.of("textGeneration", "specifiedSecrets"), where);
        Fields model = sub(f, "model", Set.of("name", "vendor"), where);
        Fields procurement = sub(f, "procurement", Set.of("form", "vendorTrainsModel"), where);
        Map<String, String> axes = new LinkedHashMap<>();
        YNode axesNode = f.node("axes");
        if (axesNode instanceof YNode.YMap m) {
            for (YNode.Entry e : m.entries()) {
                String path = "axes." + e.key();
                Location at = Fields.located(e.value().location(), Fields.join(prefix, path));
                where.put(path, at);
                if (e.value() instanceof YNode.YScalar s && !s.isNull()) {
                    axes.put(e.key(), s.value());
                } else {
                    problems.error(ProblemCode.WRONG_TYPE, at, "problem.type", "text", e.value().kind());
                }
            }
        } else if (axesNode != null) {
            problems.error(ProblemCode.WRONG_TYPE, f.at("axes"), "problem.type", "map", axesNode.kind());
        } else {
            problems.error(ProblemCode.MISSING_FIELD, f.at("axes"), "problem.field.missing", "axes");
        }
        String id = f.text("id", true);
        String name = f.text("name", true);
        String organisation = f.text("organisation", true);
        String description = f.text("description", false);
        ProjectProfile.Scope s = scope == null ? null
                : new ProjectProfile.Scope(scope.bool("textGeneration", true), scope.bool("specifiedSecrets", true));
        ProjectProfile.Model mo = model == null ? null : new ProjectProfile.Model(model.text("name", true), model.text("vendor", true));
        ProjectProfile.Procurement p = procurement == null ? null : new ProjectProfile.Procurement(
                procurement.choice("form", Fields.names(ProcurementForm.class), true),
                procurement.bool("vendorTrainsModel", true));
        return new ProjectProfile(id, name, organisation, description, s, mo, p, axes);
    }

    private static Fields sub(Fields parent, String key, Set<String> keys, Map<String, Location> where) {
        if (!parent.has(key)) {
            parent.problems().error(ProblemCode.MISSING_FIELD, parent.at(key), "problem.field.missing", key);
            return null;
        }
        Fields f = Fields.of(parent.node(key), parent.path(key), parent.problems(), keys, Fields.UNBOUNDED_TEXT);
        if (f != null) {
            for (String k : keys) {
                where.put(key + "." + k, f.at(k));
            }
        }
        return f;
    }

}
