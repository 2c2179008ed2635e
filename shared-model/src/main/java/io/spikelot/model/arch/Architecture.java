package io.spikelot.model.arch;

import java.util.ArrayList;
import java.util.List;

/**
 * An architecture resolved for one input shape and class count: the layer tree from input to logits
 * {@code [classes]}. Build it through {@link ArchitectureCatalog#resolve}.
 *
 * @param name catalog name, e.g. {@code resnet19}
 * @param input the dataset's frame shape
 * @param classes number of output logits
 * @param layers top-level layers in execution order; composites hold their sub-layers
 */
public record Architecture(String name, InputShape input, int classes, List<Layer> layers) {

    public Architecture {
        layers = List.copyOf(layers);
    }

    /** Every layer, composites before their children, in execution order (depth-first). */
    public List<Layer> allLayers() {
        List<Layer> all = new ArrayList<>();
        collect(layers, all);
        return List.copyOf(all);
    }

    /** Every conv and linear layer, in execution order. */
    public List<WeightLayer> weightLayers() {
        return allLayers().stream()
                .filter(WeightLayer.class::isInstance)
                .map(WeightLayer.class::cast)
                .toList();
    }

    /** Every learned tensor, in execution order. */
    public List<ParameterSpec> parameters() {
        return allLayers().stream().flatMap(l -> l.parameters().stream()).toList();
    }

    /**
     * The same network with every BatchNorm affine (learned scale and shift), as dense training wants (D8); the
     * ticket-search convention of non-affine BN fixes the scale of every layer's input, so a neuron fed by
     * non-affine BN fires at a rate its weights cannot change.
     */
    public Architecture withAffineNorm() {
        return new Architecture(name, input, classes, affine(layers));
    }

    private static List<Layer> affine(List<Layer> level) {
        return level.stream().map(Architecture::affine).toList();
    }

    private static Layer affine(Layer layer) {
        if (layer instanceof BatchNormLayer norm) {
            return new BatchNormLayer(norm.name(), norm.channels(), true, norm.input(), norm.output());
        }
        if (layer instanceof ResidualLayer r) {
            return new ResidualLayer(
                    r.name(), affine(r.body()), affine(r.shortcut()), affine(r.after()), r.input(), r.output());
        }
        if (layer instanceof SelfAttentionLayer a) {
            return new SelfAttentionLayer(
                    a.name(),
                    a.dim(),
                    a.heads(),
                    a.scale(),
                    affine(a.query()),
                    affine(a.key()),
                    affine(a.value()),
                    a.attentionNeuron(),
                    affine(a.projection()),
                    a.input(),
                    a.output());
        }
        return layer;
    }

    /**
     * How many of the first top-level layers run once on a static input before the direct encoding repeats it over T
     * (ALGORITHMS.md §1.3): the encoding conv and the BatchNorm right after it, or none when the network does not
     * start with an encoding conv. Repeating after them gives the same result as repeating the raw input.
     */
    public static int encoderLength(List<Layer> layers) {
        if (layers.isEmpty() || !(layers.get(0) instanceof Conv2dLayer conv) || !conv.encoding()) {
            return 0;
        }
        return layers.size() > 1 && layers.get(1) instanceof BatchNormLayer ? 2 : 1;
    }

    /** The shape of the logits, {@code [classes]}. */
    public FeatureShape output() {
        return layers.get(layers.size() - 1).output();
    }

    private static void collect(List<Layer> level, List<Layer> into) {
        for (Layer layer : level) {
            into.add(layer);
            collect(layer.children(), into);
        }
    }
}
