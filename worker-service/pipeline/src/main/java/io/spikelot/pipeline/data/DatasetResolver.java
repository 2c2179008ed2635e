package io.spikelot.pipeline.data;

import io.spikelot.pipeline.PipelineException;
import java.nio.file.Path;

/**
 * Resolves a {@link DatasetSpec} under a datasets root: {@code <root>/<name>/...} (Fashion-MNIST as Debian's
 * {@code dataset-fashion-mnist} installs it: {@code /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz}).
 * Everything is read and validated here, before any training starts.
 */
public final class DatasetResolver {

    private final Path root;

    public DatasetResolver(Path root) {
        this.root = root;
    }

    /**
     * Loads both splits.
     *
     * @param events frame options for event datasets (T, split rule, size); ignored for static ones
     * @param seed seed of the synthetic generators
     * @throws PipelineException with code INVALID_SPEC for an unknown name or a missing or corrupt file
     */
    public Dataset resolve(DatasetSpec spec, EventFrameOptions events, long seed) {
        Path dir = root.resolve(spec.name());
        return switch (spec.name()) {
            case "mnist" ->
                new Dataset(
                        spec.name(),
                        IdxFiles.load(
                                dir, "train", spec.trainCap(), Normalisation.MNIST_MEAN[0], Normalisation.MNIST_STD[0]),
                        IdxFiles.load(
                                dir, "t10k", spec.testCap(), Normalisation.MNIST_MEAN[0], Normalisation.MNIST_STD[0]));
            case "fashion-mnist" ->
                new Dataset(
                        spec.name(),
                        IdxFiles.load(
                                dir,
                                "train",
                                spec.trainCap(),
                                Normalisation.FASHION_MNIST_MEAN[0],
                                Normalisation.FASHION_MNIST_STD[0]),
                        IdxFiles.load(
                                dir,
                                "t10k",
                                spec.testCap(),
                                Normalisation.FASHION_MNIST_MEAN[0],
                                Normalisation.FASHION_MNIST_STD[0]));
            case "cifar10" ->
                new Dataset(
                        spec.name(),
                        CifarFiles.cifar10(dir.resolve("cifar-10-batches-bin"), true, spec.trainCap()),
                        CifarFiles.cifar10(dir.resolve("cifar-10-batches-bin"), false, spec.testCap()));
            case "cifar100" ->
                new Dataset(
                        spec.name(),
                        CifarFiles.cifar100(dir.resolve("cifar-100-binary"), true, spec.trainCap()),
                        CifarFiles.cifar100(dir.resolve("cifar-100-binary"), false, spec.testCap()));
            case "dvs128-gesture" ->
                new Dataset(
                        spec.name(),
                        EventDatasets.gesture(dir, true, spec.trainCap(), events),
                        EventDatasets.gesture(dir, false, spec.testCap(), events));
            case "cifar10-dvs" ->
                new Dataset(
                        spec.name(),
                        EventDatasets.cifar10Dvs(dir, true, spec.trainCap(), events),
                        EventDatasets.cifar10Dvs(dir, false, spec.testCap(), events));
            case "events-npz" ->
                new Dataset(
                        spec.name(),
                        EventDatasets.npz(dir, true, spec.trainCap(), events),
                        EventDatasets.npz(dir, false, spec.testCap(), events));
            case "synthetic-static" ->
                new Dataset(
                        spec.name(),
                        SyntheticData.staticSamples(seed, true, spec.trainCap()),
                        SyntheticData.staticSamples(seed, false, spec.testCap()));
            case "synthetic-events" -> {
                int sensor = SyntheticData.sensorSize();
                yield new Dataset(
                        spec.name(),
                        SyntheticData.eventSamples(seed, true, spec.trainCap(), events.forSensor(sensor, sensor)),
                        SyntheticData.eventSamples(seed, false, spec.testCap(), events.forSensor(sensor, sensor)));
            }
            default ->
                throw PipelineException.invalidSpec("Unknown dataset '" + spec.name() + "'; expected mnist, "
                        + "fashion-mnist, cifar10, cifar100, dvs128-gesture, cifar10-dvs, events-npz, synthetic-static "
                        + "or synthetic-events");
        };
    }
}
