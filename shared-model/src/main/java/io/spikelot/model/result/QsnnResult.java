package io.spikelot.model.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The result of a {@code qsnn} job: one row per W/S/T allocation, the accuracy-vs-S-ACE frontier, and the best
 * allocation's headline figures.
 *
 * @param architecture catalog name
 * @param dataset dataset name
 * @param bitBudget the spec's W·S·T budget; {@code null} when the allocations were listed explicitly
 * @param best the label of the most accurate allocation (ties: lower S-ACE, then the earlier)
 * @param accuracy the best allocation's test accuracy
 * @param sAce the best allocation's S-ACE, bit-operations per sample
 * @param nsAce the best allocation's NS-ACE
 * @param frontier labels of the allocations no other beats on both accuracy and S-ACE, by ascending S-ACE
 * @param macs conv and linear MACs per timestep
 * @param parameters learned scalars of the network
 * @param allocations one row per allocation, in the spec's order
 * @param definitions what S-ACE, NS-ACE, the 16-bit-equivalent parameter count and the frontier mean
 * @param wallSeconds the job's wall time
 * @param notes optional: what a reader should know about the files, such as what {@code model.nir} of the best
 *     allocation could not express and how it was approximated; absent when there is nothing to say
 */
public record QsnnResult(
        String architecture,
        String dataset,
        Integer bitBudget,
        String best,
        double accuracy,
        long sAce,
        double nsAce,
        List<String> frontier,
        long macs,
        long parameters,
        List<AllocationResult> allocations,
        Definitions definitions,
        double wallSeconds,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notes) {

    /**
     * One trained allocation.
     *
     * @param label {@code W4-S2-T1}
     * @param weightBits W
     * @param spikeBits S
     * @param timesteps T
     * @param bitBudget W·S·T
     * @param accuracy top-1 test accuracy
     * @param finalLoss the last training step's loss
     * @param macs conv and linear MACs per timestep
     * @param sAce MACs·T·W·S
     * @param nsAce Σ fr·MACs·T·W·S with the rates measured at each layer's input
     * @param sops dense synaptic operations, MACs·T
     * @param parameters learned scalars
     * @param parameterBits Σ parameters · bits
     * @param params16BitEquivalentMillions P·W/16/10⁶, the paper's Params (M)
     * @param meanFiringRate mean of {@code firingRates}
     * @param meanLevel mean of {@code meanLevels}
     * @param firingRates non-zero fraction of each LIF layer's output on the test split
     * @param meanLevels mean spike level of each LIF layer's output
     * @param epochs epochs trained
     * @param steps optimizer steps taken
     * @param zeroGradientSteps steps skipped because every gradient was zero
     * @param wallSeconds training and evaluation time
     * @param onFrontier whether the allocation is on the frontier
     * @param energy energy per image priced by what each layer read, with the per-layer table (MACs, input kind,
     *     input rate, mean level, energy, S-ACE, NS-ACE) whose S-ACE and NS-ACE columns sum to {@code sAce} and
     *     {@code nsAce}
     */
    public record AllocationResult(
            String label,
            int weightBits,
            int spikeBits,
            int timesteps,
            long bitBudget,
            double accuracy,
            double finalLoss,
            long macs,
            long sAce,
            double nsAce,
            long sops,
            long parameters,
            long parameterBits,
            double params16BitEquivalentMillions,
            double meanFiringRate,
            double meanLevel,
            Map<String, Double> firingRates,
            Map<String, Double> meanLevels,
            int epochs,
            int steps,
            int zeroGradientSteps,
            double wallSeconds,
            boolean onFrontier,
            EnergySummary energy) {}

    /** The definitions printed with every result, so a reader of the JSON alone knows what the numbers are. */
    public record Definitions(String sAce, String nsAce, String params16BitEquivalentMillions, String frontier) {

        public static final Definitions STANDARD = new Definitions(
                "MACs·T·W·S bit-operations per sample (conv and linear MACs per timestep, dense)",
                "Σ fr·MACs·T·W·S: each layer's MACs weighted by the non-zero fraction of the tensor it reads on the"
                        + " test split, measured at that layer (after pools and sums); analog input (the image, an"
                        + " average-pooled map) counts at rate 1",
                "P·W/16/10⁶, the paper's Params (M)",
                "allocations that no other beats on both accuracy and S-ACE");
    }
}
