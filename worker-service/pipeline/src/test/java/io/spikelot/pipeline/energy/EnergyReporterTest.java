package io.spikelot.pipeline.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikelot.model.arch.Architecture;
import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.arch.InputShape;
import io.spikelot.model.cost.LayerCost;
import io.spikelot.model.cost.LayerInputKind;
import io.spikelot.model.cost.OperationKind;
import io.spikelot.model.result.EnergySummary;
import io.spikelot.pipeline.model.InputStatistics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Measured layer inputs price every supported architecture, and the per-layer table adds up to the totals. */
class EnergyReporterTest {

    @ParameterizedTest
    @ValueSource(strings = {"convnet-s", "vgg9", "vgg16", "resnet19", "spikformer-tiny"})
    void measuredSparseInputsLowerTheSnnEnergyAndTheTableSumsToTheTotals(String name) {
        Architecture architecture = ArchitectureCatalog.resolve(name, new InputShape(3, 32, 32), 10);
        Map<String, InputStatistics> inputs = new LinkedHashMap<>();
        architecture.weightLayers().stream().filter(l -> !l.encoding()).forEach(l -> inputs.put(l.name(), spikes(0.1)));
        EnergySummary dense = EnergyReporter.energy(architecture, 4, Map.of(), Map.of(), 1.0);
        EnergySummary sparse = EnergyReporter.energy(architecture, 4, inputs, Map.of(), 1.0);

        assertThat(sparse.inputFiringRates()).isNotEmpty();
        assertThat(sparse.snnMj()).isLessThan(dense.snnMj());
        assertThat(sparse.annMj()).isEqualTo(dense.annMj());
        double snnPj =
                sparse.layers().stream().mapToDouble(LayerCost::snnEnergyPj).sum();
        assertThat(snnPj / 1e9).isCloseTo(sparse.snnMj(), within(1e-12));
        assertThat(sparse.layers().stream().mapToDouble(LayerCost::sops).sum()).isCloseTo(sparse.sops(), within(1e-6));
    }

    @Test
    void withoutPatchesThePatchScaledFiguresAreAbsent() {
        Architecture vgg9 = ArchitectureCatalog.resolve("vgg9", new InputShape(3, 32, 32), 10);
        EnergySummary energy = EnergyReporter.energy(vgg9, 4, Map.of(), Map.of(), 1.0);

        assertThat(energy.annMjPatchScaled()).isNull();
        assertThat(energy.snnMjPatchScaled()).isNull();
        assertThat(energy.patchScaling()).isNull();
        assertThatThrownBy(() -> EnergyReporter.energy(vgg9, 4, Map.of(), Map.of(), 0.0))
                .hasMessageContaining("(0, 1]");
    }

    @Test
    void anAnalogInputAfterAnAveragePoolIsChargedAsMultiplies() {
        Architecture resnet = ArchitectureCatalog.resolve("resnet19", new InputShape(3, 32, 32), 10);
        String last =
                resnet.weightLayers().get(resnet.weightLayers().size() - 1).name();
        InputStatistics averaged = new InputStatistics(1_000, 900, 0, LayerInputKind.ANALOG, false);

        LayerCost head =
                EnergyReporter.report(resnet, 4, Map.of(last, averaged), 16, 1).layer(last);

        assertThat(head.kind()).isIn(OperationKind.LINEAR, OperationKind.CONV);
        assertThat(head.inputKind()).isEqualTo(LayerInputKind.ANALOG);
        assertThat(head.snnEnergyPj()).isCloseTo(4.6 * 4 * head.macs(), within(1e-6));
        assertThat(head.sops()).isZero();
    }

    private static InputStatistics spikes(double rate) {
        return new InputStatistics(1_000, Math.round(rate * 1_000), rate * 1_000, LayerInputKind.SPIKES, false);
    }
}
