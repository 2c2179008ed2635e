package io.spikelot.pipeline.data;

import io.spikelot.model.arch.InputShape;

/** Static images already normalised, {@code [N, C, H, W]} in one float array. */
final class StaticSamples implements SampleSet {

    private final InputShape shape;
    private final int classes;
    private final float[] pixels;
    private final int[] labels;

    StaticSamples(InputShape shape, int classes, float[] pixels, int[] labels) {
        this.shape = shape;
        this.classes = classes;
        this.pixels = pixels;
        this.labels = labels;
    }

    /** Scales raw bytes to [0, 1] and normalises each channel with the dataset's mean and standard deviation. */
    static StaticSamples fromBytes(InputShape shape, int classes, byte[] raw, int[] labels, float[] mean, float[] std) {
        int plane = shape.height() * shape.width();
        float[] pixels = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            int channel = (i / plane) % shape.channels();
            pixels[i] = ((raw[i] & 0xff) / 255f - mean[channel]) / std[channel];
        }
        return new StaticSamples(shape, classes, pixels, labels);
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public InputShape frameShape() {
        return shape;
    }

    @Override
    public int frames() {
        return 0;
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public void copySample(int index, float[] out, int offset) {
        int length = sampleLength();
        System.arraycopy(pixels, index * length, out, offset, length);
    }
}
