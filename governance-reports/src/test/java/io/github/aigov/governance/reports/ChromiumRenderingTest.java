package io.github.aigov.governance.reports;

import static io.github.aigov.governance.reports.Samples.V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Message;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as a browser shows it: headless Chromium parses the page from a file, with the
 * network switched off, and what it lays out must say the classification, the escalation and the
 * items. Chromium is a test requirement: this test fails, never skips, when it is missing (the build
 * installs it before the tests, {@code build/ensure-browser}, or stops and says how).
 *
 * <p>{@code -Dreports.chromium=PATH} names the browser binary; {@code -Dreports.screenshot.dir=DIR} also keeps the screenshot, as {@code report-<sample>.png}
 * (the README's picture is made this way, into {@code docs/images}).
 */
class ChromiumRenderingTest {
    static final String SAMPLE = "benefits-eligibility-chatbot";
    static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void chromiumShowsTheResultAndTheItems() throws Exception {
        Decision d = Samples.decision(SAMPLE);
        Path page = dir.resolve("report-" + SAMPLE + ".html");
        Files.writeString(page, Reports.html(d, V2, Locale.JAPANESE));

        String dom = chromium(page, "--dump-dom");
        assertThat(dom).contains("<html lang=\"ja\">").contains("<details>");
        String text = Pages.text(dom);
        assertThat(text).contains("高リスク", "アドバイザリーボードへのエスカレーション", "必須",
                "COMB-TWO-OR-MORE-HIGH", "ESC-HIGH", "給付金案内チャットボット", d.decisionId(), d.definitions().hash(),
                "有害情報の出力制御措置", "PROC-12", "原典", "解釈", "公表情報");
        for (ItemResult item : d.items()) {
            assertThat(text).contains(V2.render(Message.of(item.id() + ".title"), Locale.JAPANESE));
        }
        assertThat(d.items(ItemStatus.REQUIRED)).hasSizeGreaterThan(20);

        Path png = dir.resolve("report-" + SAMPLE + ".png");
        chromium(page, "--screenshot=" + png, "--window-size=1200,2000", "--hide-scrollbars");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(2000);
        assertThat(colours(image)).as("a laid-out page, not a blank one").isGreaterThan(50);
        String keep = System.getProperty("reports.screenshot.dir");
        if (keep != null && !keep.isBlank()) {
            Path target = Path.of(keep);
            Files.createDirectories(target);
            Files.copy(png, target.resolve(png.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void chromiumRunsNothingFromAHostileProfile() throws Exception {
        Path page = dir.resolve("hostile.html");
        Files.writeString(page, Reports.html(HostileTextTest.decision(), V2, Locale.ENGLISH));
        String dom = chromium(page, "--dump-dom");
        // the parsed document has no script or image element: the profile's markup stayed text
        assertThat(dom).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>");
        assertThat(Pages.text(dom)).contains("Chatbot <script>alert(1)</script>", "Ministry \"><img src=x onerror=alert(2)>");
    }

    /** Runs headless Chromium on a local file, offline, and returns what it printed. */
    static String chromium(Path page, String... action) throws IOException, InterruptedException {
        String binary = chromiumBinary();
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                // no host resolves: a page that tried to fetch anything would get nothing
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost"));
        command.addAll(List.of(action));
        command.add(page.toUri().toString());
        Path stdout = Files.createTempFile("chromium", ".out");
        Path stderr = Files.createTempFile("chromium", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
            }
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                fail("chromium exited with " + p.exitValue() + ": " + String.join(" ", command) + "\n"
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            return out;
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
            deleteTree(profile);
        }
    }

    /**
     * {@code -Dreports.chromium=PATH} or the environment's {@code CHROMIUM=PATH} if given, else
     * {@code /usr/bin/chromium}, else {@code chromium} or
     * {@code chromium-browser} on the PATH; fails if none is executable.
     */
    static String chromiumBinary() {
        String property = System.getProperty("reports.chromium", "");
        // the environment's CHROMIUM, as build/ensure-browser takes it
        String given = property.isBlank() ? System.getenv().getOrDefault("CHROMIUM", "") : property;
        List<Path> candidates = new ArrayList<>();
        if (!given.isBlank()) {
            candidates.add(Path.of(given));
        } else {
            candidates.add(Path.of("/usr/bin/chromium"));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (given.isBlank() && !dir.isBlank()) {
                candidates.add(Path.of(dir, "chromium"));
                candidates.add(Path.of(dir, "chromium-browser"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(Path::toString)
                .orElseGet(() -> fail("Chromium is required to test the HTML report and was not found (looked for "
                        + candidates.get(0) + (given.isBlank() ? ", then chromium on the PATH" : "")
                        + "). Install it: apt-get install -y chromium chromium-driver (build/ensure-browser does, as root)"));
    }

    static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
