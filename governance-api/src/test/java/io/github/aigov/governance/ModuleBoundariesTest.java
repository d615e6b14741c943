package io.github.aigov.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Internal packages are internal: no module's sources (main or test) name another module's
 * {@code ...internal} package, in an import or a qualified name. A module's own internal packages are
 * those its own sources declare. Scans every module of the build, from the repository's root.
 */
class ModuleBoundariesTest {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    /**
     * A qualified name reaching one of this project's internal packages: everything up to and including
     * {@code internal} (other libraries' internal packages, e.g. Drools', are theirs to judge).
     */
    private static final Pattern INTERNAL = Pattern.compile("\\b(io\\.github\\.aigov\\.(?:[a-z_][\\w]*\\.)*internal)\\b(?=\\.)");
    @Test
    void noModuleNamesAnotherModulesInternalPackage() throws IOException {
        Path root = root();
        List<Path> modules = modules(root);
        assertTrue(modules.size() >= 5, "the build's modules were not found under " + root + ": " + modules);
        Map<Path, Set<String>> own = new TreeMap<>();
        for (Path m : modules) {
            own.put(m, packages(m));
        }
        List<String> violations = new ArrayList<>();
        for (Path m : modules) {
            for (Path file : sources(m)) {
                String code = code(Files.readString(file, StandardCharsets.UTF_8));
                Matcher x = INTERNAL.matcher(code);
                Set<String> named = new TreeSet<>();
                while (x.find()) {
                    named.add(x.group(1));
                }
                for (String internal : named) {
                    boolean owned = own.get(m).stream().anyMatch(p -> p.equals(internal) || p.startsWith(internal + "."));
                    if (owned) {
                        continue;
                    }
                    violations.add(root.relativize(file) + " names " + internal + ", the internal package of another module");
                }
            }
        }
        assertEquals(List.of(), violations, "use the other module's public API (or move the class there)");
    }

    @Test
    void theScanSeesAnImportOfAnotherModulesInternalPackage() {
        String source = "package a.b;\nimport io.github.aigov.governance.rules.internal.model.Sheets; // x\n"
                + "class C { String s = \"io.github.aigov.governance.rules.internal.engine.X\"; }\n";
        Matcher m = INTERNAL.matcher(code(source));
        assertTrue(m.find());
        assertEquals("io.github.aigov.governance.rules.internal", m.group(1));
        assertTrue(!m.find(), "a string literal is no reference");
    }

    /** The source without comments and string literals (a text naming a class, e.g. a profiler's filter, is no reference). */
    static String code(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("\"\"\"(?s).*?\"\"\"", "\"\"")
                .replaceAll("\"(?:\\\\.|[^\"\\\\\\n])*\"", "\"\"")
                .replaceAll("//[^\\n]*", " ");
    }

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("governance-api")))) {
            p = p.getParent();
        }
        assertTrue(p != null, "the repository's root (with governance-api) was not found above the working directory");
        return p;
    }

    private static List<Path> modules(Path root) throws IOException {
        String pom = Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        List<Path> out = new ArrayList<>();
        while (m.find()) {
            out.add(root.resolve(m.group(1).trim()));
        }
        return out;
    }

    private static List<Path> sources(Path module) throws IOException {
        Path src = module.resolve("src");
        if (!Files.isDirectory(src)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(src)) {
            return s.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static Set<String> packages(Path module) throws IOException {
        Set<String> out = new TreeSet<>();
        for (Path f : sources(module)) {
            try {
                Matcher m = PACKAGE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                if (m.find()) {
                    out.add(m.group(1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
