package io.spikelot.pipeline.train;

import io.spikelot.model.arch.InputShape;
import io.spikelot.pipeline.data.SampleSet;
import java.util.Arrays;

/** A test double whose images are all NaN, so the first loss is NaN. */
final class NaNSamples implements SampleSet {

    private final int size;

    NaNSamples(int size) {
        this.size = size;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int classes() {
        return 10;
    }

    @Override
    public InputShape frameShape() {
        return new InputShape(1, 28, 28);
    }

    @Override
    public int frames() {
        return 0;
    }

    @Override
    public int label(int index) {
        return index % 10;
    }

    @Override
    public void copySample(int index, float[] out, int offset) {
        Arrays.fill(out, offset, offset + sampleLength(), Float.NaN);
    }
}
