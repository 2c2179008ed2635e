package io.spikelot.pipeline.data;

import io.spikelot.model.arch.InputShape;
import io.spikelot.pipeline.PipelineException;
import java.nio.file.Files;
import java.nio.file.Path;

/** MNIST-style IDX files ({@code train-images-idx3-ubyte[.gz]}, {@code t10k-labels-idx1-ubyte[.gz]}, ...). */
final class IdxFiles {

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    private IdxFiles() {}

    /** Reads split {@code prefix} ("train" or "t10k") of the IDX set in {@code dir}, at most {@code limit} images. */
    static StaticSamples load(Path dir, String prefix, int limit, float mean, float std) {
        BinaryFile images = BinaryFile.read(locate(dir, prefix + "-images-idx3-ubyte"));
        BinaryFile labels = BinaryFile.read(locate(dir, prefix + "-labels-idx1-ubyte"));
        expectMagic(images, IMAGES_MAGIC);
        int count = images.readInt();
        int rows = images.readInt();
        int cols = images.readInt();
        expectMagic(labels, LABELS_MAGIC);
        int labelCount = labels.readInt();
        if (labelCount != count) {
            throw labels.corruptAt(
                    4, "holds " + labelCount + " labels but " + images.path() + " holds " + count + " images");
        }
        int n = Math.min(count, limit);
        byte[] pixels = images.readBytes(Math.multiplyExact(n, rows * cols), n + " images of " + rows + "×" + cols);
        images.require((long) (count - n) * rows * cols, "the remaining " + (count - n) + " images");
        int[] y = new int[n];
        byte[] raw = labels.readBytes(count, count + " labels");
        for (int i = 0; i < n; i++) {
            y[i] = raw[i];
            if (y[i] < 0 || y[i] > 9) {
                throw labels.corruptAt(8 + i, "label " + y[i] + " is not a digit class 0..9");
            }
        }
        return StaticSamples.fromBytes(
                new InputShape(1, rows, cols), 10, pixels, y, new float[] {mean}, new float[] {std});
    }

    private static void expectMagic(BinaryFile file, int magic) {
        int found = file.readInt();
        if (found != magic) {
            throw file.corruptAt(0, String.format("magic 0x%08x is not the IDX magic 0x%08x", found, magic));
        }
    }

    /** The plain or gzipped file; the gzipped one when both exist. */
    private static Path locate(Path dir, String base) {
        Path gz = dir.resolve(base + ".gz");
        if (Files.exists(gz)) {
            return gz;
        }
        Path plain = dir.resolve(base);
        if (Files.exists(plain)) {
            return plain;
        }
        throw PipelineException.invalidSpec("Dataset file " + gz + " (or " + plain + ") does not exist");
    }
}
