package io.spikelot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.TestKeys;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@code slt} job on a small Fashion-MNIST subset through HTTP, PostgreSQL, RabbitMQ and the real worker: it
 * completes, its mask downloads, and every layer keeps exactly the count the prune ratio implies.
 */
class SltEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TwoServiceStack stack;

    @BeforeAll
    static void startServices() throws Exception {
        stack = new TwoServiceStack(false);
        stack.startApi();
        stack.startWorker();
    }

    @AfterAll
    static void stopServices() throws Exception {
        stack.close();
    }

    @Test
    void aTicketSearchJobDeliversAMaskWithExactKeptCounts() {
        ApiHttp http = stack.http();
        ApiHttp.Response submitted = http.postJson(
                "/api/v1/jobs",
                TestKeys.KEY_A,
                """
                {"type": "slt", "name": "fmnist-slt-e2e",
                 "model": {"architecture": "convnet-s", "timesteps": 2},
                 "dataset": {"name": "fashion-mnist", "trainLimit": 256, "testLimit": 128},
                 "search": {"method": "edge-popup", "pruneRatio": 0.7},
                 "training": {"epochs": 1, "batchSize": 32}}""");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asString();

        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> http.get("/api/v1/jobs/" + id, TestKeys.KEY_A)
                        .json()
                        .get("status")
                        .asString()
                        .matches("SUCCEEDED|FAILED|CANCELLED"));
        JsonNode job = http.get("/api/v1/jobs/" + id, TestKeys.KEY_A).json();
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.at("/result/accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(job.at("/result/pruneRatio").asDouble()).isEqualTo(0.7);

        ApiHttp.Response mask = http.get("/api/v1/jobs/" + id + "/artifacts/mask.safetensors", TestKeys.KEY_A);
        assertThat(mask.status()).isEqualTo(200);
        Map<String, long[]> keptAndTotal = boolTensors(mask.bytes());
        assertThat(keptAndTotal).containsKeys("conv1.weight", "conv2.weight", "head.weight");
        keptAndTotal.forEach((name, counts) -> {
            long n = counts[1];
            long expectedKept = n - (long) ((1.0 - (1.0 - 0.7)) * n);
            assertThat(counts[0]).as(name + " kept of " + n).isEqualTo(expectedKept);
        });
        JsonNode artifacts =
                http.get("/api/v1/jobs/" + id + "/artifacts", TestKeys.KEY_A).json();
        assertThat(artifacts.findValuesAsString("name"))
                .contains("model.safetensors", "model.json", "result.json", "history.csv", "accuracy.svg");
    }

    /** Reads a safetensors file: for each BOOL tensor, {kept (non-zero) count, element count}. */
    private static Map<String, long[]> boolTensors(byte[] file) {
        ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = (int) buffer.getLong(0);
        JsonNode header = JSON.readTree(new String(file, 8, headerLength, StandardCharsets.UTF_8));
        Map<String, long[]> tensors = new HashMap<>();
        for (String name : header.propertyNames()) {
            JsonNode tensor = header.get(name);
            if (name.equals("__metadata__") || !tensor.get("dtype").asString().equals("BOOL")) {
                continue;
            }
            long start = 8L + headerLength + tensor.at("/data_offsets/0").asLong();
            long end = 8L + headerLength + tensor.at("/data_offsets/1").asLong();
            long kept = 0;
            for (long i = start; i < end; i++) {
                kept += file[(int) i] != 0 ? 1 : 0;
            }
            tensors.put(name, new long[] {kept, end - start});
        }
        return tensors;
    }
}
