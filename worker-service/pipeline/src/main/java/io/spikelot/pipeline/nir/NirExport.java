package io.spikelot.pipeline.nir;

import io.spikelot.model.graph.ModelGraph;
import io.spikelot.pipeline.tensor.HostTensor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job's {@code model.nir}, or why there is none, with the notes its result carries: one per approximation, or
 * the reason a spiking network's file was not written. Nothing is refused silently; a network without spiking
 * neurons (ReLU, sign) has no {@code model.nir} and no note, as the README states: NIR describes spiking networks.
 *
 * @param graph the NIR graph; empty when the network has no NIR form
 * @param notes sentences for the result's notes, each starting with {@code model.nir}
 */
public record NirExport(Optional<NirGraph> graph, List<String> notes) {

    public NirExport {
        notes = List.copyOf(notes);
    }

    /** Translates {@code graph} with {@code tensors} ({@link NirTranslation#of}). */
    public static NirExport of(ModelGraph graph, Map<String, ? extends HostTensor> tensors) {
        if (graph.neuronModel() == null) {
            return new NirExport(Optional.empty(), List.of());
        }
        try {
            NirGraph nir = NirTranslation.of(graph, tensors);
            return new NirExport(
                    Optional.of(nir),
                    nir.approximations().stream().map(a -> "model.nir: " + a).toList());
        } catch (NirUnsupportedException e) {
            return new NirExport(Optional.empty(), List.of("model.nir not written: " + e.getMessage()));
        }
    }
}
