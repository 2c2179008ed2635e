package io.spikelot.model.arch;

/**
 * The per-sample shape of a dataset's input frames, {@code [C, H, W]}: 1×28×28 for Fashion-MNIST, 3×32×32 for
 * CIFAR, 2×128×128 for event frames (polarity channels). Time and batch axes are not part of it.
 *
 * @param channels C, at least 1
 * @param height H in pixels, at least 1
 * @param width W in pixels, at least 1
 */
public record InputShape(int channels, int height, int width) {

    public InputShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException(
                    "Input dimensions must be positive, got " + channels + "×" + height + "×" + width);
        }
    }

    /** The same shape as a {@link FeatureShape} {@code [C, H, W]}. */
    public FeatureShape asFeatureShape() {
        return FeatureShape.of(channels, height, width);
    }

    @Override
    public String toString() {
        return channels + "×" + height + "×" + width;
    }
}
