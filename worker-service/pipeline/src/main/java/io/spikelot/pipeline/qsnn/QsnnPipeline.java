package io.spikelot.pipeline.qsnn;

import io.spikelot.model.arch.Architecture;
import io.spikelot.model.cost.CostReport;
import io.spikelot.model.job.JobType;
import io.spikelot.model.result.QsnnResult;
import io.spikelot.model.spec.NeuronKind;
import io.spikelot.model.spec.QsnnSpec;
import io.spikelot.model.spec.QuantizationSettings.Allocation;
import io.spikelot.pipeline.JobPipeline;
import io.spikelot.pipeline.PipelineContext;
import io.spikelot.pipeline.PipelineException;
import io.spikelot.pipeline.data.Dataset;
import io.spikelot.pipeline.energy.EnergyReporter;
import io.spikelot.pipeline.model.InputKind;
import io.spikelot.pipeline.model.NetworkBuilder;
import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.neuron.LifConfig;
import io.spikelot.pipeline.neuron.NeuronSettings;
import io.spikelot.pipeline.quant.QuantizedLayerFactory;
import io.spikelot.pipeline.spec.JobSettings;
import io.spikelot.pipeline.train.ParameterCopy;
import io.spikelot.pipeline.train.RunProgress;
import io.spikelot.pipeline.train.TrainingConfig;
import io.spikelot.pipeline.train.TrainingLoop;
import io.spikelot.pipeline.train.TrainingResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code qsnn} job: for each allocation (the explicit list, or every W·S·T = bitBudget from the option lists)
 * it builds the architecture with W-bit weights on every conv and linear layer ({@code WeightQuantizer}), LIF
 * neurons emitting S-bit spikes ({@code MultiLevelSpike}) over T timesteps and, for Spikformer, S-bit attention
 * scores; trains it from scratch with the spec's training settings and seed; and measures test accuracy and firing
 * rates. Every allocation costs S-ACE = MACs·T·W·S and NS-ACE = Σ fr·MACs·T·W·S (§6), fr measured at each layer's
 * own input; its energy is priced the same way (§7).
 *
 * <p>Refused as {@code INVALID_SPEC}: {@code device: gpu} on a CPU worker, and a training split smaller than one
 * batch. Artifacts are described in {@link QsnnArtifacts}, the result in {@link QsnnResults}.
 */
public final class QsnnPipeline extends JobPipeline<QsnnSpec, QsnnJob, QsnnResult> {

    /** @param datasetsRoot where dataset folders live ({@code <root>/<path>/<name>/...}) */
    public QsnnPipeline(Path datasetsRoot) {
        super(JobType.QSNN, QsnnSpec.class, datasetsRoot, QsnnResults::of, QsnnArtifacts::write);
    }

    @Override
    protected QsnnJob train(QsnnSpec spec, PipelineContext context, long startNanos) {
        if (spec.model() == null || spec.dataset() == null || spec.training() == null || spec.quantization() == null) {
            throw PipelineException.invalidSpec("A qsnn spec needs model, dataset, training and quantization");
        }
        JobSettings.requireDevice(spec.resources());
        List<Allocation> allocations;
        try {
            allocations = spec.quantization().resolved();
        } catch (IllegalArgumentException e) {
            throw PipelineException.invalidSpec(e.getMessage());
        }
        TrainingConfig config = JobSettings.training(spec.training());
        LifConfig lif = JobSettings.lif(spec.model().lif());
        List<AllocationRun> runs = new ArrayList<>();
        Architecture architecture = null;
        Dataset data = null;
        for (int i = 0; i < allocations.size(); i++) {
            Allocation allocation = allocations.get(i);
            // static images load once; event streams are framed again whenever T changes
            if (data == null || (data.events() && data.train().frames() != allocation.timesteps())) {
                data = JobSettings.dataset(datasetsRoot, spec.dataset(), allocation.timesteps(), config.batchSize());
                // dense training: BatchNorm learns its scale, so a layer can raise its spike levels (D8)
                architecture = JobSettings.architecture(spec.model().architecture(), data)
                        .withAffineNorm();
            }
            runs.add(trainAllocation(context, architecture, data, config, lif, allocation, i, allocations.size()));
            context.checkCancelled();
        }
        return new QsnnJob(spec, architecture, data.events(), runs, secondsSince(startNanos));
    }

    private static AllocationRun trainAllocation(
            PipelineContext context,
            Architecture architecture,
            Dataset data,
            TrainingConfig config,
            LifConfig lif,
            Allocation allocation,
            int index,
            int count) {
        long start = System.nanoTime();
        NeuronSettings neurons = new NeuronSettings(NeuronKind.LIF, lif, allocation.timesteps())
                // the paper quantises Spikformer's attention scores only with multi-level spikes: at S = 1 they stay
                // the integer counts of binary q·kᵀ
                .withSpikeBits(allocation.spikeBits(), allocation.spikeBits() > 1);
        InputKind input = data.events() ? InputKind.EVENTS : InputKind.STATIC;
        SpikingNetwork network =
                NetworkBuilder.build(architecture, input, neurons, new QuantizedLayerFactory(allocation.weightBits()));
        RunProgress progress = new RunProgress(
                context,
                index,
                count,
                config.epochs(),
                allocation.label(),
                report -> Map.of("meanLevels", report.test().meanLevels()));
        QuantizedCopy quantized = new QuantizedCopy(network);
        ParameterCopy others = new ParameterCopy(quantized::covers);
        TrainingResult training = TrainingLoop.train(
                network, data, config, progress.andThen(quantized).andThen(others), context::checkCancelled);
        training.requireFinite("Training " + allocation.label());
        // priced by what each layer read on the test split, not by the LIF before it
        CostReport cost = EnergyReporter.report(
                architecture,
                allocation.timesteps(),
                training.test().layerInputs(),
                allocation.weightBits(),
                allocation.spikeBits());
        return new AllocationRun(
                allocation,
                training,
                quantized.weights(),
                quantized.scales(),
                others.tensors(),
                cost,
                secondsSince(start));
    }
}
