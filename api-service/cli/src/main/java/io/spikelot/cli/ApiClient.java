package io.spikelot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP calls of the CLI: bearer key, JSON in and out, problem+json turned into {@link ApiRefusal}. */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final String baseUrl;
    private final String apiKey;

    ApiClient(String baseUrl, String apiKey) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new CliException(ExitCode.BAD_INPUT, "No API URL: pass --url or set SPIKELOT_URL");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new CliException(ExitCode.BAD_INPUT, "No API key: pass --api-key or set SPIKELOT_API_KEY");
        }
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** An answer whose body was JSON. */
    record Answer(int status, Map<String, List<String>> headers, JsonNode body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }
    }

    Answer get(String path) {
        return json(request(path).GET().build());
    }

    Answer post(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        return json(builder.build());
    }

    /** The lines of a server-sent event stream; the caller closes the stream. */
    Stream<String> eventStream(String path) {
        HttpRequest request = request(path)
                .timeout(Duration.ofHours(1))
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        HttpResponse<Stream<String>> response = send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            String body = String.join("\n", response.body().limit(50).toList());
            response.body().close();
            throw refusal(response.statusCode(), body);
        }
        return response.body();
    }

    /** The bytes of a download; the caller closes the stream. */
    InputStream download(String path) {
        HttpRequest request = request(path).timeout(Duration.ofHours(1)).GET().build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (InputStream in = response.body()) {
                throw refusal(response.statusCode(), new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw refusal(response.statusCode(), "");
            }
        }
        return response.body();
    }

    String baseUrl() {
        return baseUrl;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json, application/problem+json");
    }

    private Answer json(HttpRequest request) {
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw refusal(response.statusCode(), response.body());
        }
        return new Answer(
                response.statusCode(),
                response.headers().map(),
                response.body().isEmpty() ? JSON.nullNode() : parse(response.body()));
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new CliException(ExitCode.UNREACHABLE, "Cannot reach the API at " + baseUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.UNREACHABLE, "Interrupted while calling the API at " + baseUrl, e);
        }
    }

    private static ApiRefusal refusal(int status, String body) {
        JsonNode problem;
        try {
            problem = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JacksonException notJson) {
            problem = null;
        }
        return new ApiRefusal(status, problem, body);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new CliException(ExitCode.API_ERROR, "The API answered something that is not JSON: " + e);
        }
    }
}
