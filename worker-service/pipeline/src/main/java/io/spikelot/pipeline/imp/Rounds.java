package io.spikelot.pipeline.imp;

import io.spikelot.model.arch.Architecture;
import io.spikelot.model.spec.ImpSpec;
import io.spikelot.pipeline.PipelineContext;
import io.spikelot.pipeline.data.Dataset;
import io.spikelot.pipeline.model.InputKind;
import io.spikelot.pipeline.model.NetworkBuilder;
import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.neuron.NeuronSettings;
import io.spikelot.pipeline.prune.MaskedLayerFactory;
import io.spikelot.pipeline.prune.MaskedTraining;
import io.spikelot.pipeline.prune.NetworkState;
import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.train.Evaluation;
import io.spikelot.pipeline.train.Inference;
import io.spikelot.pipeline.train.RunProgress;
import io.spikelot.pipeline.train.TrainingConfig;
import io.spikelot.pipeline.train.TrainingListener;
import io.spikelot.pipeline.train.TrainingLoop;
import io.spikelot.pipeline.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every round of a job shares (spec, data, architecture, neurons at the full T, training settings), and how
 * one {@link Segment} is trained: a network built at the segment's T with masked layers, started from a saved state
 * or its own initialisation, masked or dense.
 *
 * @param rounds how many rounds the job reports, for the progress fraction
 */
record Rounds(
        ImpSpec spec,
        PipelineContext context,
        Architecture architecture,
        Dataset data,
        NeuronSettings neurons,
        TrainingConfig config,
        int rounds) {

    InputKind input() {
        return data.events() ? InputKind.EVENTS : InputKind.STATIC;
    }

    /** The full T of the spec. */
    int timesteps() {
        return neurons.timesteps();
    }

    /** A fresh network of the job's architecture with masked layers at {@code timesteps}. */
    SpikingNetwork network(int timesteps) {
        NeuronSettings at = new NeuronSettings(neurons.kind(), neurons.lif(), timesteps);
        return NetworkBuilder.build(architecture, input(), at, new MaskedLayerFactory());
    }

    /**
     * The state {@code trained} ended with, evaluated on the test split at {@code timesteps} (the full T after a
     * stretch at T′): a segment without epochs, whose loss is the trained one's.
     */
    Segment evaluateAt(int timesteps, Segment trained) {
        long start = System.nanoTime();
        Evaluation test = Inference.evaluate(
                network(timesteps), data.test(), config.evalChunk(), n -> NetworkState.load(n, trained.end()));
        TrainingResult result =
                new TrainingResult(0, trained.training().finalLoss(), test, List.of(), new double[0], 0);
        return new Segment(
                result, timesteps, (System.nanoTime() - start) / 1e9, trained.end(), trained.end(), trained.weights());
    }

    /**
     * Trains one segment.
     *
     * @param round the round's index, for progress
     * @param label what the segment is ({@code "round 2/5 prune"}), for progress
     * @param state the state to start from, or null for a fresh initialisation
     * @param masks the masks to hold, or null for dense training
     * @param extra further listeners (rewind snapshot, Early-Time probe, Early-Bird check)
     */
    Segment train(
            int round,
            String label,
            int timesteps,
            TrainingConfig segmentConfig,
            Map<String, HostTensor.Floats> state,
            Map<String, HostTensor.Booleans> masks,
            TrainingListener extra) {
        long start = System.nanoTime();
        SpikingNetwork network = network(timesteps);
        MaskedTraining masked = new MaskedTraining(state, masks);
        RunProgress progress = new RunProgress(
                context,
                round,
                rounds,
                segmentConfig.epochs(),
                label + (timesteps == timesteps() ? "" : ", T′ = " + timesteps));
        TrainingResult training = TrainingLoop.train(
                network, data, segmentConfig, masked.andThen(extra).andThen(progress), context::checkCancelled);
        training.requireFinite(label);
        List<String> weights = new ArrayList<>();
        masked.weightNames().forEach(weights::add);
        return new Segment(
                training,
                timesteps,
                (System.nanoTime() - start) / 1e9,
                masked.startState(),
                masked.trainedState(),
                List.copyOf(weights));
    }
}
