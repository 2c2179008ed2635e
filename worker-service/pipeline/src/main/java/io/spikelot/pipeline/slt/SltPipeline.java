package io.spikelot.pipeline.slt;

import io.spikelot.model.arch.Architecture;
import io.spikelot.model.job.JobType;
import io.spikelot.model.result.SltResult;
import io.spikelot.model.spec.PruneScope;
import io.spikelot.model.spec.SltSpec;
import io.spikelot.pipeline.JobPipeline;
import io.spikelot.pipeline.PipelineContext;
import io.spikelot.pipeline.PipelineException;
import io.spikelot.pipeline.data.Dataset;
import io.spikelot.pipeline.model.InputKind;
import io.spikelot.pipeline.model.NetworkBuilder;
import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.neuron.NeuronSettings;
import io.spikelot.pipeline.spec.JobSettings;
import io.spikelot.pipeline.ticket.PruneRatio;
import io.spikelot.pipeline.ticket.SltSearch;
import io.spikelot.pipeline.ticket.Ticket;
import io.spikelot.pipeline.ticket.TicketLayerFactory;
import io.spikelot.pipeline.ticket.TicketLayers;
import io.spikelot.pipeline.train.ParameterCopy;
import io.spikelot.pipeline.train.RunProgress;
import io.spikelot.pipeline.train.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code slt} job: for each pruning ratio p (the {@code sweep}, or the single {@code pruneRatio}) it builds the
 * architecture with edge-popup or biprop ticket layers on every prunable conv and linear layer (LIF with T =
 * {@code timesteps}, or ReLU), trains the scores, and keeps the masks and effective weights of the last epoch.
 * With {@code compareAnn} the ReLU counterpart is searched after each ratio with the same seed.
 *
 * <p>Spikformer architectures are searched in their patch embedding only: PEPSp puts ticket layers on the ConvPEP
 * convs and trains the transformer blocks and the head dense (D6); with {@code patchPruneRatio} q > 0 it is MultiSp
 * as Algorithm 1 runs it: stage 1 searches the patch embedding's ticket on every patch, stage 2 freezes it (mask,
 * weights and gain) and trains the blocks and head for as many epochs again on the ⌈(1 − q)·N⌉ strongest patches of
 * each sample ({@link io.spikelot.pipeline.model.PatchSelection}).
 *
 * <p>With {@code fineTuneEpochs} F > 0 every search is followed by F epochs that train the ticket's kept weights
 * with its mask frozen (the FT ablation; {@link io.spikelot.pipeline.ticket.TicketLayer#startFineTuning()}).
 *
 * <p>{@code scope: global} ranks the scores of all searched layers together (an exact total kept count, per-layer
 * fractions as the ranking gives them) instead of per layer.
 *
 * <p>Refused as {@code INVALID_SPEC}: {@code device: gpu} on a
 * CPU worker, and {@code compareAnn} on event data.
 * Artifacts are described in {@link SltArtifacts}, the result in {@link SltResults}.
 */
public final class SltPipeline extends JobPipeline<SltSpec, SltJob, SltResult> {

    /** @param datasetsRoot where dataset folders live ({@code <root>/<path>/<name>/...}) */
    public SltPipeline(Path datasetsRoot) {
        super(JobType.SLT, SltSpec.class, datasetsRoot, SltResults::of, SltArtifacts::write);
    }

    @Override
    protected SltJob train(SltSpec spec, PipelineContext context, long startNanos) {
        SltSpecs.requireSupported(spec);
        TrainingConfig config = JobSettings.training(spec.training());
        Dataset data =
                JobSettings.dataset(datasetsRoot, spec.dataset(), spec.model().timesteps(), config.batchSize());
        InputKind input = data.events() ? InputKind.EVENTS : InputKind.STATIC;
        // biprop's "+BN" variant: BatchNorm learns γ and β during the search, so a layer can move its firing rate
        Architecture architecture = JobSettings.architecture(spec.model(), data);
        NeuronSettings neurons = SltSpecs.neurons(spec.model(), spec.search().method(), false);
        boolean compare = spec.search().compareAnn() && neurons.spiking();
        if (compare && data.events()) {
            throw PipelineException.invalidSpec("compareAnn is supported on static datasets only");
        }
        List<Double> ratios = spec.search().ratios();
        List<Long> seeds = spec.training().seeds();
        int runs = ratios.size() * (compare ? 2 : 1) * seeds.size();
        NeuronSettings counterpart =
                SltSpecs.neurons(spec.model(), spec.search().method(), true);
        List<RatioRun> results = new ArrayList<>();
        List<RatioRun> annResults = new ArrayList<>();
        List<SltResult.RepeatRow> repeats = new ArrayList<>();
        int run = 0;
        for (long seed : seeds) {
            TrainingConfig seeded = JobSettings.training(spec.training().withSeed(seed));
            String suffix = seeds.size() > 1 ? ", seed " + seed : "";
            boolean first = seed == seeds.get(0);
            for (double ratio : ratios) {
                Search search = new Search(spec, context, architecture, data, input, seeded, runs, suffix);
                RatioRun snn = search.run(neurons, ratio, run++);
                RatioRun ann = compare ? search.run(counterpart, ratio, run++) : null;
                if (first) {
                    results.add(snn);
                    if (ann != null) {
                        annResults.add(ann);
                    }
                }
                if (seeds.size() > 1) {
                    // later seeds keep their figures only: their tensors are not written anywhere
                    repeats.add(SltResults.repeatRow(seed, snn, ann));
                }
            }
        }
        return new SltJob(spec, architecture, input, neurons, results, annResults, repeats, secondsSince(startNanos));
    }

    /** One ticket search at one ratio. */
    private record Search(
            SltSpec spec,
            PipelineContext context,
            Architecture architecture,
            Dataset data,
            InputKind input,
            TrainingConfig config,
            int runs,
            String labelSuffix) {

        RatioRun run(NeuronSettings neurons, double ratio, int index) {
            TicketLayerFactory layers = new TicketLayerFactory(
                    SltSpecs.kind(spec.search().method()),
                    new PruneRatio(ratio),
                    SltSpecs.init(spec.search().weightInit(), ratio),
                    TicketLayerFactory.searchedLayers(architecture),
                    spec.search().scope() == PruneScope.GLOBAL);
            SpikingNetwork network = NetworkBuilder.build(
                    architecture, input, neurons, layers, spec.search().patchPruneRatio());
            Set<String> ticketWeights = Set.copyOf(TicketLayers.of(network).keySet());
            String label = "p=" + SltSpecs.ratioLabel(ratio) + (neurons.spiking() ? " snn" : " ann") + labelSuffix;
            int fineTune = spec.search().fineTuneEpochs();
            // MultiSp trains a second stage of as many epochs as the search, on the frozen patch embedding
            int patchStage = spec.search().patchPruneRatio() > 0 ? config.epochs() : 0;
            RunProgress progress =
                    new RunProgress(context, index, runs, config.epochs() + fineTune + patchStage, label);
            // the masked weights are the ticket's own copy; scores are search state, not part of the model
            ParameterCopy others = new ParameterCopy(name -> ticketWeights.contains(name) || name.endsWith(".scores"));
            Ticket ticket = SltSearch.search(
                    network, data, config, fineTune, progress.andThen(others), context::checkCancelled);
            ticket.training().requireFinite("The search at " + label);
            ticket.weights().forEach((name, weight) -> {
                if (!weight.allFinite()) {
                    throw PipelineException.diverged(
                            "The effective weight " + name + " at " + label + " has non-finite values");
                }
            });
            return new RatioRun(ratio, neurons.kind(), ticket, others.tensors());
        }
    }
}
