package io.spikelot.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.api.spec.JobSpecValidator;
import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.ApiIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's files are served without a key, under a Content Security Policy without inline script or style,
 * and are built so that nothing from the API is ever parsed as markup and nothing is fetched from elsewhere.
 */
@ApiIntegrationTest
class DashboardAssetsTest {

    private static final Path ASSETS = Path.of("src/main/resources/static/ui");

    @LocalServerPort
    int port;

    @Autowired
    JobSpecValidator validator;

    private ApiHttp http;

    @BeforeEach
    void client() {
        http = ApiHttp.onPort(port);
    }

    @Test
    void theRootAndUiLeadToTheDashboard() {
        for (String path : List.of("/", "/ui")) {
            ApiHttp.Response response = http.request("GET", path).send();
            assertThat(response.status()).as(path).isEqualTo(302);
            assertThat(response.header("Location")).as(path).hasValueSatisfying(l -> assertThat(l)
                    .endsWith("/ui/"));
        }
    }

    @Test
    void theDashboardLoadsWithoutAKeyUnderAStrictPolicy() {
        ApiHttp.Response page = http.request("GET", "/ui/").send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.header("Content-Security-Policy")).hasValue(UiHeadersFilter.CONTENT_SECURITY_POLICY);
        assertThat(UiHeadersFilter.CONTENT_SECURITY_POLICY)
                .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(page.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.header("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/app.js\"></script>");

        ApiHttp.Response script = http.request("GET", "/ui/js/app.js").send();
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(script.header("Content-Security-Policy")).isPresent();
    }

    @Test
    void theNewJobTemplatesAreValidSpecsOfEachType() {
        ApiHttp.Response response = http.request("GET", "/ui/templates.json").send();
        assertThat(response.status()).isEqualTo(200);
        JsonNode templates = response.json();
        assertThat(templates.propertyNames()).containsExactly("slt", "qsnn", "imp");
        for (String type : templates.propertyNames()) {
            JsonNode spec = templates.get(type);
            assertThat(spec.get("type").asString()).isEqualTo(type);
            validator.validate(spec); // throws the API's problem if the template is refused
        }
    }

    @Test
    void theApiStillNeedsItsKey() {
        assertThat(http.request("GET", "/api/v1/jobs").send().status()).isEqualTo(401);
    }

    /** Markup sinks, code from strings, inline handlers and styles, and addresses of other origins. */
    @Test
    void noAssetParsesMarkupRunsStringsAsCodeOrReachesAnotherOrigin() throws IOException {
        Pattern forbidden = Pattern.compile(
                "innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\("
                        + "|new Function|setAttribute\\('(style|on)|\\sstyle=|\\son[a-z]+=|<script>|https?://(?!www\\.w3\\.org/2000/svg)");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ASSETS)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files)
                .extracting(p -> ASSETS.relativize(p).toString())
                .contains("index.html", "app.css", "js/app.js", "js/api.js", "js/plot.js");
        for (Path file : files) {
            String text = Files.readString(file);
            assertThat(forbidden.matcher(text).results().map(m -> m.group()).toList())
                    .as(file.toString())
                    .isEmpty();
        }
    }
}
