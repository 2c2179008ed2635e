package io.spikelot.pipeline.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.spikelot.model.arch.InputShape;
import io.spikelot.pipeline.data.SampleSet;
import io.spikelot.pipeline.tensor.HostArrays;

/**
 * Copies samples into one batch: static {@code [B, C, H, W]}, events {@code [T, B, 2, H, W]} (time-major, as the
 * network merges it to {@code [T·B, ...]}); labels {@code [B]} as float class indices.
 */
final class BatchAssembler {

    private final SampleSet samples;
    private final float[] sample;

    BatchAssembler(SampleSet samples) {
        this.samples = samples;
        this.sample = new float[samples.sampleLength()];
    }

    /** The shape of a batch of {@code batch} samples. */
    static Shape batchShape(SampleSet samples, int batch) {
        InputShape s = samples.frameShape();
        Shape frame = new Shape(s.channels(), s.height(), s.width());
        return samples.frames() == 0
                ? new Shape(batch).addAll(frame)
                : new Shape(samples.frames(), batch).addAll(frame);
    }

    /** Features and labels of {@code indices[from, from + count)}, created in {@code manager}. */
    NDList assemble(NDManager manager, int[] indices, int from, int count) {
        int length = samples.sampleLength();
        int frames = Math.max(1, samples.frames());
        int frameLength = length / frames;
        float[] features = new float[count * length];
        float[] labels = new float[count];
        for (int b = 0; b < count; b++) {
            int index = indices[from + b];
            labels[b] = samples.label(index);
            samples.copySample(index, sample, 0);
            for (int t = 0; t < frames; t++) {
                System.arraycopy(sample, t * frameLength, features, (t * count + b) * frameLength, frameLength);
            }
        }
        NDArray x = HostArrays.floats(manager, features, batchShape(samples, count));
        return new NDList(x, HostArrays.floats(manager, labels));
    }
}
