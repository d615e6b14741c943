package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for the pages' journeys: Debian's {@code chromium} and
 * {@code chromium-driver} (or {@code -Dpages.chromium=} and {@code -Dpages.chromedriver=}), with a fresh
 * profile, no network of its own (no updates, sync or background fetches) and downloads into a
 * folder of the test's. A test requirement: without the browser the tests fail, saying how to
 * install it; they never skip.
 */
final class Chromium {
    static final String INSTALL = "apt-get install -y chromium chromium-driver";

    private Chromium() {
    }

    static ChromeDriver start(Path profile, Path downloads) throws IOException {
        File browser = new File(System.getProperty("pages.chromium", "/usr/bin/chromium"));
        File driver = new File(System.getProperty("pages.chromedriver", "/usr/bin/chromedriver"));
        if (!browser.canExecute() || !driver.canExecute()) {
            fail("The pages' tests need Chromium and its driver (" + browser + ", " + driver + "); install them with: " + INSTALL
                    + " (or name them with -Dpages.chromium=PATH -Dpages.chromedriver=PATH)");
        }
        Files.createDirectories(downloads);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1000", "--lang=ja", "--hide-scrollbars");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        chrome.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                downloads.toAbsolutePath().toString()));
        return chrome;
    }

    /** The file whose name starts and ends so that appears in the downloads folder, once complete (waits up to 30 s). */
    static Path downloaded(Path downloads, String prefix, String suffix) throws IOException, InterruptedException {
        for (int i = 0; i < 300; i++) {
            try (var files = Files.list(downloads)) {
                List<Path> done = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                        && f.getFileName().toString().endsWith(suffix)).toList();
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + prefix + "…" + suffix + " was downloaded into " + downloads);
    }
}
