package io.spikelot.pipeline.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import io.spikelot.pipeline.data.SampleSet;
import io.spikelot.pipeline.model.InputStatistics;
import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.neuron.FiringRate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Evaluates a split in chunks of bounded size, each in its own NDManager scope. */
final class Evaluator {

    private Evaluator() {}

    static Evaluation evaluate(Trainer trainer, SpikingNetwork network, SampleSet split, int chunk) {
        return evaluate(
                trainer.getManager(), x -> trainer.evaluate(new NDList(x)).singletonOrThrow(), network, split, chunk);
    }

    /**
     * @param manager the parent of each chunk's scope
     * @param forward the network's logits for one chunk of inputs, in inference mode
     */
    static Evaluation evaluate(
            NDManager manager, UnaryOperator<NDArray> forward, SpikingNetwork network, SampleSet split, int chunk) {
        BatchAssembler assembler = new BatchAssembler(split);
        int[] order = java.util.stream.IntStream.range(0, split.size()).toArray();
        long correct = 0;
        Map<String, FiringRate> rates = new LinkedHashMap<>();
        network.inputProbe().start();
        for (int from = 0; from < split.size(); from += chunk) {
            int count = Math.min(chunk, split.size() - from);
            try (NDManager scope = manager.newSubManager()) {
                NDList batch = assembler.assemble(scope, order, from, count);
                NDArray logits = forward.apply(batch.get(0));
                correct += countCorrect(logits, batch.get(1));
            }
            network.lastFiringRates().forEach((name, rate) -> rates.merge(name, rate, FiringRate::plus));
        }
        Map<String, InputStatistics> inputs = network.inputProbe().stop();
        Map<String, Double> levels = new LinkedHashMap<>();
        rates.forEach((name, rate) -> levels.put(name, rate.meanLevel()));
        return new Evaluation(
                split.size(), split.size() == 0 ? 0 : correct / (double) split.size(), toRates(rates), levels, inputs);
    }

    static long countCorrect(NDArray logits, NDArray labels) {
        return logits.argMax(1)
                .toType(labels.getDataType(), false)
                .eq(labels)
                .sum()
                .getLong();
    }

    static Map<String, Double> toRates(Map<String, FiringRate> rates) {
        Map<String, Double> out = new LinkedHashMap<>();
        rates.forEach((name, rate) -> out.put(name, rate.rate()));
        return out;
    }
}
