package io.spikelot.pipeline.slt;

import io.spikelot.pipeline.PipelineContext;
import io.spikelot.pipeline.artifact.TensorBytes;
import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.train.EpochReport;
import io.spikelot.pipeline.train.RunProgress;
import io.spikelot.pipeline.train.StepReport;
import io.spikelot.pipeline.train.TrainingListener;
import java.util.Map;
import java.util.Set;

/**
 * Forwards one search's steps and epochs to the job's progress, as a fraction of all searches of the job
 * ({@code runs} = ratios × (1 + compareAnn)), and copies the network's non-ticket tensors to the heap after each
 * epoch, while the model is still open.
 */
final class ProgressRelay implements TrainingListener {

    private final SpikingNetwork network;
    private final Set<String> ticketWeights;
    private final RunProgress progress;
    private Map<String, TensorBytes> others = Map.of();

    /**
     * @param run index of this search among all of the job's searches, from 0
     * @param ticketWeights the names of the masked weights, which {@code SltSearch} snapshots itself
     * @param label {@code "p=0.50 snn"}, for the progress message
     */
    ProgressRelay(
            PipelineContext context,
            SpikingNetwork network,
            Set<String> ticketWeights,
            int run,
            int runs,
            int epochs,
            String label) {
        this.network = network;
        this.ticketWeights = ticketWeights;
        this.progress = new RunProgress(context, run, runs, epochs, label);
    }

    @Override
    public void onStep(StepReport report) {
        progress.step(report);
    }

    @Override
    public void onEpoch(EpochReport report) {
        others = network.parameterIndex().copy(name -> ticketWeights.contains(name) || name.endsWith(".scores"));
        progress.epoch(report, Map.of());
    }

    /** The non-ticket tensors as of the last finished epoch. */
    Map<String, TensorBytes> others() {
        return others;
    }
}
