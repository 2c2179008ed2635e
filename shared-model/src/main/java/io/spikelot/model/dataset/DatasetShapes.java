package io.spikelot.model.dataset;

import io.spikelot.model.arch.InputShape;
import java.util.Map;
import java.util.Optional;

/**
 * The frame shape and class count of the datasets whose files fix them, so a spec can be checked against an
 * architecture before any file is read. Generated and user-supplied datasets ({@code synthetic-*},
 * {@code events-npz}) take their shape from their own settings and are not listed.
 */
public final class DatasetShapes {

    /**
     * @param input one sample as the network sees it: [C, H, W] (events: two polarity channels per frame)
     * @param classes the number of labels
     */
    public record Shape(InputShape input, int classes) {

        /** The same dataset with event frames resized to {@code size × size}. */
        public Shape resized(int size) {
            return new Shape(new InputShape(input.channels(), size, size), classes);
        }
    }

    private static final Map<String, Shape> KNOWN = Map.of(
            "mnist", new Shape(new InputShape(1, 28, 28), 10),
            "fashion-mnist", new Shape(new InputShape(1, 28, 28), 10),
            "cifar10", new Shape(new InputShape(3, 32, 32), 10),
            "cifar100", new Shape(new InputShape(3, 32, 32), 100),
            "dvs128-gesture", new Shape(new InputShape(2, 128, 128), 11),
            "cifar10-dvs", new Shape(new InputShape(2, 128, 128), 10));

    private DatasetShapes() {}

    /** The shape of a dataset named in a spec, when its files fix it. */
    public static Optional<Shape> of(String datasetName) {
        return Optional.ofNullable(KNOWN.get(datasetName));
    }
}
