package io.spikelot.pipeline.data;

import io.spikelot.pipeline.PipelineException;

/**
 * Which dataset to train on and how much of it.
 *
 * @param name {@code mnist}, {@code fashion-mnist}, {@code cifar10}, {@code cifar100}, {@code dvs128-gesture},
 *     {@code cifar10-dvs}, {@code events-npz}, {@code synthetic-static} or {@code synthetic-events}
 * @param trainLimit at most this many training samples (the first ones), or null for all
 * @param testLimit at most this many test samples, or null for all
 */
public record DatasetSpec(String name, Integer trainLimit, Integer testLimit) {

    public DatasetSpec {
        if (name == null || name.isBlank()) {
            throw PipelineException.invalidSpec("dataset.name is required");
        }
        if ((trainLimit != null && trainLimit < 1) || (testLimit != null && testLimit < 1)) {
            throw PipelineException.invalidSpec(
                    "dataset limits must be ≥ 1, got trainLimit=" + trainLimit + ", testLimit=" + testLimit);
        }
    }

    int trainCap() {
        return trainLimit == null ? Integer.MAX_VALUE : trainLimit;
    }

    int testCap() {
        return testLimit == null ? Integer.MAX_VALUE : testLimit;
    }
}
