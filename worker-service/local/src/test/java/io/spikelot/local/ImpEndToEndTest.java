package io.spikelot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A two-round {@code imp} job on a small Fashion-MNIST subset through HTTP, PostgreSQL, RabbitMQ and the real
 * worker: round 1 removes exactly a quarter of the weights by global magnitude, and the winning model it serves
 * holds exact zeros wherever its mask prunes.
 */
class ImpEndToEndTest extends RealPipelineEndToEnd {

    @Test
    void aTwoRoundImpJobServesAMaskAndAModelWithZerosUnderIt() {
        String id = submit(
                """
                {"type": "imp", "name": "fmnist-imp-e2e",
                 "model": {"architecture": "convnet-s", "timesteps": 2},
                 "dataset": {"name": "fashion-mnist", "trainLimit": 256, "testLimit": 128},
                 "pruning": {"rounds": 2},
                 "training": {"epochs": 2, "batchSize": 32}}""");
        JsonNode job = awaitSuccess(id);
        JsonNode rounds = job.at("/result/rounds");
        assertThat(rounds.size()).isEqualTo(2);
        assertThat(rounds.get(0).get("sparsity").asDouble()).isZero();
        assertThat(rounds.get(1).get("sparsity").asDouble()).isCloseTo(0.25, within(1e-4));
        assertThat(job.at("/result/searchCost/searchEpochTimesteps").asLong()).isEqualTo(2 * 2);

        Safetensors mask = Safetensors.parse(artifact(id, "mask-r1.safetensors"));
        Safetensors model = Safetensors.parse(artifact(id, "model.safetensors"));
        Safetensors winning = Safetensors.parse(artifact(id, "mask.safetensors"));
        long pruned = 0;
        for (String name : new String[] {"conv1.weight", "conv2.weight", "head.weight"}) {
            byte[] keep = winning.data(name);
            ByteBuffer weights = ByteBuffer.wrap(model.data(name)).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < keep.length; i++) {
                float w = weights.getFloat(4 * i);
                if (keep[i] == 0) {
                    assertThat(w).as(name + "[" + i + "]").isZero();
                }
            }
            for (byte b : mask.data(name)) {
                pruned += b == 0 ? 1 : 0;
            }
        }
        assertThat(pruned).isPositive();
        assertThat(artifactNames(id))
                .contains(
                        "mask-r0.safetensors", "model.json", "result.json", "history.csv", "accuracy-vs-sparsity.svg");
    }
}
