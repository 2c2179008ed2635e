package io.spikelot.pipeline.ticket;

import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.train.TrainingResult;
import java.util.Map;

/**
 * A winning ticket as a search found it.
 *
 * @param training the training run (history, final test evaluation)
 * @param masks masks by weight name ({@code conv1.weight}), same shape as the weight
 * @param weights effective weights by weight name: W ⊙ M (edge-popup) or α·sign(W) ⊙ M (biprop)
 */
public record Ticket(
        TrainingResult training, Map<String, HostTensor.Booleans> masks, Map<String, HostTensor.Floats> weights) {

    public Ticket {
        masks = Map.copyOf(masks);
        weights = Map.copyOf(weights);
    }
}
