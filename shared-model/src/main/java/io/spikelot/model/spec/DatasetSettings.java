package io.spikelot.model.spec;

/**
 * The {@code dataset} object of a job spec.
 *
 * @param name dataset name ({@code mnist}, {@code fashion-mnist}, {@code cifar10}, {@code synthetic-static}, ...)
 * @param trainLimit at most this many training samples, or null for all
 * @param testLimit at most this many test samples, or null for all
 * @param path a relative folder under the datasets root ({@code "."} by default)
 * @param frameSplit event datasets: {@code number} or {@code time}
 * @param resize event datasets: square frame size, or null to keep the sensor size
 * @param seed seed of generated (synthetic) datasets
 */
public record DatasetSettings(
        String name,
        Integer trainLimit,
        Integer testLimit,
        String path,
        String frameSplit,
        Integer resize,
        long seed) {}
