package io.spikelot.model.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikelot.model.arch.InputShape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SNN and ANN energy (ALGORITHMS §7) on the hand-counted tiny net of {@link MacCountTest}. */
class EnergyTest {

    // convnet-s on 1×4×4 with 2 classes: conv1 4,608 MACs (encoding), conv2 73,728, head 128
    private static final InputShape TINY = new InputShape(1, 4, 4);
    private static final double TOLERANCE_MJ = 1e-15;

    @Test
    void annEnergyIsEveryMacAt4Point6PicoJoules() {
        EnergyReport energy = estimate(FiringRates.uniform(0.5), 2).energy();

        // 78,464 · 4.6 pJ = 360,934.4 pJ
        assertThat(energy.annEnergyMj()).isCloseTo(360_934.4e-9, within(TOLERANCE_MJ));
    }

    @Test
    void snnEnergyChargesTheEncoderOnceAtMacCostAndTheRestAsRateTimesTAccumulates() {
        CostReport report = estimate(FiringRates.uniform(0.5), 2);

        // encoder 4,608 · 4.6 = 21,196.8 pJ; conv2 0.5·2·73,728 = 73,728 SOPs; head 0.5·2·128 = 128 SOPs
        // → 0.9 · 73,856 = 66,470.4 pJ
        assertThat(report.energy().snnEncodingEnergyMj()).isCloseTo(21_196.8e-9, within(TOLERANCE_MJ));
        assertThat(report.energy().snnSynapticEnergyMj()).isCloseTo(66_470.4e-9, within(TOLERANCE_MJ));
        assertThat(report.energy().snnEnergyMj()).isCloseTo(87_667.2e-9, within(TOLERANCE_MJ));
        assertThat(report.energy().sops()).isEqualTo(73_856.0);
        assertThat(report.layer("conv1").inputKind()).isEqualTo(LayerInputKind.ANALOG);
        assertThat(report.layer("conv1").inputMeanLevel()).isNull();
        assertThat(report.layer("conv1").sops()).isZero();
    }

    @Test
    void appliesMeasuredPerLayerRates() {
        CostReport report = estimate(FiringRates.measured(Map.of("conv2", 0.2, "head", 0.4), null), 3);

        // conv2 0.2·3·73,728 = 44,236.8 SOPs; head 0.4·3·128 = 153.6 SOPs
        assertThat(report.layer("conv2").sops()).isCloseTo(44_236.8, within(1e-9));
        assertThat(report.layer("head").snnEnergyPj()).isCloseTo(0.9 * 153.6, within(1e-9));
        // 21,196.8 + 0.9 · 44,390.4 = 61,148.16 pJ
        assertThat(report.energy().snnEnergyMj()).isCloseTo(61_148.16e-9, within(TOLERANCE_MJ));
    }

    @Test
    void silentNetworkCostsOnlyItsEncoder() {
        EnergyReport energy = estimate(FiringRates.uniform(0.0), 4).energy();

        assertThat(energy.snnEnergyMj()).isEqualTo(energy.snnEncodingEnergyMj());
        assertThat(energy.snnSynapticEnergyMj()).isZero();
    }

    @Test
    void reproducesSltVgg9EnergiesOnCifar10() {
        // SLT: 0.708 mJ ANN; 0.093 mJ dense SNN, which §7 says implies fr·T = 0.620 (fr 0.155 at T = 4):
        // 1,769,472·4.6 + 0.9·0.62·152,111,616 = 8,139,571.2 + 84,878,281.728 pJ
        CostReport report =
                CostEstimator.estimate("vgg9", new InputShape(3, 32, 32), 10, 4, FiringRates.uniform(0.155), 16, 1);

        assertThat(report.energy().annEnergyMj()).isCloseTo(0.7078530048, within(1e-12));
        assertThat(report.energy().annEnergyMj()).isCloseTo(0.708, within(0.0005));
        assertThat(report.energy().snnEnergyMj()).isCloseTo(0.093017852928, within(1e-12));
        assertThat(report.energy().snnEnergyMj()).isCloseTo(0.093, within(0.0005));
    }

    @Test
    void returnsTheBasisWithEveryFigure() {
        CostBasis basis = estimate(FiringRates.uniform(0.1), 1).energy().basis();

        assertThat(basis.macEnergyPj()).isEqualTo(4.6);
        assertThat(basis.acEnergyPj()).isEqualTo(0.9);
        assertThat(basis.processNode()).contains("45 nm");
        assertThat(basis.snnFormula()).contains("E_AC").contains("fr_l · T");
        assertThat(basis.effortFormula()).contains("×T").contains("once");
    }

    @Test
    void rejectsRatesOutsideTheUnitInterval() {
        assertThatThrownBy(() -> FiringRates.uniform(1.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> FiringRates.measured(Map.of("conv2", -0.1), 0.2))
                .hasMessageContaining("conv2");
        assertThatThrownBy(() -> FiringRates.measured(Map.of(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsRatesForLayersThatDoNotTakeSpikes() {
        // conv1 reads the analog frame; bn1 does no synaptic operations; conv9 does not exist
        assertThatThrownBy(() -> estimate(FiringRates.measured(Map.of("conv1", 0.3, "conv9", 0.1), 0.2), 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[conv1, conv9]")
                .hasMessageContaining("[conv2, head]");
    }

    @Test
    void namesTheLayerWithNoRateWhenThereIsNoDefault() {
        assertThatThrownBy(() -> estimate(FiringRates.measured(Map.of("conv2", 0.3), null), 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'head'");
    }

    private static CostReport estimate(FiringRates rates, int timesteps) {
        return CostEstimator.estimate("convnet-s", TINY, 2, timesteps, rates, 16, 1);
    }
}
