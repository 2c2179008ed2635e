package io.spikelot.pipeline.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikelot.model.arch.InputShape;
import io.spikelot.pipeline.PipelineException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticDatasetsTest {

    /** Installed by Debian's dataset-fashion-mnist package; CI installs it, so its absence is a failure. */
    private static final Path DATASETS = Path.of("/usr/share/datasets");

    @TempDir
    Path root;

    @Test
    void readsFashionMnistFromTheDebianPackage() {
        assertThat(DATASETS.resolve("fashion-mnist/train-images-idx3-ubyte.gz"))
                .as("install the Debian package dataset-fashion-mnist")
                .exists();
        Dataset data = new DatasetResolver(DATASETS)
                .resolve(new DatasetSpec("fashion-mnist", 500, null), EventFrameOptions.of(1), 0);
        assertThat(data.train().size()).isEqualTo(500);
        assertThat(data.test().size()).isEqualTo(10_000);
        assertThat(data.train().frameShape()).isEqualTo(new InputShape(1, 28, 28));
        assertThat(data.events()).isFalse();
        // the first training image of Fashion-MNIST is an ankle boot (class 9), the first test image too
        assertThat(data.train().label(0)).isEqualTo(9);
        assertThat(data.test().label(0)).isEqualTo(9);
        float[] image = new float[784];
        data.train().copySample(0, image, 0);
        float background = (0f - 0.2860f) / 0.3530f;
        assertThat(image[0]).isEqualTo(background);
    }

    @Test
    void truncatedGzippedIdxNamesTheFileAndOffset() throws IOException {
        Path dir = Files.createDirectories(root.resolve("mnist"));
        writeGz(dir.resolve("train-images-idx3-ubyte.gz"), idxImagesHeader(100), new byte[784 * 3]);
        writeGz(dir.resolve("train-labels-idx1-ubyte.gz"), new byte[] {0, 0, 8, 1, 0, 0, 0, 100}, new byte[100]);
        assertThatThrownBy(() ->
                        new DatasetResolver(root).resolve(new DatasetSpec("mnist", 10, 10), EventFrameOptions.of(1), 0))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("train-images-idx3-ubyte.gz")
                .hasMessageContaining("at byte offset 16")
                .hasMessageContaining("truncated");
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> new DatasetResolver(root)
                        .resolve(new DatasetSpec("cifar10", 10, 10), EventFrameOptions.of(1), 0))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("data_batch_1.bin")
                .hasMessageContaining("does not exist");
    }

    @Test
    void cifarRecordsMustBeWhole() throws IOException {
        Path dir = Files.createDirectories(root.resolve("cifar100/cifar-100-binary"));
        Files.write(dir.resolve("train.bin"), new byte[2 * 3074 + 7]);
        assertThatThrownBy(() -> CifarFiles.cifar100(dir, true, 10))
                .hasMessageContaining("train.bin")
                .hasMessageContaining("at byte offset 6148")
                .hasMessageContaining("3074-byte records");
    }

    @Test
    void cifar100UsesTheFineLabel() throws IOException {
        Path dir = Files.createDirectories(root.resolve("cifar-100-binary"));
        byte[] records = new byte[2 * 3074];
        records[0] = 3;
        records[1] = 42;
        records[3074] = 1;
        records[3075] = 99;
        Files.write(dir.resolve("test.bin"), records);
        StaticSamples samples = CifarFiles.cifar100(dir, false, 10);
        assertThat(samples.size()).isEqualTo(2);
        assertThat(samples.label(0)).isEqualTo(42);
        assertThat(samples.label(1)).isEqualTo(99);
        assertThat(samples.frameShape()).isEqualTo(new InputShape(3, 32, 32));
    }

    @Test
    void unknownDatasetIsAnInvalidSpec() {
        assertThatThrownBy(() -> new DatasetResolver(root)
                        .resolve(new DatasetSpec("imagenet", null, null), EventFrameOptions.of(1), 0))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("'imagenet'");
    }

    @Test
    void syntheticSetsAreDeterministicBySeed() {
        DatasetResolver resolver = new DatasetResolver(root);
        Dataset a = resolver.resolve(new DatasetSpec("synthetic-static", 20, 5), EventFrameOptions.of(1), 5);
        Dataset b = resolver.resolve(new DatasetSpec("synthetic-static", 20, 5), EventFrameOptions.of(1), 5);
        Dataset c = resolver.resolve(new DatasetSpec("synthetic-static", 20, 5), EventFrameOptions.of(1), 6);
        float[] x = new float[784];
        float[] y = new float[784];
        float[] z = new float[784];
        a.train().copySample(7, x, 0);
        b.train().copySample(7, y, 0);
        c.train().copySample(7, z, 0);
        assertThat(y).containsExactly(x);
        assertThat(z).isNotEqualTo(x);
    }

    private static byte[] idxImagesHeader(int count) {
        return java.nio.ByteBuffer.allocate(16)
                .putInt(0x803)
                .putInt(count)
                .putInt(28)
                .putInt(28)
                .array();
    }

    private static void writeGz(Path file, byte[] header, byte[] body) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(header);
            out.write(body);
        }
    }
}
