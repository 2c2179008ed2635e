package io.spikelot.model.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikelot.model.arch.Architecture;
import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.arch.InputShape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pricing by what each layer reads: analog, binary spikes or multi-level spikes (ALGORITHMS §6–§7). */
class MeasuredInputsTest {

    private static final Architecture TINY = ArchitectureCatalog.resolve("convnet-s", new InputShape(1, 4, 4), 2);

    @Test
    void pricesEachLayerByTheKindOfItsInput() {
        // conv1 4,608 MACs reads the image once; conv2 73,728 MACs reads pooled 2-bit spikes (rate 0.3, level 0.6);
        // head 128 MACs reads an averaged, analog map. T = 2, W = 4, S = 2 → BB = 16
        CostReport report = CostEstimator.estimateMeasured(
                TINY,
                2,
                Map.of(
                        "conv1", LayerInput.analog(0.9).runOnce(),
                        "conv2", LayerInput.multiLevel(0.3, 0.6),
                        "head", LayerInput.analog(1.0)),
                4,
                2);

        // conv1: 4,608·4.6 = 21,196.8 pJ once (D14)
        assertThat(report.layer("conv1").snnEnergyPj()).isCloseTo(21_196.8, within(1e-9));
        // conv2: 0.6·2·73,728 = 88,473.6 accumulates at 0.9 pJ = 79,626.24 pJ
        assertThat(report.layer("conv2").sops()).isCloseTo(88_473.6, within(1e-9));
        assertThat(report.layer("conv2").snnEnergyPj()).isCloseTo(79_626.24, within(1e-9));
        assertThat(report.layer("conv2").inputKind()).isEqualTo(LayerInputKind.MULTI_LEVEL);
        assertThat(report.layer("conv2").inputMeanLevel()).isEqualTo(0.6);
        // head: analog input, MACs every timestep: 128·4.6·2 = 1,177.6 pJ, no synaptic operations
        assertThat(report.layer("head").snnEnergyPj()).isCloseTo(1_177.6, within(1e-9));
        assertThat(report.layer("head").sops()).isZero();
        // S-ACE charges the encoder ×T: (4,608 + 73,728 + 128)·2·4·2; NS-ACE weights conv2 by its non-zero fraction
        assertThat(report.effort().sAce()).isEqualTo(78_464L * 16);
        assertThat(report.effort().nsAce()).isCloseTo((4_608 + 0.3 * 73_728 + 128) * 16, within(1e-6));
    }

    @Test
    void aFirstConvOnEventFramesIsChargedEveryTimestep() {
        // event counts as multi-level input, run T = 4 times: 1.5·4·4,608 accumulates, not 4,608 MACs once
        CostReport report =
                CostEstimator.estimateMeasured(TINY, 4, Map.of("conv1", LayerInput.multiLevel(0.5, 1.5)), 16, 1);

        assertThat(report.layer("conv1").snnEnergyPj()).isCloseTo(0.9 * 1.5 * 4 * 4_608, within(1e-9));
        assertThat(report.energy().snnEncodingEnergyMj()).isCloseTo(0.9 * 1.5 * 4 * 4_608 / 1e9, within(1e-15));
    }

    @Test
    void thePerLayerTableSumsToTheHeadlineFigures() {
        CostReport report = CostEstimator.estimateMeasured(
                TINY, 3, Map.of("conv1", LayerInput.analog(1.0).runOnce(), "conv2", LayerInput.spikes(0.25)), 2, 1);

        double snnPj =
                report.layers().stream().mapToDouble(LayerCost::snnEnergyPj).sum();
        double annPj =
                report.layers().stream().mapToDouble(LayerCost::annEnergyPj).sum();
        assertThat(snnPj / 1e9).isCloseTo(report.energy().snnEnergyMj(), within(1e-15));
        assertThat(annPj / 1e9).isCloseTo(report.energy().annEnergyMj(), within(1e-15));
        assertThat(report.layers().stream().mapToDouble(LayerCost::sops).sum())
                .isEqualTo(report.energy().sops());
        assertThat(report.layers().stream().mapToLong(LayerCost::sAce).sum())
                .isEqualTo(report.effort().sAce());
        assertThat(report.layers().stream().mapToDouble(LayerCost::nsAce).sum())
                .isCloseTo(report.effort().nsAce(), within(1e-6));
        // head was not measured: the dense upper bound, binary spikes at rate 1
        assertThat(report.layer("head").inputFiringRate()).isEqualTo(1.0);
    }

    @Test
    void rejectsMeasurementsOfUnknownLayers() {
        assertThatThrownBy(
                        () -> CostEstimator.estimateMeasured(TINY, 2, Map.of("conv7", LayerInput.spikes(0.1)), 16, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conv7");
    }

    @Test
    void rejectsAnInputWithoutALevelOrWithARateOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new LayerInput(LayerInputKind.SPIKES, 0.2, null, false))
                .hasMessageContaining("mean level");
        assertThatThrownBy(() -> LayerInput.spikes(1.5)).hasMessageContaining("[0, 1]");
    }
}
