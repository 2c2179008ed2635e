package io.spikelot.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium for the dashboard's tests: Debian's {@code chromium} driven through its own
 * {@code chromedriver}, both named by path so that Selenium never looks for or downloads a browser or driver. Where
 * they are not installed the tests are skipped, unless {@code SPIKELOT_BROWSER_TESTS=required} (as {@code .ci/run}
 * sets it), which turns their absence into a failure.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SPIKELOT_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("SPIKELOT_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Browser() {}

    /** Skips the calling test class when no browser is installed and the environment does not require one. */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "required".equals(System.getenv("SPIKELOT_BROWSER_TESTS"))) {
            throw new IllegalStateException("SPIKELOT_BROWSER_TESTS=required, but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "no " + CHROMIUM + " and " + CHROMEDRIVER + ": browser tests skipped");
    }

    /** A headless browser at 1280 × 900 that saves downloads into {@code downloads} without asking. */
    static ChromeDriver start(Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--disable-extensions",
                "--no-first-run",
                "--window-size=1280,900",
                "--lang=en-US");
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory", downloads.toString(),
                        "download.prompt_for_download", false,
                        "safebrowsing.enabled", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        driver.executeCdpCommand(
                "Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        return driver;
    }

    /** The browser console's entries since the last call. */
    static List<LogEntry> console(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }
}
