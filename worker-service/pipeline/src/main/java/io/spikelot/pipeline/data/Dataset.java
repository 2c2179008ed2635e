package io.spikelot.pipeline.data;

/**
 * A resolved dataset: a training and a test split of the same shape and classes.
 *
 * @param name the spec name
 */
public record Dataset(String name, SampleSet train, SampleSet test) {

    public boolean events() {
        return train.frames() > 0;
    }
}
