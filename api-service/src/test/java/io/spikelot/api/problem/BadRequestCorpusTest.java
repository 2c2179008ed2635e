package io.spikelot.api.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.ApiIntegrationTest;
import io.spikelot.api.testing.Specs;
import io.spikelot.api.testing.TestKeys;
import io.spikelot.model.artifact.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays the bad-request corpus of {@code src/test/resources/bad-requests/*.json} (format: README.md there) against
 * the running API: every case must be refused with its exact 4xx status as problem+json of the expected type, naming
 * the expected fields, and without leaking internals. Cases marked {@code knownBug} fail like any other until fixed.
 */
@ApiIntegrationTest
class BadRequestCorpusTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CORPUS = "classpath*:bad-requests/*.json";
    private static final Set<String> CASE_KEYS = Set.of(
            "name",
            "method",
            "path",
            "key",
            "headers",
            "body",
            "json",
            "bodyRepeat",
            "bodyBase64",
            "status",
            "type",
            "fields",
            "responseHeaders",
            "knownBug");
    private static final Pattern STACK_FRAME = Pattern.compile("\\tat |\\bat [\\w$.]+\\.[\\w$<>]+\\(");
    private static final List<String> LEAKS =
            List.of("Exception", "at io.", "SQL", "org.springframework", "tools.jackson");
    /** Names of the JSON parser's internals, which a client can neither see nor change. */
    private static final Pattern PARSER_INTERNALS =
            Pattern.compile("JsonReadFeature|StreamReadFeature|StreamReadConstraints|DeserializationFeature|JsonToken"
                    + "|REDACTED|Feature '\\w+' not enabled");

    /** {@code {repeat:N:text}} in a path, header value or body stands for {@code text} N times. */
    private static final Pattern REPEAT = Pattern.compile("\\{repeat:(\\d+):([^}]*)}");

    private static final byte[] PROBE = "probe-bytes".getBytes(StandardCharsets.UTF_8);

    /** Ids and values the cases refer to as {@code {placeholder}}; made once per test JVM. */
    private static Map<String, String> placeholders;

    @LocalServerPort
    int port;

    ApiHttp http;

    record BadRequest(
            String file,
            String name,
            String method,
            String path,
            String key,
            Map<String, String> headers,
            JsonNode bodySource,
            int status,
            String type,
            List<String> fields,
            Map<String, String> responseHeaders,
            String knownBug) {}

    @BeforeEach
    void setUp() {
        http = ApiHttp.onPort(port);
        synchronized (BadRequestCorpusTest.class) {
            if (placeholders == null) {
                placeholders = createFixture(http);
            }
        }
    }

    static Stream<Arguments> corpus() throws IOException {
        return load().stream().map(c -> Arguments.of(Named.of(c.name(), c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithAProblem(BadRequest c) {
        ApiHttp.Response response = send(c);
        String body = response.body();
        String context = c.file() + " / " + c.name() + ": " + c.method() + " " + c.path() + " -> " + response.status()
                + " " + response.header("Content-Type").orElse("(no content type)") + " "
                + (body.length() > 1500 ? body.substring(0, 1500) + "..." : body)
                + (c.knownBug() == null ? "" : "\n  KNOWN BUG: " + c.knownBug());

        assertThat(response.status()).as(context).isEqualTo(c.status());
        assertThat(response.header("Content-Type").orElse("")).as(context).startsWith("application/problem+json");
        JsonNode problem;
        try {
            problem = response.json();
        } catch (RuntimeException e) {
            throw new AssertionError("The body is not JSON: " + context, e);
        }
        assertThat(problem.isObject()).as(context).isTrue();
        assertThat(problem.path("type").asString("")).as(context).isEqualTo(c.type());
        ProblemType type = Arrays.stream(ProblemType.values())
                .filter(t -> t.uri().toString().equals(c.type()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("The corpus names an unknown problem type: " + context));
        assertThat(problem.path("title").asString("")).as(context).isEqualTo(type.title());
        assertThat(problem.path("status").isIntegralNumber()).as(context).isTrue();
        assertThat(problem.path("status").asInt()).as(context).isEqualTo(response.status());
        if (problem.has("detail")) {
            assertThat(problem.get("detail").isString()).as(context).isTrue();
        }
        List<String> reported = new ArrayList<>();
        problem.path("errors").forEach(e -> reported.add(e.path("field").asString("")));
        assertThat(reported).as(context).containsAll(c.fields());
        if (!c.fields().isEmpty()) {
            problem.path("errors").forEach(e -> assertThat(e.path("message").asString(""))
                    .as(context)
                    .isNotBlank());
        }
        c.responseHeaders()
                .forEach((name, expected) -> assertThat(response.header(name).orElse(""))
                        .as(context + "\n  header " + name)
                        .contains(expected));
        for (String leak : LEAKS) {
            assertThat(body).as(context).doesNotContain(leak);
        }
        assertThat(STACK_FRAME.matcher(body).find()).as(context).isFalse();
        assertThat(PARSER_INTERNALS.matcher(body).find()).as(context).isFalse();

        if (c.knownBug() != null) {
            fail("Passes now, so the bug is fixed: remove \"knownBug\" from the case. " + context);
        }
    }

    @Test
    void theCorpusIsLargeAndWellFormed() throws IOException {
        List<BadRequest> cases = load();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(110);
        Set<String> names = new HashSet<>();
        for (BadRequest c : cases) {
            assertThat(names.add(c.name()))
                    .as("case names are unique: " + c.name())
                    .isTrue();
            assertThat(c.status()).as(c.name()).isBetween(400, 499);
            if (c.type().equals(ProblemType.VALIDATION.uri().toString())) {
                assertThat(c.fields())
                        .as(c.name() + ": a validation case names its fields")
                        .isNotEmpty();
            }
        }
    }

    private ApiHttp.Response send(BadRequest c) {
        ApiHttp.Request request = http.request(c.method(), fill(c.path()));
        switch (c.key() == null ? "" : c.key()) {
            case "" -> {}
            case "A" -> request.bearer(TestKeys.KEY_A);
            case "B" -> request.bearer(TestKeys.KEY_B);
            case "WORKER" -> request.bearer(TestKeys.WORKER_TOKEN);
            default -> throw new IllegalArgumentException(c.name() + ": key must be A, B, WORKER or null");
        }
        byte[] body = body(c);
        Map<String, String> headers = c.headers();
        if (headers == null) {
            headers = body == null ? Map.of() : Map.of("Content-Type", "application/json");
        }
        headers.forEach((name, value) -> request.header(name, fill(value)));
        if (body != null) {
            request.body(body);
        }
        return request.send();
    }

    private static byte[] body(BadRequest c) {
        JsonNode source = c.bodySource();
        if (source.has("body")) {
            return fill(source.get("body").asString()).getBytes(StandardCharsets.UTF_8);
        }
        if (source.has("json")) {
            return JSON.writeValueAsBytes(source.get("json"));
        }
        if (source.has("bodyBase64")) {
            return Base64.getDecoder().decode(source.get("bodyBase64").asString());
        }
        if (source.has("bodyRepeat")) {
            JsonNode segments = source.get("bodyRepeat");
            StringBuilder out = new StringBuilder();
            for (JsonNode segment : segments.isArray() ? segments : List.of(segments)) {
                out.append(segment.get("text")
                        .asString()
                        .repeat(segment.path("times").asInt(1)));
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }

    private static String fill(String text) {
        String out = REPEAT.matcher(text)
                .replaceAll(
                        m -> java.util.regex.Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            out = out.replace("{" + p.getKey() + "}", p.getValue());
        }
        return out;
    }

    /**
     * A queued job of each tenant, a cancelled job of tenant A, and an artifact {@code probe.bin} of A's queued job
     * uploaded by the worker.
     */
    private static Map<String, String> createFixture(ApiHttp http) {
        String jobA = submit(http, TestKeys.KEY_A, "corpus fixture A");
        String jobB = submit(http, TestKeys.KEY_B, "corpus fixture B");
        String cancelledJobA = submit(http, TestKeys.KEY_A, "corpus fixture cancelled");
        ApiHttp.Response cancelled = http.request("POST", "/api/v1/jobs/" + cancelledJobA + "/cancel")
                .bearer(TestKeys.KEY_A)
                .send();
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
        ApiHttp.Response uploaded = http.request(
                        "PUT", "/api/v1/internal/jobs/" + jobA + "/attempts/1/artifacts/probe.bin")
                .bearer(TestKeys.WORKER_TOKEN)
                .header("Content-Type", "application/octet-stream")
                .header("X-Checksum-SHA256", Sha256.hex(PROBE))
                .body(PROBE)
                .send();
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("jobA", jobA);
        values.put("jobB", jobB);
        values.put("cancelledJobA", cancelledJobA);
        values.put("unknownId", UUID.randomUUID().toString());
        values.put("probeSha", Sha256.hex(PROBE));
        return values;
    }

    private static String submit(ApiHttp http, String key, String name) {
        ApiHttp.Response created = http.postJson("/api/v1/jobs", key, Specs.anSltSpec(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    static List<BadRequest> load() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources(CORPUS);
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        List<BadRequest> cases = new ArrayList<>();
        for (Resource file : files) {
            JsonNode root;
            try (InputStream in = file.getInputStream()) {
                root = JSON.readTree(in);
            }
            String fileName = file.getFilename();
            for (JsonNode c : root.required("cases")) {
                cases.add(parse(fileName, c));
            }
        }
        if (cases.isEmpty()) {
            throw new IllegalStateException("No bad-request corpus found at " + CORPUS);
        }
        return cases;
    }

    private static BadRequest parse(String file, JsonNode c) {
        String name = c.path("name").asString(null);
        for (String key : c.propertyNames()) {
            if (!CASE_KEYS.contains(key)) {
                throw new IllegalArgumentException(file + " / " + name + ": unknown key '" + key + "'");
            }
        }
        if (name == null || !c.has("method") || !c.has("path") || !c.has("key") || !c.has("status") || !c.has("type")) {
            throw new IllegalArgumentException(
                    file + " / " + name + ": name, method, path, key, status and type are required");
        }
        long bodies = Stream.of("body", "json", "bodyRepeat", "bodyBase64")
                .filter(c::has)
                .count();
        if (bodies > 1) {
            throw new IllegalArgumentException(file + " / " + name + ": give at most one of body, json, bodyRepeat");
        }
        Map<String, String> headers = null;
        if (c.has("headers")) {
            headers = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> h : c.get("headers").properties()) {
                headers.put(h.getKey(), h.getValue().asString());
            }
        }
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> h : c.path("responseHeaders").properties()) {
            responseHeaders.put(h.getKey(), h.getValue().asString());
        }
        List<String> fields = new ArrayList<>();
        c.path("fields").forEach(f -> fields.add(f.asString()));
        return new BadRequest(
                file,
                name,
                c.get("method").asString().toUpperCase(Locale.ROOT),
                c.get("path").asString(),
                c.get("key").isNull() ? null : c.get("key").asString(),
                headers,
                c,
                c.get("status").asInt(),
                c.get("type").asString(),
                fields,
                responseHeaders,
                c.path("knownBug").asString(null));
    }
}
