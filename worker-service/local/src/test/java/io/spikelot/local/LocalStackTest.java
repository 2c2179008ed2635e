package io.spikelot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spikelot.api.testing.ApiHttp;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The README's first command, minus the build: embedded PostgreSQL and broker, the API and a worker in one JVM,
 * with nothing installed, and nothing left listening once it stops.
 */
class LocalStackTest {

    @Test
    void theLocalStackServesTheApiRunsAWorkerAndStopsCompletely() throws Exception {
        int port = freePort();
        String jobId;
        try (LocalStack stack = LocalStack.start(port, "/usr/share/datasets")) {
            ApiHttp http = new ApiHttp(stack.apiUrl());
            assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);

            ApiHttp.Response submitted = http.postJson(
                    "/api/v1/jobs",
                    stack.apiKey(),
                    """
                    {"type": "slt", "name": "local", "model": {"architecture": "convnet-s", "timesteps": 2},
                     "dataset": {"name": "synthetic-static", "trainLimit": 64, "testLimit": 32},
                     "training": {"epochs": 1, "batchSize": 16}}""");
            assertThat(submitted.status()).isEqualTo(201);
            jobId = submitted.json().get("id").asString();

            await().atMost(Duration.ofSeconds(120)).until(() -> http.get("/api/v1/jobs/" + jobId, stack.apiKey())
                    .json()
                    .get("status")
                    .asString()
                    .matches("SUCCEEDED|FAILED"));
            JsonNode job = http.get("/api/v1/jobs/" + jobId, stack.apiKey()).json();
            assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
            assertThat(http.get("/api/v1/jobs/" + jobId + "/artifacts/mask.safetensors", stack.apiKey())
                            .status())
                    .isEqualTo(200);
        }

        assertThat(isListening(port)).as("API port closed after stop").isFalse();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isListening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
