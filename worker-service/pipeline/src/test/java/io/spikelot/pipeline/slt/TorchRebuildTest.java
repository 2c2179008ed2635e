package io.spikelot.pipeline.slt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import io.spikelot.model.result.QsnnResult;
import io.spikelot.model.result.SltResult;
import io.spikelot.model.spec.QuantizationSettings.Allocation;
import io.spikelot.pipeline.qsnn.QsnnPipeline;
import io.spikelot.pipeline.qsnn.QsnnSpecFixtures;
import io.spikelot.pipeline.testing.PythonScripts;
import io.spikelot.pipeline.testing.RecordingContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The single-file PyTorch loader rebuilds each kind of network from {@code model.json} and its tensors alone and
 * classifies the job's Fashion-MNIST test images as the pipeline did: the accuracy it measures is the job's, for an
 * edge-popup ticket (effective F32 weights), a MultiSp Spikformer ticket (attention, patch selection), and a QSNN
 * allocation with multi-level spikes and 2-bit weight codes. Fails, not skips, without torch: CI installs
 * python3-torch.
 */
class TorchRebuildTest {

    private static final Path ROOT = Path.of("/usr/share/datasets");
    private static final String PYTHON = System.getenv()
            .getOrDefault("SPIKELOT_TORCH_PYTHON", System.getenv().getOrDefault("SPIKELOT_PYTHON", "python3"));

    @TempDir
    Path scratch;

    @BeforeAll
    static void requireTorch() throws Exception {
        String missing = PythonScripts.missing(PYTHON, "torch");
        if (missing != null) {
            fail("This test needs " + PYTHON + " with torch (CI installs python3-torch; SPIKELOT_TORCH_PYTHON names"
                    + " another interpreter): " + missing);
        }
    }

    @Test
    void anEdgePopupTicketReproducesItsAccuracy() throws Exception {
        RecordingContext context = new RecordingContext(scratch);
        SltResult result = new SltPipeline(ROOT)
                .run(
                        SltSpecFixtures.aSltSpec()
                                .withDataset("fashion-mnist", 128, 96)
                                .withSearch(SltSpecFixtures.edgePopup(0.5))
                                .build(),
                        context);
        assertThat(torchAccuracy(context, "model.safetensors", 96)).isCloseTo(result.accuracy(), within(0.005));
    }

    @Test
    void aMultiSpSpikformerTicketReproducesItsAccuracy() throws Exception {
        RecordingContext context = new RecordingContext(scratch);
        SltResult result = new SltPipeline(ROOT)
                .run(
                        SltSpecFixtures.aSltSpec()
                                .withArchitecture("spikformer-tiny")
                                .withDataset("fashion-mnist", 8, 16)
                                .withSearch(SltSpecFixtures.biprop(0.4).withPatchPruneRatio(0.3))
                                .build(),
                        context);
        assertThat(torchAccuracy(context, "model.safetensors", 16)).isCloseTo(result.accuracy(), within(0.005));
    }

    @Test
    void aQuantizedAllocationWithMultiLevelSpikesReproducesItsAccuracy() throws Exception {
        RecordingContext context = new RecordingContext(scratch);
        QsnnResult result = new QsnnPipeline(ROOT)
                .run(
                        QsnnSpecFixtures.aQsnnSpec()
                                .withDataset("fashion-mnist", 128, 96)
                                .withAllocations(new Allocation(2, 2, 2))
                                .build(),
                        context);
        assertThat(torchAccuracy(context, "model.safetensors", 96)).isCloseTo(result.accuracy(), within(0.005));
    }

    /** Writes the job's files and the loader, runs the loader's evaluation on the first {@code limit} test images. */
    private double torchAccuracy(RecordingContext context, String tensors, int limit) throws Exception {
        Path dir = Files.createDirectories(scratch.resolve("download"));
        Files.write(dir.resolve("model.json"), context.artifacts.get("model.json"));
        Files.write(dir.resolve(tensors), context.artifacts.get(tensors));
        Path loader = dir.resolve("spikelot_torch.py");
        try (InputStream in = getClass().getResourceAsStream("/io/spikelot/clients/spikelot_torch.py")) {
            assertThat(in).as("the loader on the class path").isNotNull();
            Files.write(loader, in.readAllBytes());
        }
        Path data = ROOT.resolve("fashion-mnist");
        List<String> command = new ArrayList<>(List.of(
                PYTHON,
                loader.toString(),
                dir.resolve("model.json").toString(),
                dir.resolve(tensors).toString(),
                "--images",
                data.resolve("t10k-images-idx3-ubyte.gz").toString(),
                "--labels",
                data.resolve("t10k-labels-idx1-ubyte.gz").toString(),
                "--limit",
                Integer.toString(limit)));
        JsonNode report = PythonScripts.json(command, "the loader's evaluation");
        assertThat(report.get("evaluated").asInt()).isEqualTo(limit);
        return report.get("accuracy").asDouble();
    }
}
