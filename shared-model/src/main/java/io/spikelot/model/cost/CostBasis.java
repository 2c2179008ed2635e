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
 * @param effortFormula how S-ACE and NS-ACE are formed, and how their charging of the encoder differs from energy's
 */
public record CostBasis(
        double macEnergyPj,
        double acEnergyPj,
        String processNode,
        String source,
        String annFormula,
        String snnFormula,
        String effortFormula) {

    /**
     * Horowitz (ISSCC 2014) 45 nm figures as used by Spikformer and SLT Appendix VI-A: E_MAC = 4.6 pJ, E_AC = 0.9
     * pJ. The static-image encoding layer is charged once, not T times (Eq. 4 as written, D14).
     */
    public static final CostBasis HOROWITZ_45NM = new CostBasis(
            4.6,
            0.9,
            "45 nm, 32-bit float",
            "Horowitz, ISSCC 2014; Spikformer / SLT App. VI-A",
            "E_ANN = E_MAC · Σ_l MACs_l (attention matmuls included)",
            "E_SNN = Σ_l analog input: E_MAC · MACs_l · (1 for the static-image encoder, D14; else T);"
                    + " spikes: E_AC · fr_l · T · MACs_l; multi-level: E_AC · level_l · T · MACs_l."
                    + " fr_l and level_l are the non-zero fraction and mean level of the tensor layer l reads,"
                    + " measured there (after pools, sums and attention); event frames run the first conv T times",
            "S-ACE = Σ_{conv, linear} MACs_l · T · W · S, the encoder charged ×T as the QSNN paper counts it"
                    + " (energy charges it once for static images, as Spikformer / SLT Eq. 4 do);"
                    + " NS-ACE = Σ fr_l · MACs_l · T · W · S, fr_l = non-zero fraction of layer l's input (D13),"
                    + " 1 for analog input; attention matmuls have no W-bit operand and are left out");
}
