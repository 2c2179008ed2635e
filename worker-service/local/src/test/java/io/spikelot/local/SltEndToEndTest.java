package io.spikelot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An {@code slt} job on a small Fashion-MNIST subset through HTTP, PostgreSQL, RabbitMQ and the real worker: it
 * completes, its mask downloads, and every layer keeps exactly the count the prune ratio implies.
 */
class SltEndToEndTest extends RealPipelineEndToEnd {

    @Test
    void aTicketSearchJobDeliversAMaskWithExactKeptCounts() {
        String id = submit(
                """
                {"type": "slt", "name": "fmnist-slt-e2e",
                 "model": {"architecture": "convnet-s", "timesteps": 2},
                 "dataset": {"name": "fashion-mnist", "trainLimit": 256, "testLimit": 128},
                 "search": {"method": "edge-popup", "pruneRatio": 0.7},
                 "training": {"epochs": 1, "batchSize": 32}}""");
        JsonNode job = awaitSuccess(id);
        assertThat(job.at("/result/accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(job.at("/result/pruneRatio").asDouble()).isEqualTo(0.7);

        Map<String, long[]> keptAndTotal = boolTensors(Safetensors.parse(artifact(id, "mask.safetensors")));
        assertThat(keptAndTotal).containsKeys("conv1.weight", "conv2.weight", "head.weight");
        keptAndTotal.forEach((name, counts) -> {
            long n = counts[1];
            long expectedKept = n - (long) ((1.0 - (1.0 - 0.7)) * n);
            assertThat(counts[0]).as(name + " kept of " + n).isEqualTo(expectedKept);
        });
        assertThat(artifactNames(id))
                .contains("model.safetensors", "model.json", "result.json", "history.csv", "accuracy.svg");
    }

    @Test
    void aRepeatedMultiPrizeJobReportsEverySeedAndItsBinaryActivationCounterpart() {
        String id = submit(
                """
                {"type": "slt", "name": "fmnist-mpslt-repeats",
                 "model": {"architecture": "convnet-s", "timesteps": 2},
                 "dataset": {"name": "fashion-mnist", "trainLimit": 128, "testLimit": 64},
                 "search": {"method": "biprop", "pruneRatio": 0.5, "compareAnn": true},
                 "training": {"epochs": 1, "batchSize": 32, "repeats": 2}}""");
        JsonNode job = awaitSuccess(id);

        assertThat(job.at("/spec/search/weightInit").asString()).isEqualTo("kaiming-normal-scaled");
        assertThat(job.at("/result/ticket").asString()).isEqualTo("MPSLT");
        assertThat(job.at("/result/annTicket").asString()).isEqualTo("MPLT");
        JsonNode repeats = job.at("/result/repeats");
        assertThat(repeats.size()).isEqualTo(2);
        assertThat(repeats.get(0).get("seed").asLong()).isEqualTo(42);
        assertThat(repeats.get(1).get("seed").asLong()).isEqualTo(43);
        assertThat(repeats.get(1).get("annAccuracy").asDouble()).isBetween(0.0, 1.0);
        JsonNode spread = job.at("/result/spread/0");
        assertThat(spread.get("runs").asInt()).isEqualTo(2);
        double mean = (repeats.get(0).get("accuracy").asDouble()
                        + repeats.get(1).get("accuracy").asDouble())
                / 2;
        assertThat(spread.get("accuracyMean").asDouble()).isCloseTo(mean, within(1e-9));
        assertThat(artifactNames(id)).contains("accuracy-vs-ratio.svg");
    }

    /** For each BOOL tensor: {kept (non-zero) count, element count}. */
    private static Map<String, long[]> boolTensors(Safetensors mask) {
        Map<String, long[]> tensors = new HashMap<>();
        for (String name : mask.header().propertyNames()) {
            JsonNode tensor = mask.header().get(name);
            if (name.equals("__metadata__") || !tensor.get("dtype").asString().equals("BOOL")) {
                continue;
            }
            byte[] data = mask.data(name);
            long kept = 0;
            for (byte value : data) {
                kept += value != 0 ? 1 : 0;
            }
            tensors.put(name, new long[] {kept, data.length});
        }
        return tensors;
    }
}
