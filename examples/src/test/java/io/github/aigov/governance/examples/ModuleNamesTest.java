package io.github.aigov.governance.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The library's jars on the module path, as an application with a {@code module-info.java} puts them:
 * each names its own module ({@code Automatic-Module-Name}), and together they resolve (no package is
 * split between two of them).
 */
class ModuleNamesTest {

    @Test
    void everyLibraryJarNamesItsModuleAndTheyResolveTogether() throws IOException {
        // The library's jars an application gets (the quick start's dependencies), as the build resolved them.
        String suffix = "-" + System.getProperty("governance.version") + ".jar";
        List<Path> jars = Arrays.stream(Files.readString(Path.of("target/application-runtime.classpath")).trim()
                        .split(java.io.File.pathSeparator))
                .map(Path::of).filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
        Map<String, String> names = new TreeMap<>();
        for (ModuleReference m : finder.findAll()) {
            String jar = Path.of(m.location().orElseThrow()).getFileName().toString();
            names.put(jar.substring(0, jar.length() - suffix.length()), m.descriptor().name());
        }
        assertThat(names).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "checklists", "io.github.aigov.governance.checklists",
                "governance-api", "io.github.aigov.governance",
                "governance-reports", "io.github.aigov.governance.reports",
                "governance-rules", "io.github.aigov.governance.rules")));
        Configuration resolved = Configuration.resolve(finder, List.of(java.lang.ModuleLayer.boot().configuration()),
                ModuleFinder.of(), names.values());
        assertThat(resolved.modules()).hasSize(4);
    }
}
