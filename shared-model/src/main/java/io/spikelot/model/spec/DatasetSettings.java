package io.spikelot.model.spec;

import java.util.Objects;

/**
 * The {@code dataset} object of a job spec.
 *
 * @param name dataset name ({@code mnist}, {@code fashion-mnist}, {@code cifar10}, {@code synthetic-static}, ...)
 * @param trainLimit at most this many training samples, or null for all
 * @param testLimit at most this many test samples, or null for all
 * @param path a relative folder under the datasets root ({@code "."} by default)
 * @param frameSplit event datasets: how a stream is divided into T frames
 * @param resize event datasets: square frame size, or null to keep the sensor size
 * @param seed seed of generated (synthetic) datasets
 */
public record DatasetSettings(
        String name,
        Integer trainLimit,
        Integer testLimit,
        String path,
        FrameSplit frameSplit,
        Integer resize,
        long seed) {

    public DatasetSettings {
        Objects.requireNonNull(frameSplit, "dataset.frameSplit is required");
    }

    /** The API's defaults: every sample, the datasets root, split by number, sensor size, seed 7; no name. */
    public static DatasetSettings defaults() {
        return new DatasetSettings(null, null, null, ".", FrameSplit.NUMBER, null, 7);
    }

    public DatasetSettings withName(String name) {
        return new DatasetSettings(name, trainLimit, testLimit, path, frameSplit, resize, seed);
    }

    /** At most {@code trainLimit} training and {@code testLimit} test samples (null for all). */
    public DatasetSettings withLimits(Integer trainLimit, Integer testLimit) {
        return new DatasetSettings(name, trainLimit, testLimit, path, frameSplit, resize, seed);
    }
}
