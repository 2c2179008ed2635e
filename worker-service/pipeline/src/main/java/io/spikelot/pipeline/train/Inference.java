package io.spikelot.pipeline.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import io.spikelot.pipeline.data.SampleSet;
import io.spikelot.pipeline.model.SpikingNetwork;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Runs a network outside any training run, in inference mode (BatchNorm reads its running statistics): for probes
 * that compare one state at several settings, such as the Early-Time check of the same weights at several T.
 */
public final class Inference {

    private Inference() {}

    /**
     * Accuracy, firing rates and per-layer inputs on {@code split}, as a training run's evaluation reports them.
     *
     * @param network a network not yet initialized; its parameters live in a manager closed on return
     * @param load fills the freshly initialized parameters (e.g. from host tensors)
     * @param chunk samples per forward pass, bounding memory
     */
    public static Evaluation evaluate(
            SpikingNetwork network, SampleSet split, int chunk, Consumer<SpikingNetwork> load) {
        try (NDManager manager = NDManager.newBaseManager()) {
            network.initialize(
                    manager,
                    DataType.FLOAT32,
                    BatchAssembler.batchShape(split, Math.max(1, Math.min(chunk, split.size()))));
            load.accept(network);
            ParameterStore store = new ParameterStore(manager, false);
            return Evaluator.evaluate(
                    manager,
                    x -> network.forward(store, new NDList(x), false).singletonOrThrow(),
                    network,
                    split,
                    chunk);
        }
    }

    /**
     * The time-mean logits of the first {@code count} samples of {@code split}, {@code [count][classes]}.
     *
     * @param network a network not yet initialized; its parameters live in a manager closed on return
     * @param load fills the freshly initialized parameters (e.g. from host tensors)
     * @param chunk samples per forward pass, bounding memory
     */
    public static float[][] logits(
            SpikingNetwork network, SampleSet split, int count, int chunk, Consumer<SpikingNetwork> load) {
        int n = Math.min(count, split.size());
        int[] order = IntStream.range(0, n).toArray();
        BatchAssembler assembler = new BatchAssembler(split);
        float[][] out = new float[n][];
        try (NDManager manager = NDManager.newBaseManager()) {
            network.initialize(manager, DataType.FLOAT32, BatchAssembler.batchShape(split, Math.min(chunk, n)));
            load.accept(network);
            ParameterStore store = new ParameterStore(manager, false);
            for (int from = 0; from < n; from += chunk) {
                int size = Math.min(chunk, n - from);
                try (NDManager scope = manager.newSubManager()) {
                    NDArray x = assembler.assemble(scope, order, from, size).get(0);
                    NDArray logits =
                            network.forward(store, new NDList(x), false).singletonOrThrow();
                    float[] flat = logits.toType(DataType.FLOAT32, false).toFloatArray();
                    int classes = flat.length / size;
                    for (int b = 0; b < size; b++) {
                        out[from + b] = java.util.Arrays.copyOfRange(flat, b * classes, (b + 1) * classes);
                    }
                }
            }
        }
        return out;
    }
}
