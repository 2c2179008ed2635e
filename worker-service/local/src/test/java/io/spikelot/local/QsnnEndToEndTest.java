package io.spikelot.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A two-allocation {@code qsnn} job on a small Fashion-MNIST subset through HTTP, PostgreSQL, RabbitMQ and the real
 * worker: it completes with one row per allocation, S-ACE = MACs·T·W·S and NS-ACE ≤ S-ACE, and the quantized
 * weights it serves hold at most 2^W distinct values per layer.
 */
class QsnnEndToEndTest extends RealPipelineEndToEnd {

    @Test
    void aTwoAllocationJobReportsBothAndServesQuantizedWeights() {
        String id = submit(
                """
                {"type": "qsnn", "name": "fmnist-qsnn-e2e",
                 "model": {"architecture": "convnet-s"},
                 "dataset": {"name": "fashion-mnist", "trainLimit": 256, "testLimit": 128},
                 "quantization": {"allocations": [{"weightBits": 2, "spikeBits": 2, "timesteps": 1},
                                                  {"weightBits": 1, "spikeBits": 1, "timesteps": 2}]},
                 "training": {"epochs": 1, "batchSize": 32}}""");
        JsonNode job = awaitSuccess(id);
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
            byte[] model = artifact(id, "model-" + label + ".safetensors");
            assertAtMostTwoToTheWValues(
                    Safetensors.parse(model), row.get("weightBits").asInt());
        }
        assertThat(artifactNames(id))
                .contains(
                        "model.safetensors",
                        "model.json",
                        "result.json",
                        "history.csv",
                        "accuracy-vs-sace.svg",
                        "table.md");
    }

    /** Each quantized weight (a tensor with a {@code _scale}) holds at most 2^W distinct integer codes. */
    private static void assertAtMostTwoToTheWValues(Safetensors model, int bits) {
        int checked = 0;
        for (String name : model.header().propertyNames()) {
            if (!model.header().has(name + "_scale")) {
                continue; // BatchNorm and other full-precision tensors
            }
            assertThat(model.header().get(name).get("dtype").asString())
                    .as(name)
                    .isEqualTo("I8");
            Set<Byte> values = new HashSet<>();
            for (byte value : model.data(name)) {
                values.add(value);
            }
            assertThat(values.size()).as(name).isLessThanOrEqualTo(1 << bits);
            checked++;
        }
        assertThat(checked).isEqualTo(3);
    }
}
