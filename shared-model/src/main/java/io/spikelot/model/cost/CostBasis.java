package io.spikelot.model.cost;

/**
 * The constants and formulas an energy figure was computed with, returned alongside it.
 *
 * @param macEnergyPj energy of one 32-bit float multiply-accumulate, pJ
 * @param acEnergyPj energy of one 32-bit float accumulate, pJ
 * @param processNode the CMOS node the constants are measured at
 * @param source where the constants come from
 * @param annFormula how ANN energy is formed
 * @param snnFormula how SNN energy is formed
 */
public record CostBasis(
        double macEnergyPj,
        double acEnergyPj,
        String processNode,
        String source,
        String annFormula,
        String snnFormula) {

    /**
     * Horowitz (ISSCC 2014) 45 nm figures as used by Spikformer and SLT Appendix VI-A: E_MAC = 4.6 pJ, E_AC = 0.9
     * pJ. The encoding layer is charged once, not T times (Eq. 4 as written, D14).
     */
    public static final CostBasis HOROWITZ_45NM = new CostBasis(
            4.6,
            0.9,
            "45 nm, 32-bit float",
            "Horowitz, ISSCC 2014; Spikformer / SLT App. VI-A",
            "E_ANN = E_MAC · Σ_l MACs_l (attention matmuls included)",
            "E_SNN = E_MAC · MACs_encoding + E_AC · Σ_{l ≠ encoding} fr_l · T · MACs_l,"
                    + " fr_l = firing rate of layer l's input spikes");
}
