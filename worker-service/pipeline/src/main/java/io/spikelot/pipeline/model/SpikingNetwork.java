package io.spikelot.pipeline.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.spikelot.pipeline.neuron.DirectEncoding;
import io.spikelot.pipeline.neuron.FiringRate;
import io.spikelot.pipeline.neuron.SpikingLayer;
import io.spikelot.pipeline.neuron.TimeMeanReadout;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A whole network (SNN, or its ANN counterpart with T = 1) as one DJL block.
 *
 * <p>Input: static images {@code [B, C, H, W]} (the encoder conv + BN run once, then the result is repeated T times)
 * or event frames {@code [T, B, C, H, W]}. Inside: {@code [T·B, ...]}. Output: logits averaged over T, {@code [B, K]}.
 */
public final class SpikingNetwork extends AbstractBlock {

    private final InputKind input;
    private final int timesteps;
    private final LayerSequence encoder;
    private final LayerSequence body;
    private final DirectEncoding repeat;
    private final TimeMeanReadout readout;
    private final ParameterIndex index;
    private final Map<String, SpikingLayer> spikingLayers;
    private final InputProbe probe;

    SpikingNetwork(
            InputKind input,
            int timesteps,
            LayerSequence encoder,
            LayerSequence body,
            ParameterIndex index,
            Map<String, SpikingLayer> spikingLayers,
            InputProbe probe) {
        this.input = input;
        this.timesteps = timesteps;
        this.encoder = encoder;
        this.body = body;
        this.repeat = new DirectEncoding(timesteps);
        this.readout = new TimeMeanReadout(timesteps);
        this.index = index;
        this.spikingLayers = spikingLayers;
        this.probe = probe;
        children.add("encoder", encoder);
        children.add("body", body);
    }

    public int timesteps() {
        return timesteps;
    }

    public InputKind inputKind() {
        return input;
    }

    /** Learned tensors and buffers under the catalog's names. */
    public ParameterIndex parameterIndex() {
        return index;
    }

    /** What every conv, linear and attention matmul reads; started and stopped around an evaluation. */
    public InputProbe inputProbe() {
        return probe;
    }

    /** Firing rate of each LIF layer in the latest forward pass, by catalog name; empty for an ANN. */
    public Map<String, FiringRate> lastFiringRates() {
        Map<String, FiringRate> rates = new LinkedHashMap<>();
        spikingLayers.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> rates.put(e.getKey(), e.getValue().lastFiringRate()));
        return rates;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDList merged;
        if (input == InputKind.EVENTS) {
            checkTimesteps(x.getShape());
            merged = new NDList(x.reshape(mergeTime(x.getShape())));
        } else {
            NDList encoded = encoder.isEmpty() ? inputs : encoder.forward(store, inputs, training, params);
            merged = repeat.forward(store, encoded, training, params);
        }
        NDList logits = body.forward(store, merged, training, params);
        return readout.forward(store, logits, training, params);
    }

    private void checkTimesteps(Shape shape) {
        if (shape.dimension() != 5 || shape.get(0) != timesteps) {
            throw new IllegalArgumentException("Event input must be [T=" + timesteps + ", B, C, H, W], got " + shape);
        }
    }

    private static Shape mergeTime(Shape s) {
        return new Shape(s.get(0) * s.get(1)).addAll(s.slice(2));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        if (input == InputKind.EVENTS) {
            checkTimesteps(in);
            encoder.initialize(manager, dataType, mergeTime(in));
            body.initialize(manager, dataType, mergeTime(in));
            return;
        }
        encoder.initialize(manager, dataType, in);
        Shape[] encoded = encoder.getOutputShapes(new Shape[] {in});
        body.initialize(manager, dataType, repeat.getOutputShapes(encoded));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long batch = input == InputKind.EVENTS ? in.get(1) : in.get(0);
        Shape[] out = body.getOutputShapes(new Shape[] {new Shape(batch * timesteps).addAll(in.slice(2))});
        return new Shape[] {new Shape(batch).addAll(out[0].slice(1))};
    }
}
