package io.spikelot.pipeline.slt;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.model.result.SltResult;
import io.spikelot.pipeline.testing.RecordingContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline on real Fashion-MNIST files (256 / 128 samples, one epoch): it completes, nothing more. */
class SltFashionMnistTest {

    private static final Path ROOT = Path.of("/usr/share/datasets");

    @TempDir
    Path scratch;

    @Test
    void completesOnRealFiles() throws Exception {
        // a missing dataset fails the test: CI installs Debian's dataset-fashion-mnist
        assertThat(ROOT.resolve("fashion-mnist"))
                .as("Fashion-MNIST (apt-get install dataset-fashion-mnist)")
                .isDirectory();
        RecordingContext context = new RecordingContext(scratch);
        SltResult result = new SltPipeline(ROOT)
                .run(
                        SltSpecFixtures.aSltSpec()
                                .withDataset("fashion-mnist", 256, 128)
                                .withSearch(SltSpecFixtures.edgePopup(0.5))
                                .build(),
                        context);
        assertThat(result.accuracy()).isBetween(0.0, 1.0);
        assertThat(context.artifacts).containsKey("mask.safetensors");
        assertThat(context.text("history.csv").split("\n")).hasSize(2);
    }
}
