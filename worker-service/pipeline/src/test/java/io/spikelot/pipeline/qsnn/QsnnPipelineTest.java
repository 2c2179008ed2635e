package io.spikelot.pipeline.qsnn;

import static io.spikelot.pipeline.qsnn.QsnnSpecFixtures.aQsnnSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.arch.InputShape;
import io.spikelot.model.cost.LayerCost;
import io.spikelot.model.cost.LayerInputKind;
import io.spikelot.model.cost.OperationCounter;
import io.spikelot.model.messaging.JobError;
import io.spikelot.model.result.QsnnResult;
import io.spikelot.model.spec.QuantizationSettings;
import io.spikelot.model.spec.QuantizationSettings.Allocation;
import io.spikelot.pipeline.JobCancelledException;
import io.spikelot.pipeline.PipelineException;
import io.spikelot.pipeline.testing.RecordingContext;
import io.spikelot.pipeline.testing.SafetensorsFiles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** convnet-s on 32 synthetic samples, one epoch, batch 8. */
class QsnnPipelineTest {

    @TempDir
    Path scratch;

    private final QsnnPipeline pipeline = new QsnnPipeline(Path.of("unused"));

    @Test
    void twoAllocationsGiveOneRowEachWithTheirCostsAndQuantizedModels() throws Exception {
        RecordingContext context = new RecordingContext(scratch);
        QsnnResult result = pipeline.run(
                aQsnnSpec()
                        .withAllocations(new Allocation(4, 2, 1), new Allocation(1, 1, 2))
                        .build(),
                context);

        List<QsnnResult.AllocationResult> rows = result.allocations();
        assertThat(rows).extracting(QsnnResult.AllocationResult::label).containsExactly("W4-S2-T1", "W1-S1-T2");
        long macs =
                OperationCounter.count(ArchitectureCatalog.resolve("convnet-s", new InputShape(1, 28, 28), 10)).stream()
                        .filter(c -> c.kind() == io.spikelot.model.cost.OperationKind.CONV
                                || c.kind() == io.spikelot.model.cost.OperationKind.LINEAR)
                        .mapToLong(io.spikelot.model.cost.OperationCount::macs)
                        .sum();
        for (QsnnResult.AllocationResult row : rows) {
            int w = row.weightBits();
            int s = row.spikeBits();
            int t = row.timesteps();
            assertThat(row.macs()).isEqualTo(macs);
            assertThat(row.sAce()).isEqualTo(macs * t * w * s);
            assertThat(row.nsAce()).isPositive().isLessThanOrEqualTo(row.sAce());
            assertThat(row.bitBudget()).isEqualTo((long) w * s * t);
            assertThat(row.params16BitEquivalentMillions()).isEqualTo(row.parameters() * w / 16.0 / 1e6);
            assertThat(row.firingRates()).isNotEmpty();
            assertThat(row.meanLevel()).isGreaterThanOrEqualTo(row.meanFiringRate());
            assertPerLayerTableSumsToTheHeadline(row);
        }
        assertThat(result.frontier()).isNotEmpty();
        assertThat(result.best()).isIn("W4-S2-T1", "W1-S1-T2");

        assertThat(context.artifacts)
                .containsKeys(
                        "model.safetensors",
                        "model-W4-S2-T1.safetensors",
                        "model-W1-S1-T2.safetensors",
                        "model.json",
                        "result.json",
                        "history.csv",
                        "accuracy-vs-sace.svg",
                        "table.md");
        assertAtMostTwoToTheWValues(context.artifacts.get("model-W4-S2-T1.safetensors"), 4);
        assertAtMostTwoToTheWValues(context.artifacts.get("model-W1-S1-T2.safetensors"), 1);
        assertThat(context.text("history.csv").lines()).hasSize(3);
        assertThat(context.text("table.md")).contains("| convnet-s | 4/2/1 | 8 |", "| convnet-s | 1/1/2 | 2 |");
        assertThat(context.text("accuracy-vs-sace.svg")).startsWith("<svg").contains("W4-S2-T1", "frontier");
        JsonObject description =
                JsonParser.parseString(context.text("model.json")).getAsJsonObject();
        assertThat(description.get("allocation").getAsString()).isEqualTo(result.best());
    }

    /** The per-layer table measured at each layer's input adds up to the row's S-ACE, NS-ACE and energy. */
    private static void assertPerLayerTableSumsToTheHeadline(QsnnResult.AllocationResult row) {
        List<LayerCost> layers = row.energy().layers();
        assertThat(layers).extracting(LayerCost::name).contains("conv1", "conv2", "head");
        assertThat(layers.stream().mapToLong(LayerCost::sAce).sum()).isEqualTo(row.sAce());
        assertThat(layers.stream().mapToDouble(LayerCost::nsAce).sum()).isCloseTo(row.nsAce(), within(1e-6));
        assertThat(layers.stream().mapToDouble(LayerCost::snnEnergyPj).sum() / 1e9)
                .isCloseTo(row.energy().snnMj(), within(1e-12));
        // conv1 reads the image once; conv2 reads lif1's spikes after the max-pool, measured there
        LayerCost conv1 = layers.stream()
                .filter(l -> l.name().equals("conv1"))
                .findFirst()
                .orElseThrow();
        LayerCost conv2 = layers.stream()
                .filter(l -> l.name().equals("conv2"))
                .findFirst()
                .orElseThrow();
        assertThat(conv1.inputKind()).isEqualTo(LayerInputKind.ANALOG);
        assertThat(conv2.inputKind()).isNotEqualTo(LayerInputKind.ANALOG);
        assertThat(conv2.inputFiringRate()).isLessThan(1.0);
        assertThat(conv2.inputFiringRate())
                .isEqualTo(row.energy().inputFiringRates().get("conv2"));
    }

    /** Every quantized weight holds integer codes with a scale, at most 2^W distinct values. */
    private static void assertAtMostTwoToTheWValues(byte[] file, int bits) {
        JsonObject header = SafetensorsFiles.header(file);
        assertThat(header.getAsJsonObject("__metadata__").get("weightBits").getAsString())
                .isEqualTo(Integer.toString(bits));
        for (String name : List.of("conv1.weight", "conv2.weight", "head.weight")) {
            JsonObject entry = header.getAsJsonObject(name);
            assertThat(entry.get("dtype").getAsString()).as(name).isEqualTo("I8");
            Set<Byte> values = new HashSet<>();
            for (byte b : SafetensorsFiles.tensorData(file, entry)) {
                values.add(b);
            }
            assertThat(values.size()).as(name).isLessThanOrEqualTo(1 << bits).isGreaterThan(1);
            byte[] scale = SafetensorsFiles.tensorData(file, header.getAsJsonObject(name + "_scale"));
            assertThat(ByteBuffer.wrap(scale).order(ByteOrder.LITTLE_ENDIAN).getFloat())
                    .isPositive();
        }
    }

    @Test
    void aBudgetTrainsEveryAllocationOfItsOptions() throws Exception {
        RecordingContext context = new RecordingContext(scratch);
        QsnnResult result = pipeline.run(
                aQsnnSpec()
                        .withQuantization(new QuantizationSettings(null, 4, List.of(1, 16), List.of(1, 4)))
                        .build(),
                context);

        assertThat(result.allocations())
                .extracting(QsnnResult.AllocationResult::label)
                .containsExactly("W1-S1-T4", "W1-S4-T1");
        assertThat(result.bitBudget()).isEqualTo(4);
    }

    @Test
    void fullPrecisionWeightsAreStoredAsFloatsWithoutScale() throws Exception {
        RecordingContext context = new RecordingContext(scratch);
        pipeline.run(aQsnnSpec().withAllocations(new Allocation(16, 1, 1)).build(), context);

        JsonObject header = SafetensorsFiles.header(context.artifacts.get("model.safetensors"));
        assertThat(header.getAsJsonObject("conv1.weight").get("dtype").getAsString())
                .isEqualTo("F32");
        assertThat(header.has("conv1.weight_scale")).isFalse();
        assertThat(context.artifacts).doesNotContainKey("model-W16-S1-T1.safetensors");
    }

    @Test
    void aCancelledJobStopsBeforeTraining() {
        RecordingContext context = new RecordingContext(scratch);
        context.cancelled = true;

        assertThatThrownBy(() -> pipeline.run(
                        aQsnnSpec().withAllocations(new Allocation(2, 2, 2)).build(), context))
                .isInstanceOf(JobCancelledException.class);
        assertThat(context.artifacts).isEmpty();
    }

    @Test
    void bothAllocationsAndBudgetAreAnInvalidSpec() {
        RecordingContext context = new RecordingContext(scratch);
        QuantizationSettings both = new QuantizationSettings(List.of(new Allocation(1, 1, 1)), 8, null, null);

        assertThatThrownBy(() -> pipeline.run(aQsnnSpec().withQuantization(both).build(), context))
                .isInstanceOf(PipelineException.class)
                .satisfies(e -> assertThat(((PipelineException) e).code()).isEqualTo(JobError.INVALID_SPEC));
    }
}
