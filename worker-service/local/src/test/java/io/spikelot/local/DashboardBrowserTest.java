package io.spikelot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.TestKeys;
import io.spikelot.model.artifact.Sha256;
import io.spikelot.model.messaging.EventKind;
import io.spikelot.model.messaging.JobError;
import io.spikelot.model.messaging.JobEvent;
import io.spikelot.model.messaging.JobProgress;
import io.spikelot.model.messaging.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard in a real headless Chromium against the API and a worker running real {@code slt} jobs: sign in,
 * submit from the form and watch the row finish live, the job's chart and tables, a download checked against its
 * SHA-256, field errors at their field, worker-reported markup rendered as text, and comparing two jobs. With
 * {@code -Dspikelot.screenshots=<dir>} it also saves the README's screenshots there.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest extends RealPipelineEndToEnd {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);
    private static final String MARKUP =
            "<img src=x onerror=\"window.injected=1;alert(1)\"><script>window.injected=2;alert(2)</script>&amp; <b>bold</b>";

    private static ChromeDriver browser;
    private static Path downloads;
    private static String comparedJob;
    private static String formJob;

    @BeforeAll
    static void startBrowser() throws IOException {
        Browser.assumeInstalled();
        // the second job of the comparison runs first, while the browser signs in
        comparedJob = submit(smallSlt("dash-slt-compare", 0.5, 7));
        downloads = Files.createTempDirectory("spikelot-downloads");
        browser = Browser.start(downloads);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** No page of the dashboard may break its Content Security Policy or throw. */
    @AfterEach
    void consoleIsClean() {
        if (browser == null) {
            return;
        }
        List<String> bad = Browser.console(browser).stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught"))
                .toList();
        assertThat(bad).as("browser console").isEmpty();
    }

    private static String smallSlt(String name, double ratio, int seed) {
        return """
                {"type": "slt", "name": "%s",
                 "model": {"architecture": "convnet-s", "timesteps": 2},
                 "dataset": {"name": "fashion-mnist", "trainLimit": 256, "testLimit": 128},
                 "search": {"method": "edge-popup", "pruneRatio": %s},
                 "training": {"epochs": 1, "batchSize": 32, "seed": %d}}"""
                .formatted(name, ratio, seed);
    }

    private static String base() {
        return stack().baseUrl();
    }

    private static WebDriverWait waiting(Duration timeout) {
        // rows and sections are re-rendered as jobs change: a stale element is looked up again
        WebDriverWait wait = new WebDriverWait(browser, timeout, Duration.ofMillis(200));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static WebElement visible(String css) {
        return waiting(Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private static void route(String hash) {
        browser.executeScript("location.hash = arguments[0]", hash);
    }

    /** Waits until the editor holds the template of the type. */
    private static void awaitTemplate(String type) {
        waiting(Duration.ofSeconds(10))
                .until(ExpectedConditions.attributeContains(
                        By.id("spec-editor"), "value", "\"type\": \"" + type + "\""));
    }

    /** Replaces the editor's text as typing would, with an input event. */
    private static void setEditor(String text) {
        WebElement editor = visible("#spec-editor");
        browser.executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", editor, text);
    }

    private static void screenshot(String name) throws IOException {
        String dir = System.getProperty("spikelot.screenshots");
        if (dir != null && !dir.isBlank()) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name), browser.getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    @Order(1)
    void signsInWithAKeyKeptInTheTabOnly() {
        ApiHttp.Response page = http().request("GET", "/ui/").send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(page.body()).doesNotContain("<script>", "style=");

        browser.get(base() + "/");
        assertThat(visible("h1").getText()).isEqualTo("Sign in");
        visible("#api-key").sendKeys("not-a-key-of-anyone");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        assertThat(visible("#sign-in-error").getText()).isEqualTo("Missing or unknown API key");

        WebElement key = browser.findElement(By.id("api-key"));
        key.clear();
        key.sendKeys(TestKeys.KEY_A);
        key.submit();
        waiting(Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Jobs"));
        assertThat(browser.executeScript("return sessionStorage.getItem('spikelot.apiKey')"))
                .isEqualTo(TestKeys.KEY_A);
        assertThat(browser.executeScript("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.getCurrentUrl()).doesNotContain(TestKeys.KEY_A);
    }

    @Test
    @Order(2)
    void aJobSubmittedFromTheFormReachesSucceededInItsRowWithoutAReload(CapturedOutput output) throws IOException {
        browser.findElement(By.linkText("New job")).click();
        awaitTemplate("slt");
        setEditor(smallSlt("dash-slt-form", 0.7, 42).replace("\"epochs\": 1", "\"epochs\": 2"));
        browser.executeScript("window.notReloaded = true");
        browser.findElement(By.id("submit-job")).click();

        // rows are replaced as their jobs change: read the id in one step
        formJob = waiting(Duration.ofSeconds(15))
                .until(d -> (String) browser.executeScript("const a = [...document.querySelectorAll('a.job-link')]"
                        + ".find(l => l.textContent === 'dash-slt-form');"
                        + " return a ? a.closest('tr').dataset.jobId : null"));
        By rowStatus = By.cssSelector("tr[data-job-id='" + formJob + "']");
        waiting(JOB_TIMEOUT).until(ExpectedConditions.attributeToBe(rowStatus, "data-status", "RUNNING"));
        waiting(JOB_TIMEOUT).until(ExpectedConditions.attributeToBe(rowStatus, "data-status", "SUCCEEDED"));

        assertThat(browser.executeScript("return window.notReloaded")).isEqualTo(true);
        @SuppressWarnings("unchecked")
        List<String> cells = (List<String>) browser.executeScript(
                "const tr = document.querySelector(arguments[0]);"
                        + " return [tr.querySelector('.chip').textContent, tr.querySelector('.accuracy').textContent,"
                        + " String(tr.querySelector('progress').value)]",
                "tr[data-job-id='" + formJob + "']");
        assertThat(cells.get(0)).isEqualTo("SUCCEEDED");
        assertThat(cells.get(1)).endsWith("%");
        assertThat(cells.get(2)).isEqualTo("1");
        screenshot("dashboard-jobs.png");
        assertThat(output.getAll()).as("the service's logs").doesNotContain(TestKeys.KEY_A);
    }

    @Test
    @Order(3)
    void theJobPageShowsTheAccuracyChartTheKeptFractionTableAndThePlots() throws IOException {
        browser.findElement(By.linkText("dash-slt-form")).click();
        waiting(Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.tagName("h1"), "dash-slt-form"));

        WebElement point = waiting(Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chart-accuracy .series circle")));
        new Actions(browser).moveToElement(point).perform();
        assertThat(visible("#chart-accuracy .readout").getText()).contains("accuracy");

        WebElement kept = visible("#kept-fraction-table");
        assertThat(kept.getText()).contains("conv1.weight", "conv2.weight", "head.weight");
        assertThat(visible("#firing-rate-table").getText()).contains("%");
        assertThat(visible("#energy-table").getText()).contains("mJ");
        assertThat(visible("#plots img").getAttribute("src")).startsWith("blob:");
        assertThat(visible("#python-snippet").getText())
                .contains("load_file(\"mask.safetensors\")")
                .doesNotContain(TestKeys.KEY_A);
        screenshot("dashboard-job.png");
    }

    @Test
    @Order(4)
    void theDownloadedMaskHasTheListedSha256() throws Exception {
        WebElement row = visible("#artifact-table tr[data-artifact='mask.safetensors']");
        String listed = row.findElement(By.cssSelector("code.sha")).getText();
        row.findElement(By.cssSelector("button[data-artifact='mask.safetensors']"))
                .click();
        waiting(Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#artifact-table tr[data-artifact='mask.safetensors'] .verify"),
                        "SHA-256 verified"));

        Path file = downloads.resolve("mask.safetensors");
        waiting(Duration.ofSeconds(15)).until(d -> Files.exists(file) && !partialDownloads());
        byte[] bytes = Files.readAllBytes(file);
        assertThat(Sha256.hex(bytes)).isEqualTo(listed);
        JsonNode listing = http().get("/api/v1/jobs/" + formJob + "/artifacts", TestKeys.KEY_A)
                .json();
        for (JsonNode artifact : listing) {
            if (artifact.get("name").asString().equals("mask.safetensors")) {
                assertThat(artifact.get("sha256").asString()).isEqualTo(listed);
            }
        }
        assertThat(Safetensors.parse(bytes).header().has("conv1.weight")).isTrue();
    }

    private static boolean partialDownloads() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    @Order(5)
    void aBrokenSpecShowsEachErrorAtItsField() {
        route("#/new");
        awaitTemplate("slt");
        new Select(visible("#template")).selectByValue("qsnn");
        awaitTemplate("qsnn");
        browser.findElement(By.id("estimate-job")).click();
        waiting(Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("estimate"), "S-ACE"));
        assertThat(visible("#estimate").getText()).contains("Parameters", "MACs per timestep", "mJ");

        setEditor(
                """
                {"type": "slt", "name": "dash-broken",
                 "model": {"architecture": "convnet-x", "timesteps": 2},
                 "dataset": {"name": "fashion-mnist"},
                 "search": {"method": "edge-popup", "pruneRatio": 1.0}}""");
        browser.findElement(By.id("submit-job")).click();

        WebElement architecture = visible("li[data-field='model.architecture']");
        assertThat(architecture.getText()).contains("must be one of").contains("line 2");
        assertThat(visible("li[data-field='search.pruneRatio']").getText()).contains("line 4");
        assertThat(visible("#spec-problem .problem-title").getText()).isEqualTo("Invalid request");
        assertThat(browser.findElements(By.cssSelector(".gutter .err")))
                .extracting(WebElement::getText)
                .containsExactly("● 2", "● 4");
        assertThat(browser.findElement(By.id("spec-editor")).getAttribute("aria-invalid"))
                .isEqualTo("true");

        architecture.findElement(By.cssSelector("button")).click();
        assertThat(browser.executeScript("const e = document.getElementById('spec-editor');"
                        + " return e.value.slice(e.selectionStart, e.selectionEnd)"))
                .isEqualTo("\"architecture\"");

        setEditor("{\"type\": \"slt\",\n \"name\": }");
        browser.findElement(By.id("submit-job")).click();
        assertThat(visible("#spec-problem .problem-detail").getText()).contains("line 2");
        assertThat(browser.findElements(By.cssSelector(".gutter .err")))
                .extracting(WebElement::getText)
                .containsExactly("● 2");
    }

    @Test
    @Order(6)
    void markupInAWorkerReportedMessageIsShownAsText() {
        // a GPU job: no worker of this stack takes it, so this test reports its failure as a worker would
        String id = submit(
                """
                {"type": "slt", "name": "dash-injected", "model": {"architecture": "convnet-s"},
                 "dataset": {"name": "fashion-mnist"}, "resources": {"device": "gpu"}}""");
        int attempt = job(id).get("attempt").asInt();
        report(new JobEvent(
                UUID.fromString(id),
                attempt,
                1,
                EventKind.STARTED,
                "dash-worker",
                Instant.now(),
                new JobProgress(0.1, 1, 1, MARKUP, Map.of("loss", 1.0)),
                null,
                null));
        report(new JobEvent(
                UUID.fromString(id),
                attempt,
                2,
                EventKind.FAILED,
                "dash-worker",
                Instant.now(),
                null,
                null,
                JobError.nonRetryable(JobError.DIVERGED, MARKUP)));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> job(id).get("status").asString().equals("FAILED"));

        route("#/jobs");
        WebElement row = visible("tr[data-job-id='" + id + "']");
        assertThat(row.findElement(By.cssSelector(".chip")).getText()).isEqualTo("FAILED");
        route("#/jobs/" + id);
        WebElement message = visible("#job-error .error-message");
        assertThat(message.getText()).isEqualTo(MARKUP);
        assertThat(visible("#job-error .error-code").getText()).isEqualTo(JobError.DIVERGED);
        assertThat(browser.findElements(By.cssSelector("#job-error img, #job-error script, #job-error b")))
                .isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.executeScript("return window.injected === undefined"))
                .isEqualTo(true);
    }

    private static void report(JobEvent event) {
        RabbitTemplate rabbit = stack().api().getBean(RabbitTemplate.class);
        Topology topology = stack().api().getBean(Topology.class);
        rabbit.send(
                topology.eventsExchange(),
                topology.eventRoutingKey(event.kind()),
                MessageBuilder.withBody(JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8))
                        .setContentType("application/json")
                        .build());
    }

    @Test
    @Order(7)
    void twoJobsOverlayTheirAccuracyAgainstTheRatio() {
        awaitSuccess(comparedJob);
        route("#/compare?type=slt");
        visible("input[data-job-id='" + formJob + "']").click();
        visible("input[data-job-id='" + comparedJob + "']").click();

        waiting(Duration.ofSeconds(10))
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#chart-ratio .series"), 2));
        assertThat(visible("#chart-ratio .legend").getText())
                .contains("dash-slt-form (seed 42)", "dash-slt-compare (seed 7)");
        assertThat(browser.findElements(By.cssSelector("#chart-ratio .series circle")))
                .hasSize(2);
        assertThat(browser.getCurrentUrl()).contains(formJob).contains(comparedJob);
    }

    @Test
    @Order(8)
    void atPhoneWidthNothingOverflowsAndSignOutForgetsTheKey() {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            route("#/jobs");
            visible("tr[data-job-id='" + formJob + "']");
            assertThat((Long) browser.executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                    .isLessThanOrEqualTo(0L);
            browser.findElement(By.id("sign-out")).click();
            assertThat(visible("h1").getText()).isEqualTo("Sign in");
            assertThat(browser.executeScript("return sessionStorage.length")).isEqualTo(0L);
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
