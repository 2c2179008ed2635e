package io.spikelot.model.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.spikelot.model.spec.ImpMethod;
import io.spikelot.model.spec.NeuronKind;
import io.spikelot.model.spec.PruneScope;
import java.util.List;
import java.util.Map;

/**
 * The result of an {@code imp} job: one row per round, the dense baseline, the winning round (the sparsest within
 * one accuracy point of dense), the Early-Bird and Early-Time details when used, and the search cost. Fields marked
 * optional are left out of the JSON when absent.
 *
 * @param type always {@code imp}
 * @param method IMP or Early-Bird
 * @param architecture catalog name
 * @param dataset dataset name
 * @param neuron the network's neuron kind
 * @param timesteps T of the final training (the full T)
 * @param scope global or per-layer magnitude ranking
 * @param ratePerRound the share of survivors each round removes
 * @param denseAccuracy the dense round's test accuracy, in [0, 1]
 * @param winningRound the sparsest round within one point of {@code denseAccuracy} (the dense round if none is)
 * @param accuracy the winning round's test accuracy
 * @param sparsity the winning round's fraction of prunable weights removed
 * @param rounds one row per trained round, in order
 * @param earlyBird optional, Early-Bird: the stop epoch and the mask distances
 * @param earlyTime optional, Early-Time: every candidate's KL and the chosen T′
 * @param searchCost epoch·timestep units and wall time of the search and the final training
 * @param resumedFromRound optional: the first round this attempt trained when it resumed an earlier attempt's
 *     checkpoint
 * @param wallSeconds the job's wall time (this attempt)
 * @param device the engine device ({@code cpu()}, {@code gpu(0)})
 * @param engine engine name and version
 * @param seed the training seed
 */
public record ImpResult(
        String type,
        ImpMethod method,
        String architecture,
        String dataset,
        NeuronKind neuron,
        int timesteps,
        PruneScope scope,
        double ratePerRound,
        double denseAccuracy,
        int winningRound,
        double accuracy,
        double sparsity,
        List<Round> rounds,
        @JsonInclude(JsonInclude.Include.NON_NULL) EarlyBird earlyBird,
        @JsonInclude(JsonInclude.Include.NON_NULL) EarlyTime earlyTime,
        SearchCost searchCost,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer resumedFromRound,
        double wallSeconds,
        String device,
        String engine,
        long seed) {

    /**
     * One trained round.
     *
     * @param round from 0 (dense)
     * @param phase {@code dense}, {@code prune} (an IMP round), {@code early-bird-search} or {@code retrain}
     * @param search whether the round counts as search cost (every IMP round but the last; the Early-Bird search)
     * @param sparsity removed prunable weights over all prunable weights
     * @param sparsityByLayer removed fraction per prunable weight ({@code conv1.weight})
     * @param accuracy top-1 test accuracy after the round
     * @param loss the round's last training step's loss
     * @param firingRateByLayer test-set firing rate per LIF layer; empty for relu
     * @param energy energy per image at the round's firing rates and density
     * @param epochs epochs trained in the round
     * @param timesteps T of each stretch of the round, in order (two entries where Early-Time switched T inside it)
     * @param epochTimesteps the round's cost, Σ epochs · T
     * @param wallSeconds the round's training and evaluation time
     */
    public record Round(
            int round,
            String phase,
            boolean search,
            double sparsity,
            Map<String, Double> sparsityByLayer,
            double accuracy,
            double loss,
            Map<String, Double> firingRateByLayer,
            EnergySummary energy,
            int epochs,
            List<Integer> timesteps,
            long epochTimesteps,
            double wallSeconds) {}

    /**
     * The Early-Bird search.
     *
     * @param targetSparsity the ticket's sparsity, 1 − (1 − rate)^targetSparsityRound
     * @param distanceThreshold the search stops when every distance is below it
     * @param queue masks held in the FIFO
     * @param stopEpoch the search epochs trained before the mask settled; null when it never did (then the mask of
     *     the last epoch is the ticket)
     * @param distances per epoch start with a full queue, the largest distance between the newest mask and the
     *     older ones
     */
    public record EarlyBird(
            double targetSparsity,
            double distanceThreshold,
            int queue,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer stopEpoch,
            List<Double> distances) {}

    /**
     * The Early-Time selection.
     *
     * @param afterEpoch the dense training epochs after which the probe ran
     * @param probeImages training images the time-mean logits were compared on
     * @param candidates the T′ tried, ascending
     * @param kl KL(softmax at T ‖ softmax at T′) per candidate, mean over all elements
     * @param normalizedKl {@code kl} divided by its largest value
     * @param threshold the normalised KL under which a candidate qualifies
     * @param chosenTimesteps the smallest qualifying T′, else the full T
     */
    public record EarlyTime(
            int afterEpoch,
            int probeImages,
            List<Integer> candidates,
            List<Double> kl,
            List<Double> normalizedKl,
            double threshold,
            int chosenTimesteps) {}

    /**
     * What finding the ticket cost. One unit is one epoch at one timestep (an epoch at T = 5 costs 5).
     *
     * @param searchEpochTimesteps the search rounds' Σ epochs · T
     * @param finalEpochTimesteps the last IMP round's or the Early-Bird retraining's
     * @param searchSeconds wall time of the search rounds
     * @param finalSeconds wall time of the final training
     * @param searchEpochTimestepsAtFullT the same search epochs at the full T: the cost without Early-Time
     * @param earlyTimeSaving 1 − search / searchAtFullT: the share of search cost Early-Time saved (0 without it)
     */
    public record SearchCost(
            long searchEpochTimesteps,
            long finalEpochTimesteps,
            double searchSeconds,
            double finalSeconds,
            long searchEpochTimestepsAtFullT,
            double earlyTimeSaving) {}
}
