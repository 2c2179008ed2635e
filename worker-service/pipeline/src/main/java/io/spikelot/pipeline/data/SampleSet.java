package io.spikelot.pipeline.data;

import io.spikelot.model.arch.InputShape;

/**
 * Labelled samples of one split. A static sample is {@code [C, H, W]}; an event sample is {@code [T, 2, H, W]}
 * (T = {@link #frames()}), both flattened row-major.
 */
public interface SampleSet {

    int size();

    int classes();

    /** The per-frame shape {@code [C, H, W]}. */
    InputShape frameShape();

    /** T for event samples, 0 for static ones. */
    int frames();

    int label(int index);

    /** Writes sample {@code index} into {@code out} from {@code offset}; {@link #sampleLength()} floats. */
    void copySample(int index, float[] out, int offset);

    default int sampleLength() {
        InputShape s = frameShape();
        return Math.max(1, frames()) * s.channels() * s.height() * s.width();
    }
}
