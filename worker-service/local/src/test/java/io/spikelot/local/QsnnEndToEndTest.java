package io.spikelot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.TestKeys;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A two-allocation {@code qsnn} job on a small Fashion-MNIST subset through HTTP, PostgreSQL, RabbitMQ and the real
 * worker: it completes with one row per allocation, S-ACE = MACs·T·W·S and NS-ACE ≤ S-ACE, and the quantized
 * weights it serves hold at most 2^W distinct values per layer.
 */
class QsnnEndToEndTest {

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
    void aTwoAllocationJobReportsBothAndServesQuantizedWeights() {
        ApiHttp http = stack.http();
        ApiHttp.Response submitted = http.postJson(
                "/api/v1/jobs",
                TestKeys.KEY_A,
                """
                {"type": "qsnn", "name": "fmnist-qsnn-e2e",
                 "model": {"architecture": "convnet-s"},
                 "dataset": {"name": "fashion-mnist", "trainLimit": 256, "testLimit": 128},
                 "quantization": {"allocations": [{"weightBits": 2, "spikeBits": 2, "timesteps": 1},
                                                  {"weightBits": 1, "spikeBits": 1, "timesteps": 2}]},
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
        JsonNode rows = job.at("/result/allocations");
        assertThat(rows.size()).isEqualTo(2);
        for (JsonNode row : rows) {
            long product = row.get("macs").asLong()
                    * row.get("timesteps").asLong()
                    * row.get("weightBits").asLong()
                    * row.get("spikeBits").asLong();
            assertThat(row.get("sAce").asLong()).as(row.toString()).isEqualTo(product);
            assertThat(row.get("nsAce").asDouble())
                    .isPositive()
                    .isLessThanOrEqualTo(row.get("sAce").asDouble());
            assertThat(row.get("accuracy").asDouble()).isBetween(0.0, 1.0);

            String label = row.get("label").asString();
            ApiHttp.Response model =
                    http.get("/api/v1/jobs/" + id + "/artifacts/model-" + label + ".safetensors", TestKeys.KEY_A);
            assertThat(model.status()).as(label).isEqualTo(200);
            assertAtMostTwoToTheWValues(model.bytes(), row.get("weightBits").asInt());
        }
        JsonNode artifacts =
                http.get("/api/v1/jobs/" + id + "/artifacts", TestKeys.KEY_A).json();
        assertThat(artifacts.findValuesAsString("name"))
                .contains(
                        "model.safetensors",
                        "model.json",
                        "result.json",
                        "history.csv",
                        "accuracy-vs-sace.svg",
                        "table.md");
    }

    /** Each quantized weight (a tensor with a {@code _scale}) holds at most 2^W distinct integer codes. */
    private static void assertAtMostTwoToTheWValues(byte[] file, int bits) {
        ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = (int) buffer.getLong(0);
        JsonNode header = JSON.readTree(new String(file, 8, headerLength, StandardCharsets.UTF_8));
        int checked = 0;
        for (String name : header.propertyNames()) {
            JsonNode tensor = header.get(name);
            if (!header.has(name + "_scale")) {
                continue; // BatchNorm and other full-precision tensors
            }
            assertThat(tensor.get("dtype").asString()).as(name).isEqualTo("I8");
            long start = 8L + headerLength + tensor.at("/data_offsets/0").asLong();
            long end = 8L + headerLength + tensor.at("/data_offsets/1").asLong();
            Set<Byte> values = new HashSet<>();
            for (long i = start; i < end; i++) {
                values.add(file[(int) i]);
            }
            assertThat(values.size()).as(name).isLessThanOrEqualTo(1 << bits);
            checked++;
        }
        assertThat(checked).isEqualTo(3);
    }
}
