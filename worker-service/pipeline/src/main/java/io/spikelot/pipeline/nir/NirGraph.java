package io.spikelot.pipeline.nir;

import java.util.List;
import java.util.Map;

/**
 * A whole network in NIR: nodes, directed edges (a node with several incoming edges receives their sum, which is
 * how a residual's two branches meet), the graph's metadata and the approximations made on the way.
 *
 * @param nodes in execution order, {@code input} first and {@code output} last
 * @param edges {@code [source, target]} node names
 * @param metadata what NIR has no field for: dt, T, the encoding and the readout, as strings and numbers
 * @param approximations what NIR cannot express and how it was written instead, one sentence each; empty when the
 *     file is exact
 */
public record NirGraph(
        List<NirNode> nodes, List<List<String>> edges, Map<String, Object> metadata, List<String> approximations) {

    public NirGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        metadata = Map.copyOf(metadata);
        approximations = List.copyOf(approximations);
    }
}
