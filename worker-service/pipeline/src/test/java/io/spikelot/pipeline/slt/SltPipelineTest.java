package io.spikelot.pipeline.slt;

import static io.spikelot.pipeline.slt.SltSpecFixtures.aSltSpec;
import static io.spikelot.pipeline.slt.SltSpecFixtures.biprop;
import static io.spikelot.pipeline.slt.SltSpecFixtures.edgePopup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.spikelot.model.job.JobType;
import io.spikelot.model.messaging.JobError;
import io.spikelot.model.result.SltResult;
import io.spikelot.model.spec.NeuronKind;
import io.spikelot.model.spec.PruneScope;
import io.spikelot.model.spec.SearchMethod;
import io.spikelot.model.spec.SearchSettings;
import io.spikelot.model.spec.SltSpec;
import io.spikelot.model.spec.TrainingSettings;
import io.spikelot.model.spec.WeightInitKind;
import io.spikelot.pipeline.JobCancelledException;
import io.spikelot.pipeline.PipelineException;
import io.spikelot.pipeline.testing.RecordingContext;
import io.spikelot.pipeline.testing.SafetensorsFiles;
import io.spikelot.pipeline.ticket.PruneRatio;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** convnet-s on 32 synthetic samples, one epoch, batch 8, T = 2. */
class SltPipelineTest {

    @TempDir
    Path scratch;

    private final SltPipeline pipeline = new SltPipeline(Path.of("unused"));

    @ParameterizedTest
    @EnumSource(SearchMethod.class)
    void writesExactMasksWeightsAndReports(SearchMethod method) throws Exception {
        RecordingContext context = new RecordingContext(scratch);
        SltResult result = pipeline.run(
                aSltSpec()
                        .withSearch(SearchSettings.defaults().withMethod(method, 0.5))
                        .build(),
                context);

        assertThat(context.artifacts)
                .containsKeys(
                        "mask.safetensors",
                        "model.safetensors",
                        "model.json",
                        "result.json",
                        "history.csv",
                        "accuracy.svg")
                .doesNotContainKey("accuracy-vs-ratio.svg");
        JsonObject masks = SafetensorsFiles.header(context.artifacts.get("mask.safetensors"));
        assertThat(masks.getAsJsonObject("__metadata__").get("method").getAsString())
                .isEqualTo(method.wireName());
        assertThat(masks.getAsJsonObject("__metadata__").get("architecture").getAsString())
                .isEqualTo("convnet-s");
        List<String> names =
                masks.keySet().stream().filter(n -> !n.startsWith("__")).toList();
        assertThat(names).containsExactlyInAnyOrder("conv1.weight", "conv2.weight", "head.weight");
        for (String name : names) {
            JsonObject entry = masks.getAsJsonObject(name);
            assertThat(entry.get("dtype").getAsString()).isEqualTo("BOOL");
            byte[] data = SafetensorsFiles.tensorData(context.artifacts.get("mask.safetensors"), entry);
            long kept = 0;
            for (byte b : data) {
                kept += b;
            }
            assertThat(kept).as(name).isEqualTo(new PruneRatio(0.5).keptCount(data.length));
        }
        JsonObject model = SafetensorsFiles.header(context.artifacts.get("model.safetensors"));
        assertThat(model.keySet()).contains("conv1.weight", "head.weight").noneMatch(n -> n.endsWith(".scores"));
        assertThat(model.getAsJsonObject("conv1.weight").get("dtype").getAsString())
                .isEqualTo("F32");
        JsonObject description =
                JsonParser.parseString(context.text("model.json")).getAsJsonObject();
        assertThat(description.get("architecture").getAsString()).isEqualTo("convnet-s");
        assertThat(description.getAsJsonArray("parameters").size())
                .isEqualTo(model.keySet().size() - 1);

        assertThat(result.method()).isEqualTo(method);
        assertThat(result.sweep()).isNull();
        assertThat(result.annAccuracy()).isNull();
        assertThat(result.accuracy()).isBetween(0.0, 1.0);
        assertThat(result.keptFraction()).isBetween(0.49, 0.51);
        assertThat(result.keptFractionByLayer()).containsOnlyKeys("conv1.weight", "conv2.weight", "head.weight");
        assertThat(result.engine()).startsWith("PyTorch ");
        assertThat(result.energy().annMj()).isPositive();
        assertThat(result.energy().snnMj()).isPositive();
        assertThat(result.energy().basis()).isNotNull();
        // the per-layer table, measured at each layer's input, sums to the headline; no patches, no patch figures
        assertThat(result.energy().layers().stream()
                                .mapToDouble(io.spikelot.model.cost.LayerCost::snnEnergyPj)
                                .sum()
                        / 1e9)
                .isCloseTo(result.energy().snnMj(), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(result.energy().snnMjPatchScaled()).isNull();
        assertThat(result.firingRateByLayer()).isNotEmpty().allSatisfy((layer, rate) -> assertThat(rate)
                .isBetween(0.0, 1.0));
        JsonObject resultJson =
                JsonParser.parseString(context.text("result.json")).getAsJsonObject();
        assertThat(resultJson.get("accuracy").getAsDouble()).isEqualTo(result.accuracy());
        assertThat(resultJson.has("sweep")).isFalse();

        String[] history = context.text("history.csv").split("\n");
        assertThat(history[0]).startsWith("pruneRatio,network,epoch,loss,trainAccuracy,testAccuracy,meanFiringRate");
        assertThat(history).hasSize(2);
        assertThat(context.text("accuracy.svg")).startsWith("<svg");
        assertThat(context.progress).isNotEmpty();
        assertThat(context.progress.get(context.progress.size() - 1).fraction()).isEqualTo(1.0);
    }

    @Test
    void aSweepWithAnnComparisonReportsEveryRatio() throws Exception {
        RecordingContext context = new RecordingContext(scratch);
        SltResult result = pipeline.run(
                aSltSpec()
                        .withSearch(biprop(0.5).withSweep(List.of(0.3, 0.7)).withCompareAnn(true))
                        .build(),
                context);

        assertThat(result.sweep()).hasSize(2);
        assertThat(result.sweep().get(1).pruneRatio()).isEqualTo(0.7);
        assertThat(result.sweep().get(1).annAccuracy()).isNotNull();
        assertThat(result.pruneRatio()).isEqualTo(0.3);
        assertThat(result.snnMinusAnn()).isEqualTo(result.accuracy() - result.annAccuracy());
        assertThat(context.artifacts)
                .containsKeys(
                        "mask.safetensors",
                        "mask-p0.30.safetensors",
                        "mask-p0.70.safetensors",
                        "accuracy-vs-ratio.svg");
        assertThat(context.artifacts.get("mask.safetensors"))
                .isEqualTo(context.artifacts.get("mask-p0.30.safetensors"));
        assertThat(context.text("history.csv").split("\n")).hasSize(5);
        assertThat(context.text("accuracy-vs-ratio.svg")).startsWith("<svg");
    }

    @Test
    void multiSpSearchesThePatchEmbeddingAndKeepsTheStrongestPatches() throws Exception {
        RecordingContext context = new RecordingContext(scratch);
        SltSpec spec = aSltSpec()
                .withArchitecture("spikformer-tiny")
                .withDataset("synthetic-static", 16, 8)
                .withSearch(biprop(0.4).withPatchPruneRatio(0.3))
                .build();
        SltResult result = pipeline.run(spec, context);

        // 28 px, patch 4: N = 7·7 = 49 tokens, K = ⌈0.7·49⌉ = 35
        assertThat(result.patches()).isEqualTo(49);
        assertThat(result.patchesKept()).isEqualTo(35);
        assertThat(result.energy().snnMjPatchScaled())
                .isLessThan(result.energy().snnMj());
        JsonObject masks = SafetensorsFiles.header(context.artifacts.get("mask.safetensors"));
        List<String> masked =
                masks.keySet().stream().filter(n -> !n.startsWith("__")).toList();
        assertThat(masked).isNotEmpty().allMatch(n -> n.startsWith("patch_embed."));
        JsonObject model = SafetensorsFiles.header(context.artifacts.get("model.safetensors"));
        assertThat(model.keySet()).anyMatch(n -> n.startsWith("block1.attn.q_linear"));
    }

    @ParameterizedTest
    @EnumSource(SearchMethod.class)
    void fineTuningTrainsTheKeptWeightsAndKeepsTheMask(SearchMethod method) throws Exception {
        RecordingContext context = new RecordingContext(scratch);
        SltResult result = pipeline.run(
                aSltSpec()
                        .withSearch(SearchSettings.defaults()
                                .withMethod(method, 0.5)
                                .withFineTuneEpochs(1))
                        .build(),
                context);

        assertThat(result.fineTuneEpochs()).isEqualTo(1);
        assertThat(result.accuracyBeforeFineTune()).isBetween(0.0, 1.0);
        assertThat(context.text("history.csv").split("\n")).hasSize(3);
        byte[] masks = context.artifacts.get("mask.safetensors");
        byte[] model = context.artifacts.get("model.safetensors");
        JsonObject maskHeader = SafetensorsFiles.header(masks);
        JsonObject modelHeader = SafetensorsFiles.header(model);
        for (String name : List.of("conv1.weight", "conv2.weight", "head.weight")) {
            byte[] keep = SafetensorsFiles.tensorData(masks, maskHeader.getAsJsonObject(name));
            long kept = 0;
            for (byte b : keep) {
                kept += b;
            }
            assertThat(kept).as(name).isEqualTo(new PruneRatio(0.5).keptCount(keep.length));
            ByteBuffer weights = ByteBuffer.wrap(SafetensorsFiles.tensorData(model, modelHeader.getAsJsonObject(name)))
                    .order(ByteOrder.LITTLE_ENDIAN);
            java.util.Set<Float> keptValues = new java.util.HashSet<>();
            for (int i = 0; i < keep.length; i++) {
                float w = weights.getFloat();
                if (keep[i] == 0) {
                    assertThat(w).as(name + " pruned entry " + i).isZero();
                } else {
                    keptValues.add(Math.abs(w));
                }
            }
            // biprop's ±α would give one magnitude per layer: fine-tuned weights are real-valued again
            assertThat(keptValues.size()).as(name).isGreaterThan(2);
        }
    }

    @Test
    void globalScopeKeepsAnExactTotalRankedOverAllLayers() throws Exception {
        RecordingContext context = new RecordingContext(scratch);
        SltResult result = pipeline.run(
                aSltSpec()
                        .withSearch(edgePopup(0.7)
                                .withScope(PruneScope.GLOBAL)
                                .withWeightInit(WeightInitKind.KAIMING_NORMAL))
                        .build(),
                context);

        byte[] masks = context.artifacts.get("mask.safetensors");
        JsonObject header = SafetensorsFiles.header(masks);
        long kept = 0;
        long total = 0;
        for (String name : List.of("conv1.weight", "conv2.weight", "head.weight")) {
            for (byte b : SafetensorsFiles.tensorData(masks, header.getAsJsonObject(name))) {
                kept += b;
                total++;
            }
        }
        assertThat(kept).isEqualTo(new PruneRatio(0.7).keptCount(total));
        assertThat(result.keptFractionByLayer().values().stream().distinct().count())
                .isGreaterThan(1);
    }

    @Test
    void bipropWithBinaryActivationsIsAMultiPrizeTicket() throws Exception {
        RecordingContext context = new RecordingContext(scratch);
        SltResult result = pipeline.run(
                aSltSpec().withNeuron(NeuronKind.SIGN).withSearch(biprop(0.5)).build(), context);

        assertThat(result.ticket()).isEqualTo("MPLT");
        assertThat(result.neuron()).isEqualTo(NeuronKind.SIGN);
        assertThat(result.timesteps()).isEqualTo(1);
        assertThat(result.firingRateByLayer()).isEmpty();
        assertThat(result.notes()).isEmpty();
        JsonObject model = JsonParser.parseString(context.text("model.json")).getAsJsonObject();
        assertThat(model.getAsJsonObject("neuron").get("kind").getAsString()).isEqualTo("sign");
        assertThat(model.get("weightInit").getAsString()).isEqualTo("kaiming-normal-scaled");
    }

    @ParameterizedTest
    @CsvSource({"BIPROP, MPSLT, MPLT", "EDGE_POPUP, SLT, LT"})
    void aSpikingTicketIsComparedWithItsOwnAnnCounterpart(SearchMethod method, String ticket, String annTicket)
            throws Exception {
        SearchSettings search = method == SearchMethod.BIPROP ? biprop(0.5) : edgePopup(0.5);
        SltResult result =
                pipeline.run(aSltSpec().withSearch(search.withCompareAnn(true)).build(), new RecordingContext(scratch));

        assertThat(result.ticket()).isEqualTo(ticket);
        assertThat(result.annTicket()).isEqualTo(annTicket);
        assertThat(result.annAccuracy()).isBetween(0.0, 1.0);
    }

    @Test
    void bipropOnSignedConstantsSaysItIsEdgePopup() throws Exception {
        SltResult result = pipeline.run(
                aSltSpec()
                        .withSearch(biprop(0.5).withWeightInit(WeightInitKind.SIGNED_CONSTANT))
                        .build(),
                new RecordingContext(scratch));

        assertThat(result.notes()).singleElement().asString().contains("equals edge-popup");
    }

    @Test
    void repeatsRunEverySeedAndReportTheirSpread() throws Exception {
        RecordingContext context = new RecordingContext(scratch);
        SltResult result = pipeline.run(
                aSltSpec()
                        .withSearch(edgePopup(0.5).withSweep(List.of(0.3, 0.5)))
                        .withTraining(TrainingSettings.defaults(JobType.SLT)
                                .withEpochs(1)
                                .withBatchSize(8)
                                .withRepeats(2))
                        .build(),
                context);

        assertThat(result.repeats())
                .extracting(SltResult.RepeatRow::seed, SltResult.RepeatRow::pruneRatio)
                .containsExactly(tuple(42L, 0.3), tuple(42L, 0.5), tuple(43L, 0.3), tuple(43L, 0.5));
        // the headline is the first seed's run
        assertThat(result.repeats().get(0).accuracy()).isEqualTo(result.accuracy());
        assertThat(result.spread()).extracting(SltResult.Spread::pruneRatio).containsExactly(0.3, 0.5);
        SltResult.Spread half = result.spread().get(1);
        double a = result.repeats().get(1).accuracy();
        double b = result.repeats().get(3).accuracy();
        assertThat(half.runs()).isEqualTo(2);
        assertThat(half.accuracyMean()).isCloseTo((a + b) / 2, within(1e-12));
        assertThat(half.accuracyStd()).isCloseTo(Math.abs(a - b) / Math.sqrt(2), within(1e-12));
        assertThat(context.text("accuracy-vs-ratio.svg")).contains("SNN seed 42", "SNN seed 43", "SNN mean");
        assertThat(context.progress.get(context.progress.size() - 1).message()).contains("seed 43");
    }

    @Test
    void aCancelledJobStopsWithoutArtifacts() {
        RecordingContext context = new RecordingContext(scratch);
        context.cancelled = true;
        assertThatThrownBy(
                        () -> pipeline.run(aSltSpec().withSearch(edgePopup(0.5)).build(), context))
                .isInstanceOf(JobCancelledException.class);
        assertThat(context.artifacts).isEmpty();
    }

    @Test
    void unsupportedSpecsAreRefusedByName() {
        assertInvalid(
                aSltSpec().withSearch(biprop(0.5).withPatchPruneRatio(0.25)).build(), "patchPruneRatio");
        assertInvalid(aSltSpec().withDataset("mnist", 8, 8).build(), "");
    }

    private void assertInvalid(SltSpec spec, String mentioned) {
        RecordingContext context = new RecordingContext(scratch);
        assertThatThrownBy(() -> pipeline.run(spec, context)).isInstanceOfSatisfying(PipelineException.class, e -> {
            assertThat(e.code()).isEqualTo(JobError.INVALID_SPEC);
            assertThat(e.getMessage()).contains(mentioned);
        });
        assertThat(context.artifacts).isEmpty();
    }
}
