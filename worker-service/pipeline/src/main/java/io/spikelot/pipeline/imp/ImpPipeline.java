package io.spikelot.pipeline.imp;

import io.spikelot.model.arch.Architecture;
import io.spikelot.model.job.JobType;
import io.spikelot.model.result.ImpResult;
import io.spikelot.model.spec.ImpMethod;
import io.spikelot.model.spec.ImpSpec;
import io.spikelot.pipeline.JobPipeline;
import io.spikelot.pipeline.PipelineContext;
import io.spikelot.pipeline.PipelineException;
import io.spikelot.pipeline.data.Dataset;
import io.spikelot.pipeline.neuron.NeuronSettings;
import io.spikelot.pipeline.spec.JobSettings;
import io.spikelot.pipeline.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code imp} job (Kim et al., ALGORITHMS.md §5): masked dense training of the architecture's weights (every
 * conv and linear, first and last included; BatchNorm and biases never pruned) with iterative magnitude pruning
 * and late rewinding, or an Early-Bird search and retraining ({@link ImpSearch}), optionally searching at the
 * Early-Time T′. BatchNorm is affine, as in dense training (D8).
 *
 * <p>Refused as {@code INVALID_SPEC}: {@code device: gpu} on a CPU worker, a training split smaller than one batch,
 * and the combinations the API refuses (checked again here for specs that did not come through it). Artifacts are
 * described in {@link ImpArtifacts}, the result in {@link ImpResults}. An IMP job saves a checkpoint after every
 * complete round, and a later attempt resumes from it ({@link ImpCheckpoints}).
 */
public final class ImpPipeline extends JobPipeline<ImpSpec, ImpJob, ImpResult> {

    /** @param datasetsRoot where dataset folders live ({@code <root>/<path>/<name>/...}) */
    public ImpPipeline(Path datasetsRoot) {
        super(JobType.IMP, ImpSpec.class, datasetsRoot, ImpResults::of, ImpArtifacts::write);
    }

    @Override
    protected ImpJob train(ImpSpec spec, PipelineContext context, long startNanos) throws IOException {
        requireSupported(spec);
        JobSettings.requireDevice(spec.resources());
        TrainingConfig config = JobSettings.training(spec.training());
        NeuronSettings neurons = new NeuronSettings(
                spec.model().neuron(),
                JobSettings.lif(spec.model().lif()),
                spec.model().timesteps());
        Dataset data = JobSettings.dataset(datasetsRoot, spec.dataset(), neurons.timesteps(), config.batchSize());
        Architecture architecture = JobSettings.architecture(spec.model(), data);
        boolean earlyBird = spec.pruning().method() == ImpMethod.EARLY_BIRD;
        int count = earlyBird ? 2 : spec.pruning().rounds();
        Rounds rounds = new Rounds(spec, context, architecture, data, neurons, config, count);
        ImpSearch search = new ImpSearch(rounds);
        List<RoundRun> trained = earlyBird ? search.earlyBird() : search.imp();
        return new ImpJob(
                spec,
                architecture,
                rounds.input(),
                neurons.timesteps(),
                trained,
                search.earlyBirdSummary(),
                search.earlyTime(),
                search.resumedFromRound(),
                secondsSince(startNanos));
    }

    /** What the API refuses, refused again for specs that reach the worker another way. */
    static void requireSupported(ImpSpec spec) {
        if (spec.model() == null || spec.dataset() == null || spec.training() == null || spec.pruning() == null) {
            throw PipelineException.invalidSpec("An imp spec needs model, dataset, training and pruning");
        }
        var pruning = spec.pruning();
        if (pruning.method() == ImpMethod.IMP
                && pruning.rewindEpoch() >= spec.training().epochs()) {
            throw PipelineException.invalidSpec("pruning.rewindEpoch must be below training.epochs");
        }
        if (pruning.earlyTime()
                && pruning.candidates(spec.model().timesteps()).stream()
                        .anyMatch(t -> t < 1 || t >= spec.model().timesteps())) {
            throw PipelineException.invalidSpec("pruning.earlyTimeCandidates must lie in [1, model.timesteps)");
        }
        if (pruning.earlyTime() && pruning.candidates(spec.model().timesteps()).isEmpty()) {
            throw PipelineException.invalidSpec("pruning.earlyTime needs at least one candidate below model.timesteps");
        }
    }
}
