package io.spikelot.pipeline.ticket;

import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.train.TrainingResult;
import java.util.List;
import java.util.Map;

/**
 * A winning ticket as a search found it.
 *
 * @param training the training run (history, final test evaluation)
 * @param masks masks by weight name ({@code conv1.weight}), same shape as the weight
 * @param weights effective weights by weight name: W ⊙ M (edge-popup) or α·sign(W) ⊙ M (biprop)
 * @param keptFractionByEpoch the kept fraction of each search epoch of a global ranking (annealed); empty for
 *     layer-wise masks, whose kept fraction is fixed
 */
public record Ticket(
        TrainingResult training,
        Map<String, HostTensor.Booleans> masks,
        Map<String, HostTensor.Floats> weights,
        List<Double> keptFractionByEpoch) {

    public Ticket {
        masks = Map.copyOf(masks);
        weights = Map.copyOf(weights);
        keptFractionByEpoch = List.copyOf(keptFractionByEpoch);
    }
}
