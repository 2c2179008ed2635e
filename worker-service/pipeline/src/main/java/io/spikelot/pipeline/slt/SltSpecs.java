package io.spikelot.pipeline.slt;

import ai.djl.training.initializer.Initializer;
import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.spec.ModelSettings;
import io.spikelot.model.spec.NeuronKind;
import io.spikelot.model.spec.SearchMethod;
import io.spikelot.model.spec.SearchSettings;
import io.spikelot.model.spec.SltSpec;
import io.spikelot.model.spec.WeightInitKind;
import io.spikelot.pipeline.PipelineException;
import io.spikelot.pipeline.model.WeightInit;
import io.spikelot.pipeline.neuron.LifConfig;
import io.spikelot.pipeline.neuron.NeuronSettings;
import io.spikelot.pipeline.spec.JobSettings;
import io.spikelot.pipeline.ticket.TicketKind;
import java.util.Locale;

/** Checks what this pipeline supports and turns the spec's options into engine settings. */
final class SltSpecs {

    private SltSpecs() {}

    /** Rejects what is not implemented yet, naming it; everything else is already range-checked by the API. */
    static void requireSupported(SltSpec spec) {
        if (spec.model() == null || spec.dataset() == null || spec.search() == null || spec.training() == null) {
            throw PipelineException.invalidSpec("An slt spec needs model, dataset, training and search");
        }
        String architecture = spec.model().architecture();
        if (architecture == null) {
            throw PipelineException.invalidSpec("model.architecture is required");
        }
        SearchSettings search = spec.search();
        if (!(search.patchPruneRatio() >= 0 && search.patchPruneRatio() < 1)) {
            throw PipelineException.invalidSpec(
                    "search.patchPruneRatio must lie in [0, 1), got " + search.patchPruneRatio());
        }
        if (search.patchPruneRatio() > 0 && !ArchitectureCatalog.hasPatchTokens(architecture)) {
            throw PipelineException.invalidSpec("search.patchPruneRatio > 0 (MultiSp) needs a spikformer architecture");
        }
        if (search.fineTuneEpochs() < 0) {
            throw PipelineException.invalidSpec("search.fineTuneEpochs must be >= 0, got " + search.fineTuneEpochs());
        }
        for (double ratio : search.ratios()) {
            if (!(ratio >= 0 && ratio < 1)) {
                throw PipelineException.invalidSpec("Pruning ratios must lie in [0, 1), got " + ratio);
            }
        }
        JobSettings.requireDevice(spec.resources());
    }

    /** The engine's effective-weight rule for {@code method}. */
    static TicketKind kind(SearchMethod method) {
        return switch (method) {
            case EDGE_POPUP -> TicketKind.EDGE_POPUP;
            case BIPROP -> TicketKind.BIPROP;
        };
    }

    /** The engine's initializer for {@code weightInit} at pruning ratio {@code pruned}. */
    static Initializer init(WeightInitKind weightInit, double pruned) {
        return switch (weightInit) {
            case SIGNED_CONSTANT -> WeightInit.SIGNED_CONSTANT;
            case KAIMING_NORMAL -> WeightInit.KAIMING_NORMAL;
            // p = 0 keeps every weight: scale_fan would divide by zero, and there is nothing to scale for
            case KAIMING_NORMAL_SCALED ->
                pruned > 0 ? WeightInit.KAIMING_NORMAL.scaledFan(pruned) : WeightInit.KAIMING_NORMAL;
            case KAIMING_UNIFORM -> WeightInit.KAIMING_UNIFORM;
        };
    }

    /**
     * The ANN counterpart of a spiking ticket of {@code method} (T = 1): binary activations for biprop (MPLT), ReLU
     * for edge-popup (LT).
     */
    static NeuronKind annCounterpart(SearchMethod method) {
        return switch (method) {
            case BIPROP -> NeuronKind.SIGN;
            case EDGE_POPUP -> NeuronKind.RELU;
        };
    }

    /** The spec's neurons; {@code ann} gives the ANN counterpart of the spec's method instead. */
    static NeuronSettings neurons(ModelSettings model, SearchMethod method, boolean ann) {
        LifConfig lif = JobSettings.lif(model.lif());
        try {
            NeuronKind kind = ann ? annCounterpart(method) : model.neuron();
            return new NeuronSettings(kind, lif, Math.max(1, model.timesteps()));
        } catch (IllegalArgumentException e) {
            throw PipelineException.invalidSpec("Invalid model settings: " + e.getMessage());
        }
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
