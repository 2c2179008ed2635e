package io.spikelot.pipeline.prune;

import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.model.WeightLayers;
import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.train.TrainingListener;
import java.util.Map;

/**
 * One masked training run of a network built with {@link MaskedLayerFactory}: at the start it loads {@code state}
 * (when given; else the fresh initialisation stays) and fixes {@code masks} (when given; else the run is dense),
 * after every backward pass it zeroes the pruned gradients, and when training ends it copies the whole state.
 */
public final class MaskedTraining implements TrainingListener {

    private final Map<String, HostTensor.Floats> state;
    private final Map<String, HostTensor.Booleans> masks;
    private Map<String, MaskedLayer> layers = Map.of();
    private Map<String, HostTensor.Floats> start;
    private Map<String, HostTensor.Floats> trained;

    /**
     * @param state the state to start from, by catalog name, or null for the network's own initialisation
     * @param masks masks by weight name ({@code true} = kept), or null for a dense run
     */
    public MaskedTraining(Map<String, HostTensor.Floats> state, Map<String, HostTensor.Booleans> masks) {
        this.state = state;
        this.masks = masks;
    }

    /** The masked layers of {@code network}, by weight name, in network order. */
    public static Map<String, MaskedLayer> layers(SpikingNetwork network) {
        return WeightLayers.find(network, MaskedLayer.class, MaskedLayer::weight);
    }

    @Override
    public void onStart(SpikingNetwork network) {
        layers = layers(network);
        if (state != null) {
            NetworkState.load(network, state);
        }
        if (masks != null) {
            layers.forEach((name, layer) -> layer.setMask(masks.get(name)));
        }
        start = NetworkState.copy(network);
    }

    @Override
    public void afterBackward(SpikingNetwork network) {
        layers.values().forEach(MaskedLayer::maskGradient);
    }

    @Override
    public void onTrained(SpikingNetwork network) {
        trained = NetworkState.copy(network);
    }

    /** The state the run started from, after loading; null before the start. */
    public Map<String, HostTensor.Floats> startState() {
        return start;
    }

    /** The state when training ended; null before. */
    public Map<String, HostTensor.Floats> trainedState() {
        return trained;
    }

    /** The names of the masked weights, in network order; empty before the start. */
    public Iterable<String> weightNames() {
        return layers.keySet();
    }
}
