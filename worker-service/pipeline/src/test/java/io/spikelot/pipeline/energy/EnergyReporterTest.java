package io.spikelot.pipeline.energy;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.model.arch.Architecture;
import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.arch.InputShape;
import io.spikelot.model.arch.NeuronLayer;
import io.spikelot.model.result.EnergySummary;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LIF output rates map onto the cost model's layer inputs for every supported architecture, residuals included. */
class EnergyReporterTest {

    @ParameterizedTest
    @ValueSource(strings = {"convnet-s", "vgg9", "vgg16", "resnet19"})
    void measuredRatesLowerTheSnnEnergy(String name) {
        Architecture architecture = ArchitectureCatalog.resolve(name, new InputShape(3, 32, 32), 10);
        Map<String, Double> rates = new LinkedHashMap<>();
        architecture.allLayers().stream().filter(NeuronLayer.class::isInstance).forEach(l -> rates.put(l.name(), 0.1));
        EnergySummary dense = EnergyReporter.energy(architecture, 4, Map.of(), Map.of(), 1.0);
        EnergySummary sparse = EnergyReporter.energy(architecture, 4, rates, Map.of(), 1.0);
        assertThat(rates).isNotEmpty();
        assertThat(sparse.inputFiringRates()).isNotEmpty();
        assertThat(sparse.snnMj()).isLessThan(dense.snnMj());
        assertThat(sparse.annMj()).isEqualTo(dense.annMj());
    }
}
