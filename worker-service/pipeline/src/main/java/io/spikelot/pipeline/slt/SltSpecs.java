package io.spikelot.pipeline.slt;

import ai.djl.engine.Engine;
import io.spikelot.model.spec.DatasetSettings;
import io.spikelot.model.spec.ModelSettings;
import io.spikelot.model.spec.SearchSettings;
import io.spikelot.model.spec.SltSpec;
import io.spikelot.model.spec.TrainingSettings;
import io.spikelot.pipeline.PipelineException;
import io.spikelot.pipeline.data.DatasetSpec;
import io.spikelot.pipeline.data.EventFrameOptions;
import io.spikelot.pipeline.encoding.SplitBy;
import io.spikelot.pipeline.neuron.AtanSurrogate;
import io.spikelot.pipeline.neuron.LifConfig;
import io.spikelot.pipeline.neuron.NeuronKind;
import io.spikelot.pipeline.neuron.NeuronSettings;
import io.spikelot.pipeline.neuron.ResetMode;
import io.spikelot.pipeline.neuron.SigmoidSurrogate;
import io.spikelot.pipeline.ticket.TicketKind;
import io.spikelot.pipeline.ticket.WeightInit;
import io.spikelot.pipeline.train.OptimizerKind;
import io.spikelot.pipeline.train.TrainingConfig;
import java.util.Locale;

/** Checks what this pipeline supports and turns the spec's strings into engine settings. */
final class SltSpecs {

    /** Test samples per evaluation forward pass. */
    private static final int EVAL_CHUNK = 256;

    private SltSpecs() {}

    /** Rejects what is not implemented yet, naming it; everything else is already range-checked by the API. */
    static void requireSupported(SltSpec spec) {
        if (spec.model() == null || spec.dataset() == null || spec.search() == null || spec.training() == null) {
            throw PipelineException.invalidSpec("An slt spec needs model, dataset, training and search");
        }
        String architecture = spec.model().architecture();
        if (architecture == null || architecture.startsWith("spikformer")) {
            throw PipelineException.invalidSpec("Architecture '" + architecture + "' is not supported by slt yet: "
                    + "Spikformer searches (PEPSp, MultiSp) come later; use convnet-s, vgg9 or resnet19");
        }
        SearchSettings search = spec.search();
        if (search.patchPruneRatio() > 0) {
            throw PipelineException.invalidSpec(
                    "search.patchPruneRatio > 0 (MultiSp patch pruning) is not supported yet");
        }
        if ("global".equals(search.scope())) {
            throw PipelineException.invalidSpec(
                    "search.scope 'global' is not supported yet: ticket layers rank their scores per layer");
        }
        if (search.fineTuneEpochs() > 0) {
            throw PipelineException.invalidSpec("fineTuneEpochs is not supported yet");
        }
        for (double ratio : search.ratios()) {
            if (!(ratio >= 0 && ratio < 1)) {
                throw PipelineException.invalidSpec("Pruning ratios must lie in [0, 1), got " + ratio);
            }
        }
        // gpu jobs are routed to GPU workers, where DJL's default device is the GPU; a CPU worker must not fake one
        if (spec.resources() != null
                && "gpu".equals(spec.resources().device())
                && Engine.getInstance().getGpuCount() == 0) {
            throw PipelineException.invalidSpec("resources.device 'gpu' is not available: this worker runs on CPU");
        }
        kind(search.method());
        init(search.weightInit());
    }

    static TicketKind kind(String method) {
        return switch (method == null ? "biprop" : method) {
            case "edge-popup" -> TicketKind.EDGE_POPUP;
            case "biprop" -> TicketKind.BIPROP;
            default -> throw PipelineException.invalidSpec("Unknown search.method '" + method + "'");
        };
    }

    static WeightInit init(String weightInit) {
        return switch (weightInit == null ? "signed-constant" : weightInit) {
            case "signed-constant" -> WeightInit.SIGNED_CONSTANT;
            case "kaiming-normal" -> WeightInit.KAIMING_NORMAL;
            case "kaiming-uniform" -> WeightInit.KAIMING_UNIFORM;
            default -> throw PipelineException.invalidSpec("Unknown search.weightInit '" + weightInit + "'");
        };
    }

    /** The spec's neurons; {@code ann} forces ReLU (T = 1) for the ANN counterpart. */
    static NeuronSettings neurons(ModelSettings model, boolean ann) {
        try {
            LifConfig lif = new LifConfig(
                    model.tau(),
                    model.threshold(),
                    "soft".equals(model.reset()) ? ResetMode.SOFT : ResetMode.HARD,
                    0.0,
                    model.decayInput(),
                    model.detachReset(),
                    "atan".equals(model.surrogate())
                            ? new AtanSurrogate(model.surrogateAlpha())
                            : new SigmoidSurrogate(model.surrogateAlpha()));
            NeuronKind kind = ann ? NeuronKind.RELU : NeuronKind.parse(model.neuron() == null ? "lif" : model.neuron());
            return new NeuronSettings(kind, lif, Math.max(1, model.timesteps()));
        } catch (IllegalArgumentException e) {
            throw PipelineException.invalidSpec("Invalid model settings: " + e.getMessage());
        }
    }

    static TrainingConfig training(TrainingSettings t) {
        try {
            return new TrainingConfig(
                    t.epochs(),
                    t.batchSize(),
                    OptimizerKind.parse(t.optimizer() == null ? "adam" : t.optimizer()),
                    t.learningRate(),
                    t.momentum(),
                    t.weightDecay(),
                    !"constant".equals(t.schedule()),
                    t.seed(),
                    EVAL_CHUNK,
                    0);
        } catch (IllegalArgumentException e) {
            throw PipelineException.invalidSpec("Invalid training settings: " + e.getMessage());
        }
    }

    static DatasetSpec dataset(DatasetSettings d) {
        return new DatasetSpec(d.name(), d.trainLimit(), d.testLimit());
    }

    /** Event framing with T = the model's timesteps; ignored for static datasets. */
    static EventFrameOptions events(SltSpec spec) {
        DatasetSettings d = spec.dataset();
        SplitBy split = "time".equals(d.frameSplit()) ? SplitBy.TIME : SplitBy.NUMBER;
        return new EventFrameOptions(Math.max(1, spec.model().timesteps()), split, d.resize() == null ? 0 : d.resize());
    }

    /** {@code 0.5 → "0.50"}, {@code 0.125 → "0.125"}: at least two decimals, as many as the ratio needs. */
    static String ratioLabel(double ratio) {
        String plain = new java.math.BigDecimal(Double.toString(ratio))
                .stripTrailingZeros()
                .toPlainString();
        int decimals = plain.contains(".") ? plain.length() - plain.indexOf('.') - 1 : 0;
        return String.format(Locale.ROOT, "%." + Math.max(2, decimals) + "f", ratio);
    }
}
