package io.spikelot.model.cost;

/**
 * Prices one layer's operations (ALGORITHMS §7, SLT App. VI-A). In the ANN every MAC costs E_MAC. In the SNN the
 * encoding layer, fed by the analog frame, does its MACs once (D14: Eq. 4 as written, not ×T, since the direct
 * encoding computes it once); every other conv, linear and attention matmul does {@code fr·T·MACs}
 * accumulates at E_AC. Weight density of pruned nets is not applied (D15): the caller's firing rates carry all
 * sparsity.
 */
public final class EnergyModel {

    private EnergyModel() {}

    /** The cost of {@code op} over {@code timesteps} with the given rates. */
    public static LayerCost price(OperationCount op, FiringRates rates, int timesteps, CostBasis basis) {
        double annPj = op.macs() * basis.macEnergyPj();
        if (op.kind() == OperationKind.NORM) {
            return cost(op, null, 0, annPj, 0);
        }
        if (op.encoding()) {
            return cost(op, null, 0, annPj, annPj);
        }
        double rate = rates.rateFor(op.name());
        double sops = rate * timesteps * op.macs();
        return cost(op, rate, sops, annPj, sops * basis.acEnergyPj());
    }

    private static LayerCost cost(OperationCount op, Double rate, double sops, double annPj, double snnPj) {
        return new LayerCost(op.name(), op.kind(), op.encoding(), op.parameters(), op.macs(), rate, sops, annPj, snnPj);
    }
}
