package io.spikelot.pipeline.data;

import io.spikelot.model.arch.InputShape;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CIFAR "binary version": records of label byte(s) then 3×32×32 pixels (R, G, B planes). CIFAR-10 has one label
 * byte ({@code cifar-10-batches-bin/data_batch_1..5.bin}, {@code test_batch.bin}); CIFAR-100 has a coarse and a
 * fine label byte ({@code cifar-100-binary/train.bin}, {@code test.bin}) and uses the fine one.
 */
final class CifarFiles {

    private static final int PIXELS = 3 * 32 * 32;
    private static final float[] MEAN = Normalisation.CIFAR_MEAN;
    private static final float[] STD = Normalisation.CIFAR_STD;

    private CifarFiles() {}

    static StaticSamples cifar10(Path dir, boolean train, int limit) {
        List<Path> files = new ArrayList<>();
        if (train) {
            for (int i = 1; i <= 5; i++) {
                files.add(dir.resolve("data_batch_" + i + ".bin"));
            }
        } else {
            files.add(dir.resolve("test_batch.bin"));
        }
        return load(files, 1, 10, limit);
    }

    static StaticSamples cifar100(Path dir, boolean train, int limit) {
        return load(List.of(dir.resolve(train ? "train.bin" : "test.bin")), 2, 100, limit);
    }

    private static StaticSamples load(List<Path> files, int labelBytes, int classes, int limit) {
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        List<Integer> labels = new ArrayList<>();
        int record = labelBytes + PIXELS;
        for (Path path : files) {
            BinaryFile file = BinaryFile.read(path);
            if (file.length() == 0 || file.length() % record != 0) {
                throw file.corruptAt(
                        file.length() - file.length() % record,
                        "length " + file.length() + " is not a whole number of " + record + "-byte records");
            }
            while (file.remaining() > 0 && labels.size() < limit) {
                int label = file.readBytes(labelBytes, "a label")[labelBytes - 1] & 0xff;
                if (label >= classes) {
                    throw file.corruptAt(file.position() - 1, "label " + label + " is not below " + classes);
                }
                labels.add(label);
                pixels.writeBytes(file.readBytes(PIXELS, "an image"));
            }
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        return StaticSamples.fromBytes(new InputShape(3, 32, 32), classes, pixels.toByteArray(), y, MEAN, STD);
    }
}
