package io.spikelot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.TestKeys;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A three-round {@code imp} job whose worker is stopped once round 1's checkpoint is on the API: the worker
 * abandons the attempt at its next batch, the lease runs out, and attempt 2 on a new worker starts at round 2 from
 * the checkpoint and ends with all three rounds.
 */
class ImpResumeEndToEndTest extends RealPipelineEndToEnd {

    @Test
    void aWorkerStoppedAfterRoundOneIsFollowedByAnAttemptThatStartsAtRoundTwo() {
        // round 2 trains an epoch of 8 batches: seconds, against the fraction of one that the stop takes
        String id = submit(
                """
                {"type": "imp", "name": "fmnist-imp-resume-e2e",
                 "model": {"architecture": "convnet-s", "timesteps": 2},
                 "dataset": {"name": "fashion-mnist", "trainLimit": 256, "testLimit": 128},
                 "pruning": {"rounds": 3},
                 "training": {"epochs": 2, "batchSize": 32}}""");
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> completedRounds(id) == 2
                        || !job(id).get("status").asString().matches("QUEUED|RUNNING"));
        assertThat(job(id).get("status").asString()).isEqualTo("RUNNING");

        stack().stopWorker();
        assertThat(job(id).get("attempt").asInt()).isEqualTo(1);
        stack().startWorker();

        JsonNode job = awaitSuccess(id);
        assertThat(job.get("attempt").asInt()).isEqualTo(2);
        assertThat(job.at("/result/resumedFromRound").asInt()).isEqualTo(2);
        JsonNode rounds = job.at("/result/rounds");
        assertThat(rounds.size()).isEqualTo(3);
        assertThat(rounds.get(1).get("sparsity").asDouble()).isCloseTo(0.25, within(1e-4));
        assertThat(rounds.get(2).get("sparsity").asDouble()).isCloseTo(1 - 0.75 * 0.75, within(1e-3));

        Safetensors model = Safetensors.parse(artifact(id, "model.safetensors"));
        Safetensors mask = Safetensors.parse(artifact(id, "mask.safetensors"));
        for (String name : new String[] {"conv1.weight", "conv2.weight", "head.weight"}) {
            byte[] keep = mask.data(name);
            ByteBuffer weights = ByteBuffer.wrap(model.data(name)).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < keep.length; i++) {
                if (keep[i] == 0) {
                    assertThat(weights.getFloat(4 * i)).as(name + "[" + i + "]").isZero();
                }
            }
        }
        assertThat(artifactNames(id)).contains("mask-r0.safetensors", "mask-r1.safetensors", "mask-r2.safetensors");
    }

    /** The rounds the job's checkpoint holds; 0 while there is none. */
    private static int completedRounds(String id) {
        ApiHttp.Response response =
                http().get("/api/v1/jobs/" + id + "/artifacts/checkpoint.safetensors", TestKeys.KEY_A);
        if (response.status() == 404) {
            return 0;
        }
        assertThat(response.status()).isEqualTo(200);
        return Safetensors.parse(response.bytes())
                .header()
                .at("/__metadata__/completedRounds")
                .asInt();
    }
}
