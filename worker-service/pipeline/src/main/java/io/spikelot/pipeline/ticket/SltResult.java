package io.spikelot.pipeline.ticket;

import io.spikelot.pipeline.artifact.TensorBytes;
import io.spikelot.pipeline.train.TrainingResult;
import java.util.Map;

/**
 * The outcome of a ticket search.
 *
 * @param training the training run (history, final test evaluation)
 * @param masks BOOL masks by weight name ({@code conv1.weight}), same shape as the weight
 * @param weights F32 effective weights by weight name: W ⊙ M (edge-popup) or α·sign(W) ⊙ M (biprop)
 */
public record SltResult(TrainingResult training, Map<String, TensorBytes> masks, Map<String, TensorBytes> weights) {

    public SltResult {
        masks = Map.copyOf(masks);
        weights = Map.copyOf(weights);
    }
}
