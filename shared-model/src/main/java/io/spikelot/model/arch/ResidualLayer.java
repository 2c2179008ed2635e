package io.spikelot.model.arch;

import java.util.ArrayList;
import java.util.List;

/**
 * A residual connection: {@code y = after(body(x) + shortcut(x))}, where an empty shortcut is the identity and
 * an empty {@code after} does nothing. The ResNet BasicBlock puts its second LIF in {@code after}; the Spikformer
 * block and the SPS relative position embedding have an empty {@code after}.
 *
 * @param body the main path; its output shape equals the shortcut's
 * @param shortcut the skip path (ResNet downsampling: 1×1 conv + BatchNorm), or empty for identity
 * @param after layers applied to the sum
 */
public record ResidualLayer(
        String name, List<Layer> body, List<Layer> shortcut, List<Layer> after, FeatureShape input, FeatureShape output)
        implements Layer {

    public ResidualLayer {
        body = List.copyOf(body);
        shortcut = List.copyOf(shortcut);
        after = List.copyOf(after);
    }

    @Override
    public LayerKind kind() {
        return LayerKind.RESIDUAL;
    }

    @Override
    public List<Layer> children() {
        List<Layer> all = new ArrayList<>(body);
        all.addAll(shortcut);
        all.addAll(after);
        return List.copyOf(all);
    }
}
