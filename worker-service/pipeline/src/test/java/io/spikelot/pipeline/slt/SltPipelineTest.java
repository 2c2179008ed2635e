package io.spikelot.pipeline.slt;

import static io.spikelot.pipeline.slt.SltSpecFixtures.convnet;
import static io.spikelot.pipeline.slt.SltSpecFixtures.search;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.spikelot.model.messaging.JobError;
import io.spikelot.model.spec.SltSpec;
import io.spikelot.pipeline.JobCancelledException;
import io.spikelot.pipeline.PipelineException;
import io.spikelot.pipeline.testing.RecordingContext;
import io.spikelot.pipeline.testing.SafetensorsFiles;
import io.spikelot.pipeline.ticket.PruneRatio;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** convnet-s on 32 synthetic samples, one epoch, batch 8, T = 2. */
class SltPipelineTest {

    @TempDir
    Path scratch;

    private final SltPipeline pipeline = new SltPipeline(Path.of("unused"));

    @ParameterizedTest
    @ValueSource(strings = {"edge-popup", "biprop"})
    void writesExactMasksWeightsAndReports(String method) throws Exception {
        RecordingContext context = new RecordingContext(scratch);
        Map<String, Object> result = pipeline.run(convnet(search(method, 0.5, null, false)), context);

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
                .isEqualTo(method);
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

        assertThat(result)
                .containsKeys(
                        "accuracy",
                        "loss",
                        "pruneRatio",
                        "keptFraction",
                        "keptFractionByLayer",
                        "firingRateByLayer",
                        "energy",
                        "wallSeconds",
                        "device",
                        "engine")
                .doesNotContainKeys("sweep", "annAccuracy");
        assertThat((double) result.get("accuracy")).isBetween(0.0, 1.0);
        assertThat((double) result.get("keptFraction")).isBetween(0.49, 0.51);
        assertThat(result.get("engine").toString()).startsWith("PyTorch ");
        Map<?, ?> energy = (Map<?, ?>) result.get("energy");
        assertThat((double) energy.get("annMj")).isPositive();
        assertThat((double) energy.get("snnMj")).isPositive();
        assertThat(energy.containsKey("basis")).isTrue();
        ((Map<?, ?>) result.get("firingRateByLayer")).values().forEach(rate -> assertThat((double) rate)
                .isBetween(0.0, 1.0));
        JsonObject resultJson =
                JsonParser.parseString(context.text("result.json")).getAsJsonObject();
        assertThat(resultJson.get("accuracy").getAsDouble()).isEqualTo((double) result.get("accuracy"));

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
        Map<String, Object> result = pipeline.run(convnet(search("biprop", 0.5, List.of(0.3, 0.7), true)), context);

        List<?> sweep = (List<?>) result.get("sweep");
        assertThat(sweep).hasSize(2);
        assertThat(((Map<?, ?>) sweep.get(1)).get("pruneRatio")).isEqualTo(0.7);
        assertThat(result.get("pruneRatio")).isEqualTo(0.3);
        assertThat(result).containsKeys("annAccuracy", "snnMinusAnn");
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
    void aCancelledJobStopsWithoutArtifacts() {
        RecordingContext context = new RecordingContext(scratch);
        context.cancelled = true;
        assertThatThrownBy(() -> pipeline.run(convnet(search("edge-popup", 0.5, null, false)), context))
                .isInstanceOf(JobCancelledException.class);
        assertThat(context.artifacts).isEmpty();
    }

    @Test
    void unsupportedSpecsAreRefusedByName() {
        assertInvalid(
                SltSpecFixtures.spec("spikformer-4-384", "cifar10", 8, 8, search("biprop", 0.5, null, false)),
                "spikformer-4-384");
        assertInvalid(
                convnet(new io.spikelot.model.spec.SearchSettings(
                        "biprop", 0.5, "global", "signed-constant", 0.0, null, false, 0)),
                "global");
        assertInvalid(
                convnet(new io.spikelot.model.spec.SearchSettings(
                        "biprop", 0.5, "layer", "signed-constant", 0.0, null, false, 2)),
                "fineTuneEpochs");
        assertInvalid(
                convnet(new io.spikelot.model.spec.SearchSettings(
                        "biprop", 0.5, "layer", "signed-constant", 0.25, null, false, 0)),
                "patchPruneRatio");
        assertInvalid(SltSpecFixtures.spec("convnet-s", "mnist", 8, 8, search("biprop", 0.5, null, false)), "");
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
