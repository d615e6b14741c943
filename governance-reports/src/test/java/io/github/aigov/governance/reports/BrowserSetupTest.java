package io.github.aigov.governance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code build/ensure-browser}, which the build runs before the browser tests: on a machine as a
 * newcomer has it, with neither Chromium nor chromedriver. The machine is simulated: the script runs
 * with a PATH of one directory holding stand-ins for {@code apt-get} (which records what it was asked
 * and, as the real one does, puts {@code chromium} and {@code chromedriver} on the PATH) and for
 * {@code id} (root or not), so what it installs and what it tells the user can be checked here,
 * where the real browser is installed and must stay.
 */
class BrowserSetupTest {
    private static final Path SCRIPT = Path.of("../build/ensure-browser").toAbsolutePath().normalize();

    @TempDir
    Path dir;
    Path bin;
    Path aptLog;

    @BeforeEach
    void machineWithoutABrowser() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        aptLog = dir.resolve("apt-get.log");
    }

    @Test
    void aMachineWithBothReturnsAtOnceAndInstallsNothing() throws Exception {
        executable("chromium", "exit 0");
        executable("chromedriver", "exit 0");
        fakeAptGet("install");
        fakeId(0);
        Run run = run(Map.of());
        assertThat(run.exit).isZero();
        assertThat(run.stderr).isEmpty();
        assertThat(aptLog).doesNotExist();
    }

    @Test
    void asRootItInstallsBothPackagesAfterAnUpdateAndTheNextRunChangesNothing() throws Exception {
        fakeAptGet("install");
        fakeId(0);
        Run first = run(Map.of());
        assertThat(first.exit).as(first.stderr).isZero();
        assertThat(Files.readAllLines(aptLog)).containsExactly("update", "install -y chromium chromium-driver");
        assertThat(bin.resolve("chromium")).isExecutable();
        assertThat(bin.resolve("chromedriver")).isExecutable();
        assertThat(first.stderr).contains("missing Chromium", "chromedriver", "installed chromium chromium-driver");

        Run again = run(Map.of());
        assertThat(again.exit).isZero();
        assertThat(again.stderr).isEmpty();
        assertThat(Files.readAllLines(aptLog)).hasSize(2);
    }

    @Test
    void theDriverAloneMissingIsInstalledToo() throws Exception {
        executable("chromium", "exit 0");
        fakeAptGet("install");
        fakeId(0);
        Run run = run(Map.of());
        assertThat(run.exit).isZero();
        assertThat(run.stderr).contains("missing chromedriver").doesNotContain("missing Chromium");
        assertThat(Files.readAllLines(aptLog)).containsExactly("update", "install -y chromium chromium-driver");
    }

    @Test
    void withoutRootItStopsTheBuildAndSaysWhatToRun() throws Exception {
        fakeAptGet("install");
        fakeId(1000);
        Run run = run(Map.of());
        assertThat(run.exit).isNotZero();
        assertThat(aptLog).doesNotExist();
        assertThat(run.stderr).contains("needs root", "sudo apt-get update && sudo apt-get install -y chromium chromium-driver",
                "not skipped");
    }

    @Test
    void withoutAptGetItSaysWhatToInstallElsewhere() throws Exception {
        fakeId(0);
        Run run = run(Map.of());
        assertThat(run.exit).isNotZero();
        assertThat(run.stderr).contains("no apt-get", "chromedriver, both on the PATH", "CHROMIUM=PATH");
    }

    @Test
    void aFailedInstallStopsTheBuild() throws Exception {
        fakeAptGet("fail");
        fakeId(0);
        Run run = run(Map.of());
        assertThat(run.exit).isNotZero();
        assertThat(run.stderr).contains("apt-get install chromium chromium-driver failed");
    }

    @Test
    void anInstallThatLeavesThemMissingStopsTheBuild() throws Exception {
        fakeAptGet("nothing");
        fakeId(0);
        Run run = run(Map.of());
        assertThat(run.exit).isNotZero();
        assertThat(run.stderr).contains("still missing", "Chromium (chromium on the PATH)", "chromedriver (on the PATH)");
    }

    @Test
    void aBrowserNamedByTheBuildIsUsedWhereverItIs() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("opt"));
        Path browser = elsewhere.resolve("my-chromium");
        Files.writeString(browser, "#!/bin/bash\nexit 0\n");
        Files.setPosixFilePermissions(browser, PosixFilePermissions.fromString("rwxr-xr-x"));
        executable("chromedriver", "exit 0");
        fakeAptGet("install");
        fakeId(0);
        Run run = run(Map.of("CHROMIUM", browser.toString()));
        assertThat(run.exit).isZero();
        assertThat(aptLog).doesNotExist();
    }

    @Test
    void aBrowserNamedOnTheBuildsCommandLineWinsOverTheEnvironment() throws Exception {
        Path browser = dir.resolve("named-chromium");
        Files.writeString(browser, "#!/bin/bash\nexit 0\n");
        Files.setPosixFilePermissions(browser, PosixFilePermissions.fromString("rwxr-xr-x"));
        executable("chromedriver", "exit 0");
        fakeAptGet("install");
        fakeId(0);
        // -Dreports.chromium arrives as REPORTS_CHROMIUM; a stale CHROMIUM in the environment does not matter
        Run run = run(Map.of("REPORTS_CHROMIUM", browser.toString(), "CHROMIUM", dir.resolve("gone").toString()));
        assertThat(run.exit).isZero();
        assertThat(aptLog).doesNotExist();
    }

    /** A stand-in for apt-get: records its arguments; {@code install} puts both programs on the PATH, or fails. */
    private void fakeAptGet(String mode) throws IOException {
        String install = switch (mode) {
            case "install" -> "printf '#!/bin/bash\\nexit 0\\n' > '" + bin + "/chromium'; printf '#!/bin/bash\\nexit 0\\n' > '"
                    + bin + "/chromedriver'; /bin/chmod +x '" + bin + "/chromium' '" + bin + "/chromedriver'";
            case "fail" -> "echo 'E: Unable to locate package chromium' >&2; exit 100";
            default -> "true";
        };
        // Installing the font package makes fontconfig know a Japanese font (see fakeFontconfig).
        String font = mode.equals("install") ? "echo 'IPAGothic' > '" + dir.resolve("fonts") + "'" : install;
        executable("apt-get", "echo \"$*\" >> '" + aptLog + "'\nif [[ \"$1\" == install && \"$*\" == *fonts-ipafont-gothic* ]]; then "
                + font + "; elif [[ \"$1\" == install ]]; then " + install + "; fi");
    }

    /** A stand-in for fc-list: the Japanese fonts it knows are those apt-get installed. */
    private void fakeFontconfig() throws IOException {
        executable("fc-list", "/bin/cat '" + dir.resolve("fonts") + "' 2>/dev/null; exit 0");
    }

    @Test
    void aMissingJapaneseFontIsInstalledOnceForTheScreenshots() throws Exception {
        executable("chromium", "exit 0");
        executable("chromedriver", "exit 0");
        fakeFontconfig();
        fakeAptGet("install");
        fakeId(0);
        Run first = run(Map.of());
        assertThat(first.exit).as(first.stderr).isZero();
        assertThat(Files.readAllLines(aptLog)).containsExactly("install -y fonts-ipafont-gothic");
        assertThat(first.stderr).contains("no Japanese font; installing fonts-ipafont-gothic").doesNotContain("warning");
        Run again = run(Map.of());
        assertThat(again.exit).isZero();
        assertThat(again.stderr).isEmpty();
        assertThat(Files.readAllLines(aptLog)).hasSize(1);
    }

    @Test
    void aJapaneseFontThatCannotBeInstalledIsAWarningNotAFailure() throws Exception {
        executable("chromium", "exit 0");
        executable("chromedriver", "exit 0");
        fakeFontconfig();
        fakeAptGet("fail");
        fakeId(0);
        Run failed = run(Map.of());
        assertThat(failed.exit).as(failed.stderr).isZero();
        assertThat(Files.readAllLines(aptLog)).containsExactly("install -y fonts-ipafont-gothic", "update", "install -y fonts-ipafont-gothic");
        assertThat(failed.stderr).contains("warning: no Japanese font (apt-get install fonts-ipafont-gothic failed)", "fonts-noto-cjk");

        fakeId(1000);
        Files.delete(aptLog);
        Run notRoot = run(Map.of());
        assertThat(notRoot.exit).isZero();
        assertThat(notRoot.stderr).contains("warning: no Japanese font (installing it needs root)");
        assertThat(aptLog).doesNotExist();
    }

    private void fakeId(int uid) throws IOException {
        executable("id", "if [[ \"$1\" == -un ]]; then echo builder; else echo " + uid + "; fi");
    }

    private void executable(String name, String body) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int exit, String stderr) {
    }

    /** The script with nothing but the stand-ins on its PATH. */
    private Run run(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of("/bin/bash", SCRIPT.toString()));
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        pb.environment().putAll(env);
        Path err = dir.resolve("stderr");
        pb.redirectError(err.toFile()).redirectOutput(dir.resolve("stdout").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(dir.resolve("stdout"))).as("stdout").isEmpty();
        return new Run(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }
}
