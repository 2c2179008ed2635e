package io.spikelot.model.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikelot.model.arch.ArchitectureMismatchException;
import io.spikelot.model.arch.InputShape;
import io.spikelot.model.arch.UnknownArchitectureException;
import org.junit.jupiter.api.Test;

class CostEstimatorTest {

    private static final InputShape CIFAR = new InputShape(3, 32, 32);

    @Test
    void reportsTotalsThatAreTheSumsOfItsLayers() {
        CostReport report = CostEstimator.estimate("resnet19", CIFAR, 100, 4, FiringRates.uniform(0.2), 16, 1);

        assertThat(report.architecture()).isEqualTo("resnet19");
        assertThat(report.input()).isEqualTo(CIFAR);
        assertThat(report.classes()).isEqualTo(100);
        assertThat(report.layers().stream().mapToLong(LayerCost::parameters).sum())
                .isEqualTo(report.parameters());
        assertThat(report.layers().stream().mapToLong(LayerCost::macs).sum()).isEqualTo(report.macs());
        assertThat(report.layers())
                .filteredOn(LayerCost::encoding)
                .extracting(LayerCost::name)
                .containsExactly("conv1");
        assertThat(report.effort().bitBudget()).isEqualTo(BitBudget.of(16, 1, 4));
    }

    @Test
    void withoutRatesAssumesEverySynapseFires() {
        CostReport report = CostEstimator.estimate("convnet-s", new InputShape(1, 28, 28), 10, 4, null, 16, 1);

        assertThat(report.firingRates()).isEqualTo(FiringRates.dense());
        assertThat(report.layer("conv2").inputFiringRate()).isEqualTo(1.0);
    }

    @Test
    void passesCatalogErrorsThrough() {
        assertThatThrownBy(() -> CostEstimator.estimate("lenet", CIFAR, 10, 4, null, 16, 1))
                .isInstanceOf(UnknownArchitectureException.class);
        assertThatThrownBy(() -> CostEstimator.estimate("vgg9", new InputShape(3, 4, 4), 10, 4, null, 16, 1))
                .isInstanceOf(ArchitectureMismatchException.class);
    }

    @Test
    void findsALayerByNameOrSaysItIsMissing() {
        CostReport report = CostEstimator.estimate("spikformer-tiny", CIFAR, 10, 4, null, 16, 1);

        assertThat(report.layer("block12.attn.av").kind()).isEqualTo(OperationKind.ATTENTION);
        assertThatThrownBy(() -> report.layer("block13.attn.av")).hasMessageContaining("spikformer-tiny");
    }
}
