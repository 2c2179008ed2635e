package io.spikelot.api.auth;

import static io.spikelot.api.testing.Specs.anSltSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.ApiIntegrationTest;
import io.spikelot.api.testing.TestKeys;
import io.spikelot.model.artifact.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint keeps tenants apart (another tenant's job is exactly as absent as a job that never existed), and
 * each credential works only where it belongs: tenant keys on the public API, the worker token on the internal one.
 * The endpoints are read from Spring's handler mappings, so an endpoint added later is checked too.
 */
@ApiIntegrationTest
class TenantIsolationTest {

    private static final String ARTIFACT = "mask.bin";
    private static final byte[] CONTENT = "spikelot-artifact-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final String SHA = Sha256.hex(CONTENT);

    @LocalServerPort
    int port;

    @Autowired
    List<RequestMappingHandlerMapping> handlerMappings;

    ApiHttp http;
    String jobA;

    /** One mapped endpoint under {@code /api/}: a method and a path pattern as the controller declares them. */
    record Endpoint(String method, String pattern) {

        private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

        /** The pattern with {@code {id}} as {@code jobId}, the first attempt and the test's artifact. */
        String path(String jobId) {
            return VARIABLE.matcher(pattern)
                    .replaceAll(variable -> Matcher.quoteReplacement(
                            switch (variable.group(1)) {
                                case "id" -> jobId;
                                case "attempt" -> "1";
                                case "name" -> ARTIFACT;
                                default ->
                                    throw new AssertionError(
                                            this + " has a path variable this test cannot fill: " + variable.group());
                            }));
        }

        List<String> variables() {
            return VARIABLE.matcher(pattern).results().map(v -> v.group(1)).toList();
        }

        boolean internal() {
            return pattern.startsWith(ApiKeyFilter.INTERNAL_PREFIX);
        }

        boolean ofAJob() {
            return variables().contains("id");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** Every {@code /api/} endpoint Spring maps, one per method and path, so a new one cannot be left out. */
    List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : handlerMappings) {
            mapping.getHandlerMethods().forEach((info, handler) -> {
                for (String pattern : info.getPatternValues()) {
                    if (pattern.startsWith("/api/")) {
                        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                        assertThat(methods).as("HTTP methods of %s", handler).isNotEmpty();
                        methods.forEach(method -> endpoints.add(new Endpoint(method.name(), pattern)));
                    }
                }
            });
        }
        endpoints.forEach(
                endpoint -> endpoint.path(UUID.randomUUID().toString())); // fails on a variable it cannot fill
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return endpoints;
    }

    @BeforeEach
    void tenantASubmitsAJobAndTheWorkerUploadsAnArtifact() {
        ApiHttp.Response created = http().postJson("/api/v1/jobs", TestKeys.KEY_A, anSltSpec("isolated"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        jobA = created.json().get("id").asString();

        ApiHttp.Response uploaded = upload(TestKeys.WORKER_TOKEN, jobA, 1, CONTENT, SHA);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.json().get("sha256").asString()).isEqualTo(SHA);
        assertThat(uploaded.json().get("size").asLong()).isEqualTo(CONTENT.length);
    }

    private ApiHttp http() {
        if (http == null) {
            http = ApiHttp.onPort(port);
        }
        return http;
    }

    @Test
    void theEndpointsComeFromSpringsHandlerMappings() {
        List<Endpoint> endpoints = endpoints();

        // the stream was missing from the list kept by hand
        assertThat(endpoints).contains(new Endpoint("GET", "/api/v1/jobs/{id}/events"));
        assertThat(endpoints).anyMatch(Endpoint::internal).anyMatch(e -> !e.internal() && e.ofAJob());
        assertThat(new Endpoint("PUT", "/api/v1/internal/jobs/{id}/attempts/{attempt}/artifacts/{name}").path("J"))
                .isEqualTo("/api/v1/internal/jobs/J/attempts/1/artifacts/" + ARTIFACT);
    }

    @Test
    void anotherTenantsJobLooksExactlyLikeAJobThatDoesNotExist() {
        String unknown = UUID.randomUUID().toString();
        for (Endpoint endpoint : userEndpoints(true)) {
            ApiHttp.Response ofA = http.request(endpoint.method(), endpoint.path(jobA))
                    .bearer(TestKeys.KEY_B)
                    .send();
            ApiHttp.Response missing = http.request(endpoint.method(), endpoint.path(unknown))
                    .bearer(TestKeys.KEY_B)
                    .send();

            String context = endpoint + " as tenant B: " + ofA.body() + " vs " + missing.body();
            assertThat(ofA.status()).as(context).isEqualTo(404);
            assertThat(missing.status()).as(context).isEqualTo(404);
            assertProblem(ofA, 404, "urn:spikelot:problem:not-found");
            assertProblem(missing, 404, "urn:spikelot:problem:not-found");
            assertThat(ofA.json().get("type"))
                    .as(context)
                    .isEqualTo(missing.json().get("type"));
            assertThat(ofA.json().get("title"))
                    .as(context)
                    .isEqualTo(missing.json().get("title"));
            assertThat(ofA.json().path("detail").asString("").replace(jobA, "ID"))
                    .as(context)
                    .isEqualTo(missing.json().path("detail").asString("").replace(unknown, "ID"));
            assertThat(ofA.body()).as(context).doesNotContain(SHA).doesNotContain(TestKeys.TENANT_A);
        }

        // conditional and partial requests reveal nothing either
        ApiHttp.Response conditional = http.request("GET", "/api/v1/jobs/" + jobA + "/artifacts/" + ARTIFACT)
                .bearer(TestKeys.KEY_B)
                .header("If-None-Match", "\"" + SHA + "\"")
                .send();
        ApiHttp.Response ranged = http.request("GET", "/api/v1/jobs/" + jobA + "/artifacts/" + ARTIFACT)
                .bearer(TestKeys.KEY_B)
                .header("Range", "bytes=0-3")
                .send();
        assertProblem(conditional, 404, "urn:spikelot:problem:not-found");
        assertProblem(ranged, 404, "urn:spikelot:problem:not-found");

        // B's attempt to cancel changed nothing
        JsonNode job = http.get("/api/v1/jobs/" + jobA, TestKeys.KEY_A).json();
        assertThat(job.get("status").asString()).isEqualTo("QUEUED");
    }

    @Test
    void anotherTenantsListingNeverShowsTheJob() {
        for (String query : List.of("", "?size=100", "?type=slt&size=100", "?status=queued&size=100")) {
            ApiHttp.Response ofB = http.get("/api/v1/jobs" + query, TestKeys.KEY_B);
            assertThat(ofB.status()).as(ofB.body()).isEqualTo(200);
            assertThat(idsOfAllPages("/api/v1/jobs" + query, TestKeys.KEY_B)).doesNotContain(jobA);
            assertThat(ofB.body()).doesNotContain(jobA);
        }
        assertThat(idsOfAllPages("/api/v1/jobs?size=100", TestKeys.KEY_A)).contains(jobA);
    }

    @Test
    void noCredentialGives401WithAChallengeEverywhere() {
        for (Endpoint endpoint : endpoints()) {
            ApiHttp.Response response =
                    http.request(endpoint.method(), endpoint.path(jobA)).send();
            assertProblem(response, 401, "urn:spikelot:problem:unauthorized");
            assertThat(response.header("WWW-Authenticate"))
                    .as(endpoint.toString())
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
    }

    @Test
    void theWorkerTokenIsRefusedOnEveryUserEndpoint() {
        for (Endpoint endpoint : userEndpoints(false)) {
            // a valid spec as the body, so only the credential can be the reason for a refusal
            ApiHttp.Response response = http.request(endpoint.method(), endpoint.path(jobA))
                    .bearer(TestKeys.WORKER_TOKEN)
                    .header("Content-Type", "application/json")
                    .body(anSltSpec("by the worker"))
                    .send();
            assertProblem(response, 403, "urn:spikelot:problem:forbidden");
            assertThat(response.body()).as(endpoint.toString()).doesNotContain(SHA);
        }
        assertThat(http.get("/api/v1/jobs/" + jobA, TestKeys.KEY_A)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("QUEUED");
    }

    @Test
    void tenantKeysAreRefusedOnTheInternalEndpoints() {
        byte[] forged = "forged".getBytes(StandardCharsets.UTF_8);
        List<Endpoint> internal =
                endpoints().stream().filter(Endpoint::internal).toList();
        assertThat(internal).isNotEmpty();
        for (String key : List.of(TestKeys.KEY_A, TestKeys.KEY_B)) {
            for (Endpoint endpoint : internal) {
                ApiHttp.Response response = http.request(endpoint.method(), endpoint.path(jobA))
                        .bearer(key)
                        .header("Content-Type", "application/octet-stream")
                        .header("X-Checksum-SHA256", Sha256.hex(forged))
                        .body(forged)
                        .send();
                assertProblem(response, 403, "urn:spikelot:problem:forbidden");
            }
        }
        ApiHttp.Response download = download(jobA, null, null);
        assertThat(download.bytes()).isEqualTo(CONTENT);
    }

    @Test
    void theOwnerDownloadsWithETagLengthRangeAndConditionalRequests() {
        JsonNode listed =
                http.get("/api/v1/jobs/" + jobA + "/artifacts", TestKeys.KEY_A).json();
        assertThat(listed.isArray()).isTrue();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asString()).isEqualTo(ARTIFACT);
        assertThat(listed.get(0).get("sha256").asString()).isEqualTo(SHA);
        assertThat(listed.get(0).get("size").asLong()).isEqualTo(CONTENT.length);

        ApiHttp.Response full = download(jobA, null, null);
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.bytes()).isEqualTo(CONTENT);
        assertThat(full.header("ETag")).contains("\"" + SHA + "\"");
        assertThat(full.header("Content-Length")).contains(String.valueOf(CONTENT.length));
        assertThat(full.header("Accept-Ranges")).contains("bytes");

        ApiHttp.Response partial = download(jobA, "bytes=0-3", null);
        assertThat(partial.status()).isEqualTo(206);
        assertThat(partial.bytes()).isEqualTo(Arrays.copyOfRange(CONTENT, 0, 4));
        assertThat(partial.header("Content-Range")).contains("bytes 0-3/" + CONTENT.length);
        assertThat(partial.header("Content-Length")).contains("4");

        ApiHttp.Response notModified = download(jobA, null, "\"" + SHA + "\"");
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.bytes()).isEmpty();
        assertThat(notModified.header("ETag")).contains("\"" + SHA + "\"");

        ApiHttp.Response otherTag = download(jobA, null, "\"" + "0".repeat(64) + "\"");
        assertThat(otherTag.status()).isEqualTo(200);
        assertThat(otherTag.bytes()).isEqualTo(CONTENT);
    }

    @Test
    void theCurrentAttemptReadsBackWhatItsJobUploadedAndNoOtherAttemptDoes() {
        ApiHttp.Response current = workerDownload(jobA, 1, ARTIFACT);
        assertThat(current.status()).as(current.body()).isEqualTo(200);
        assertThat(current.bytes()).isEqualTo(CONTENT);
        assertThat(current.header("ETag")).contains("\"" + SHA + "\"");

        assertProblem(workerDownload(jobA, 1, "checkpoint.safetensors"), 404, "urn:spikelot:problem:not-found");
        assertProblem(workerDownload(jobA, 2, ARTIFACT), 409, "urn:spikelot:problem:conflict");
    }

    private ApiHttp.Response workerDownload(String job, int attempt, String name) {
        return http.request("GET", "/api/v1/internal/jobs/" + job + "/attempts/" + attempt + "/artifacts/" + name)
                .bearer(TestKeys.WORKER_TOKEN)
                .send();
    }

    @Test
    void uploadsForAStaleAttemptOrACancelledJobConflict() {
        ApiHttp.Response stale = upload(TestKeys.WORKER_TOKEN, jobA, 2, CONTENT, SHA);
        assertProblem(stale, 409, "urn:spikelot:problem:conflict");

        ApiHttp.Response claim = http.request("POST", "/api/v1/internal/jobs/" + jobA + "/attempts/1/claim")
                .bearer(TestKeys.WORKER_TOKEN)
                .send();
        assertThat(claim.status()).as(claim.body()).isEqualTo(200);
        assertThat(claim.json().get("run").asBoolean()).isTrue();

        ApiHttp.Response cancelled = http.request("POST", "/api/v1/jobs/" + jobA + "/cancel")
                .bearer(TestKeys.KEY_A)
                .send();
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);

        byte[] late = "late".getBytes(StandardCharsets.UTF_8);
        ApiHttp.Response afterCancel = upload(TestKeys.WORKER_TOKEN, jobA, 1, late, Sha256.hex(late));
        assertProblem(afterCancel, 409, "urn:spikelot:problem:conflict");
        ApiHttp.Response claimAfterCancel = http.request("POST", "/api/v1/internal/jobs/" + jobA + "/attempts/1/claim")
                .bearer(TestKeys.WORKER_TOKEN)
                .send();
        assertProblem(claimAfterCancel, 409, "urn:spikelot:problem:conflict");

        // the refused uploads replaced nothing
        ApiHttp.Response download = download(jobA, null, null);
        assertThat(download.bytes()).isEqualTo(CONTENT);
    }

    /** The public endpoints: those of one job, or all of them. */
    private List<Endpoint> userEndpoints(boolean ofAJobOnly) {
        List<Endpoint> user = endpoints().stream()
                .filter(e -> !e.internal() && (e.ofAJob() || !ofAJobOnly))
                .toList();
        assertThat(user).isNotEmpty();
        return user;
    }

    private ApiHttp.Response upload(String key, String job, int attempt, byte[] content, String sha) {
        return http().request("PUT", "/api/v1/internal/jobs/" + job + "/attempts/" + attempt + "/artifacts/" + ARTIFACT)
                .bearer(key)
                .header("Content-Type", "application/octet-stream")
                .header("X-Checksum-SHA256", sha)
                .body(content)
                .send();
    }

    private ApiHttp.Response download(String job, String range, String ifNoneMatch) {
        ApiHttp.Request request = http.request("GET", "/api/v1/jobs/" + job + "/artifacts/" + ARTIFACT)
                .bearer(TestKeys.KEY_A);
        if (range != null) {
            request.header("Range", range);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return request.send();
    }

    private List<String> idsOfAllPages(String path, String key) {
        List<String> ids = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            JsonNode body = http.get(path + separator + "page=" + page, key).json();
            body.get("items").forEach(item -> ids.add(item.get("id").asString()));
            if (page + 1 >= body.get("totalPages").asInt()) {
                return ids;
            }
        }
    }

    private static void assertProblem(ApiHttp.Response response, int status, String type) {
        String context = response.status() + " " + response.body();
        assertThat(response.status()).as(context).isEqualTo(status);
        assertThat(response.header("Content-Type").orElse("")).as(context).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asString("")).as(context).isEqualTo(type);
        assertThat(problem.path("status").asInt()).as(context).isEqualTo(status);
        assertThat(problem.path("title").asString("")).as(context).isNotBlank();
    }
}
