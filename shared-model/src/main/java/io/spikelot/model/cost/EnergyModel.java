package io.spikelot.model.cost;

/**
 * Prices one layer's operations (ALGORITHMS §6–§7, SLT App. VI-A) by what its input is. In the ANN every MAC costs
 * E_MAC. In the SNN a layer with analog input does its MACs at E_MAC, once for the static-image encoder (D14: Eq. 4
 * as written, its output is repeated T times) and T times elsewhere (a conv on event frames, a linear after an
 * average pool); a layer with spike input does {@code accumulates-per-MAC·T·MACs} accumulates at E_AC, where a
 * level-k spike is k accumulates. Weight density of pruned nets is not applied here (D15).
 *
 * <p>The QSNN effort follows its own paper: S-ACE charges every conv and linear ×T, the encoder included, and NS-ACE
 * weights it by the non-zero fraction of the input (D13), 1 for analog input.
 */
public final class EnergyModel {

    private EnergyModel() {}

    /** The cost of {@code op} read from {@code input} (null for BatchNorm) under {@code budget} (whose T is used). */
    public static LayerCost price(OperationCount op, LayerInput input, BitBudget budget, CostBasis basis) {
        double annPj = op.macs() * basis.macEnergyPj();
        if (op.kind() == OperationKind.NORM) {
            return new LayerCost(
                    op.name(),
                    op.kind(),
                    op.encoding(),
                    op.parameters(),
                    op.macs(),
                    null,
                    0,
                    annPj,
                    0,
                    null,
                    null,
                    0,
                    0);
        }
        int timesteps = budget.timesteps();
        double sops = input.accumulatesPerMac() * timesteps * op.macs();
        double snnPj = input.kind() == LayerInputKind.ANALOG
                ? annPj * (input.once() ? 1 : timesteps)
                : sops * basis.acEnergyPj();
        boolean weighted = op.kind() == OperationKind.CONV || op.kind() == OperationKind.LINEAR;
        long sAce = weighted ? Math.multiplyExact(op.macs(), budget.bitsPerSynapse()) : 0;
        double nsAce = weighted ? input.nsAceRate() * sAce : 0;
        return new LayerCost(
                op.name(),
                op.kind(),
                op.encoding(),
                op.parameters(),
                op.macs(),
                input.rate(),
                sops,
                annPj,
                snnPj,
                input.kind(),
                input.meanLevel(),
                sAce,
                nsAce);
    }
}
