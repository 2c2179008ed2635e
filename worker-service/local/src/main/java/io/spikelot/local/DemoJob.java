package io.spikelot.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack's demo: one small spiking ticket search (SLT, biprop, half the weights removed) on Fashion-MNIST
 * when its files are installed, else on generated images; prints progress, the accuracy and where the mask is.
 */
final class DemoJob {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration POLL = Duration.ofSeconds(2);

    private final String apiUrl;
    private final String apiKey;
    private final String datasetsRoot;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    DemoJob(String apiUrl, String apiKey, String datasetsRoot) {
        this.apiUrl = apiUrl;
        this.apiKey = apiKey;
        this.datasetsRoot = datasetsRoot;
    }

    void run() throws IOException, InterruptedException {
        boolean fashion = Files.isDirectory(Path.of(datasetsRoot, "fashion-mnist"));
        String dataset = fashion
                ? "{\"name\": \"fashion-mnist\", \"trainLimit\": 5000, \"testLimit\": 1000}"
                : "{\"name\": \"synthetic-static\", \"trainLimit\": 512, \"testLimit\": 128}";
        String spec =
                """
                {"type": "slt", "name": "demo: convnet-s MPSLT", "model": {"architecture": "convnet-s", "timesteps": 4},
                 "dataset": %s, "search": {"method": "biprop", "pruneRatio": 0.5},
                 "training": {"epochs": 2, "batchSize": 64}}"""
                        .formatted(dataset);
        System.out.println("Demo: a spiking ticket search on "
                + (fashion
                        ? "Fashion-MNIST (5,000 images)"
                        : "generated images (install Debian's dataset-fashion-mnist for real ones)")
                + "; --no-demo skips it.");
        JsonNode job = send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/v1/jobs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(spec)));
        String id = job.get("id").asString();
        String last = "";
        while (!job.get("status").asString().matches("SUCCEEDED|FAILED|CANCELLED")) {
            Thread.sleep(POLL.toMillis());
            job = send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/v1/jobs/" + id))
                    .GET());
            String message = job.at("/progress/message").asString("");
            if (!message.isEmpty() && !message.equals(last)) {
                System.out.println("  " + job.get("status").asString() + "  " + message);
                last = message;
            }
        }
        report(job, id);
    }

    private void report(JsonNode job, String id) {
        if (!job.get("status").asString().equals("SUCCEEDED")) {
            System.out.println("Demo job " + id + " ended " + job.get("status").asString() + ": " + job.get("error"));
            return;
        }
        System.out.printf(
                """
                Demo job %s SUCCEEDED: test accuracy %.1f%% with %.0f%% of the weights kept, %.4f mJ per image (SNN).
                  Mask:    curl -H 'Authorization: Bearer %s' -O %s/api/v1/jobs/%s/artifacts/mask.safetensors
                  All:     %s/api/v1/jobs/%s/artifacts
                """,
                id,
                100 * job.at("/result/accuracy").asDouble(),
                100 * job.at("/result/keptFraction").asDouble(),
                job.at("/result/energy/snnMj").asDouble(),
                apiKey,
                apiUrl,
                id,
                apiUrl,
                id);
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                request.header("Authorization", "Bearer " + apiKey).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException("The API answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
