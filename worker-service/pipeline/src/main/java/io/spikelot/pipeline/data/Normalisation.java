package io.spikelot.pipeline.data;

import io.spikelot.model.arch.InputShape;
import io.spikelot.model.graph.Preprocessing;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-channel mean and standard deviation each static dataset is normalised with, after scaling raw 8-bit
 * pixels to [0, 1]. The loaders normalise with these values and {@link #describe} states them, so {@code model.json}
 * says what the network was fed.
 */
public final class Normalisation {

    static final float[] MNIST_MEAN = {0.1307f};
    static final float[] MNIST_STD = {0.3081f};
    static final float[] FASHION_MNIST_MEAN = {0.2860f};
    static final float[] FASHION_MNIST_STD = {0.3530f};
    static final float[] CIFAR_MEAN = {0.4914f, 0.4822f, 0.4465f};
    static final float[] CIFAR_STD = {0.2470f, 0.2435f, 0.2616f};

    private static final String FORMULA = "x[c, h, w] = (pixel[c, h, w] * scale - mean[c]) / std[c], pixel in 0..255";

    private Normalisation() {}

    /**
     * How a sample of dataset {@code name} becomes the network's input.
     *
     * @param frame the per-frame shape {@code [C, H, W]}
     * @param events the event framing (T, split rule, size); used for event datasets only
     */
    public static Preprocessing describe(String name, InputShape frame, EventFrameOptions events) {
        List<Integer> shape = List.of(frame.channels(), frame.height(), frame.width());
        return switch (name) {
            case "mnist" -> normalised(shape, MNIST_MEAN, MNIST_STD);
            case "fashion-mnist" -> normalised(shape, FASHION_MNIST_MEAN, FASHION_MNIST_STD);
            case "cifar10", "cifar100" -> normalised(shape, CIFAR_MEAN, CIFAR_STD);
            case "synthetic-static" ->
                new Preprocessing(
                        "synthetic",
                        shape,
                        null,
                        null,
                        null,
                        "seeded samples (class prototype + Gaussian noise) that are the input as generated",
                        null);
            default ->
                new Preprocessing(
                        "events",
                        shape,
                        null,
                        null,
                        null,
                        "frame[t, p, y', x'] = number of events of polarity p at (x', y') in segment t",
                        new Preprocessing.EventFraming(
                                events.frames(),
                                events.splitBy().wireName(),
                                frame.height(),
                                2,
                                "per-polarity event counts, not binarised, not normalised"));
        };
    }

    private static Preprocessing normalised(List<Integer> shape, float[] mean, float[] std) {
        return new Preprocessing("static", shape, 1.0 / 255, doubles(mean), doubles(std), FORMULA, null);
    }

    /** The float values as the decimals they were written as (0.2860f is stated as 0.286, not 0.28600001). */
    private static List<Double> doubles(float[] values) {
        List<Double> list = new ArrayList<>();
        for (float v : values) {
            list.add(Double.parseDouble(Float.toString(v)));
        }
        return list;
    }
}
