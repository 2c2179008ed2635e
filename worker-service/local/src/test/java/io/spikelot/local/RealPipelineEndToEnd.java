package io.spikelot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.TestKeys;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shared set-up of the end-to-end tests that run real pipelines: the API and a worker with the production pipelines
 * against this run's PostgreSQL and broker, started once per test class, plus submitting, waiting and reading
 * safetensors artifacts.
 */
abstract class RealPipelineEndToEnd {

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

    static ApiHttp http() {
        return stack.http();
    }

    /** The running services. */
    static TwoServiceStack stack() {
        return stack;
    }

    /** Submits a job spec for tenant A and returns the new job's id; fails the test unless the API answers 201. */
    static String submit(String spec) {
        ApiHttp.Response submitted = http().postJson("/api/v1/jobs", TestKeys.KEY_A, spec);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.json().get("id").asString();
    }

    /** Polls the job until it is terminal (three minutes at most) and returns it; fails unless it SUCCEEDED. */
    static JsonNode awaitSuccess(String id) {
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> job(id).get("status").asString().matches("SUCCEEDED|FAILED|CANCELLED"));
        JsonNode job = job(id);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        return job;
    }

    static JsonNode job(String id) {
        return http().get("/api/v1/jobs/" + id, TestKeys.KEY_A).json();
    }

    /** Downloads one artifact of the job; fails unless the API answers 200. */
    static byte[] artifact(String id, String name) {
        ApiHttp.Response response = http().get("/api/v1/jobs/" + id + "/artifacts/" + name, TestKeys.KEY_A);
        assertThat(response.status()).as(name).isEqualTo(200);
        return response.bytes();
    }

    /** The names in the job's artifact listing. */
    static Iterable<String> artifactNames(String id) {
        return http().get("/api/v1/jobs/" + id + "/artifacts", TestKeys.KEY_A)
                .json()
                .findValuesAsString("name");
    }

    /** A safetensors file read by the format's own rules: an 8-byte little-endian header length, a JSON header. */
    record Safetensors(byte[] file, int headerLength, JsonNode header) {

        static Safetensors parse(byte[] file) {
            int headerLength =
                    (int) ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
            JsonNode header = JSON.readTree(new String(file, 8, headerLength, StandardCharsets.UTF_8));
            return new Safetensors(file, headerLength, header);
        }

        /** The raw bytes of one tensor's data. */
        byte[] data(String name) {
            JsonNode tensor = header.get(name);
            int start = 8 + headerLength + tensor.at("/data_offsets/0").asInt();
            int end = 8 + headerLength + tensor.at("/data_offsets/1").asInt();
            byte[] data = new byte[end - start];
            System.arraycopy(file, start, data, 0, data.length);
            return data;
        }
    }
}
