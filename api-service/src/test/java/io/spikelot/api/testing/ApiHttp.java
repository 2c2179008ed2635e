package io.spikelot.api.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests: sends exactly the bytes and headers a test gives (malformed JSON, odd content
 * types), so nothing is corrected on the way.
 */
public final class ApiHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public ApiHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static ApiHttp onPort(int port) {
        return new ApiHttp("http://127.0.0.1:" + port);
    }

    /** A request under construction. */
    public Request request(String method, String path) {
        return new Request(method, path);
    }

    public Response get(String path, String key) {
        return request("GET", path).bearer(key).send();
    }

    public Response postJson(String path, String key, String json) {
        return request("POST", path)
                .bearer(key)
                .header("Content-Type", "application/json")
                .body(json)
                .send();
    }

    /** What came back. */
    public record Response(int status, Map<String, String> headers, byte[] bytes) {

        public String body() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(bytes);
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst();
        }
    }

    /** Builder of one request. */
    public final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Request bearer(String key) {
            return key == null ? this : header("Authorization", "Bearer " + key);
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request body(String text) {
            return body(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public Request body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        public Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(builder::header);
            try {
                HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
                Map<String, String> responseHeaders = new LinkedHashMap<>();
                response.headers().map().forEach((k, v) -> responseHeaders.put(k, String.join(",", v)));
                return new Response(response.statusCode(), responseHeaders, response.body());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
