package io.spikelot.pipeline.qsnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.spikelot.pipeline.PipelineContext;
import io.spikelot.pipeline.artifact.TensorBytes;
import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.quant.QuantizedLayer;
import io.spikelot.pipeline.quant.QuantizedLayers;
import io.spikelot.pipeline.quant.WeightQuantizer;
import io.spikelot.pipeline.tensor.Scopes;
import io.spikelot.pipeline.train.EpochReport;
import io.spikelot.pipeline.train.RunProgress;
import io.spikelot.pipeline.train.StepReport;
import io.spikelot.pipeline.train.TrainingListener;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forwards one allocation's steps and epochs to the job's progress, as a fraction of all the job's allocations, and
 * copies the quantized weights (codes and scales) and every other tensor to the heap after each epoch, while the
 * model is still open: the training loop closes it when it returns.
 */
final class Snapshot implements TrainingListener {

    private final SpikingNetwork network;
    private final Map<String, QuantizedLayer> layers;
    private final RunProgress progress;
    private Map<String, TensorBytes> weights = Map.of();
    private Map<String, TensorBytes> scales = Map.of();
    private Map<String, TensorBytes> others = Map.of();

    /**
     * @param run index of this allocation among the job's, from 0
     * @param label {@code "W4-S2-T1"}, for progress messages
     */
    Snapshot(PipelineContext context, SpikingNetwork network, int run, int runs, int epochs, String label) {
        this.network = network;
        this.layers = QuantizedLayers.of(network);
        this.progress = new RunProgress(context, run, runs, epochs, label);
    }

    @Override
    public void onStep(StepReport report) {
        progress.step(report);
    }

    @Override
    public void onEpoch(EpochReport report) {
        copyTensors();
        progress.epoch(report, Map.of("meanLevels", report.test().meanLevels()));
    }

    private void copyTensors() {
        Map<String, TensorBytes> newWeights = new LinkedHashMap<>();
        Map<String, TensorBytes> newScales = new LinkedHashMap<>();
        layers.forEach((name, layer) -> {
            NDArray latent = layer.weight().getArray();
            try (NDManager scope = latent.getManager().newSubManager()) {
                NDArray local = Scopes.local(scope, latent);
                int bits = layer.weightBits();
                if (bits >= WeightQuantizer.FULL_PRECISION_BITS) {
                    newWeights.put(name, TensorBytes.floats(local));
                } else {
                    WeightQuantizer.Encoding encoding = WeightQuantizer.encode(local, bits);
                    newWeights.put(
                            name,
                            TensorBytes.integers(
                                    encoding.codes()
                                            .toType(DataType.FLOAT32, false)
                                            .toFloatArray(),
                                    Math.max(1, WeightQuantizer.levelsPerSide(bits)),
                                    local.getShape().getShape()));
                    newScales.put(name + "_scale", TensorBytes.floats(encoding.scale()));
                }
            }
        });
        weights = newWeights;
        scales = newScales;
        others = network.parameterIndex().copy(layers::containsKey);
    }

    Map<String, TensorBytes> weights() {
        return weights;
    }

    Map<String, TensorBytes> scales() {
        return scales;
    }

    Map<String, TensorBytes> others() {
        return others;
    }
}
