package io.spikelot.model.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One operation of the graph. Nodes run in list order on time-major tensors {@code [T·B, ...]} (before the
 * {@code repeat-over-time} node of a static input, on {@code [B, ...]}); only {@code lif} nodes keep state over
 * the T steps. Shapes are per sample and timestep, without the batch and time axes.
 *
 * @param name the catalog's dotted name, unique in the graph; parameter names start with it
 * @param op the operation ({@link ModelGraphs} lists them; the README documents each one's attributes)
 * @param inputShape per-sample input shape
 * @param outputShape per-sample output shape
 * @param attributes the operation's hyper-parameters, by name; absent when it has none
 * @param parameters the tensors of {@code model.safetensors} the node reads; absent when none
 * @param branches composites only: the sub-graphs, by role ({@code body}, {@code shortcut}, {@code after} of a
 *     residual; {@code query}, {@code key}, {@code value}, {@code attentionNeuron}, {@code projection} of an
 *     attention); an empty branch is the identity
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GraphNode(
        String name,
        String op,
        List<Integer> inputShape,
        List<Integer> outputShape,
        Map<String, Object> attributes,
        List<GraphParameter> parameters,
        Map<String, List<GraphNode>> branches) {}
