package io.spikelot.model.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The whole computation from the preprocessed input to the class logits.
 *
 * @param timesteps T, the steps every {@code lif} node runs (1 for an ANN)
 * @param inputKind {@code static} (one frame {@code [B, C, H, W]}, repeated over T by the {@code repeat-over-time}
 *     node) or {@code events} (T frames {@code [T, B, C, H, W]}, merged time-major into {@code [T·B, C, H, W]})
 * @param inputShape the per-frame shape {@code [C, H, W]}
 * @param classes the number of logits
 * @param layers the nodes in execution order; composites hold their branches
 * @param neuronModel the LIF update every {@code lif} node runs, in formulas
 * @param prediction how a class is read from the logits
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelGraph(
        int timesteps,
        String inputKind,
        List<Integer> inputShape,
        int classes,
        List<GraphNode> layers,
        String neuronModel,
        String prediction) {

    public ModelGraph {
        inputShape = List.copyOf(inputShape);
        layers = List.copyOf(layers);
    }
}
