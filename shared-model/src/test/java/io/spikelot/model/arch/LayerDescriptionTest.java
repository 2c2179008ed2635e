package io.spikelot.model.arch;

import static io.spikelot.model.arch.ArchitectureCatalogTest.CIFAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LayerDescriptionTest {

    static List<String> names() {
        return ArchitectureCatalog.names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void layerAndParameterNamesAreUnique(String name) {
        Architecture architecture = ArchitectureCatalog.resolve(name, CIFAR, 10);

        assertThat(architecture.allLayers()).extracting(Layer::name).doesNotHaveDuplicates();
        assertThat(architecture.parameters()).extracting(ParameterSpec::name).doesNotHaveDuplicates();
        assertThat(architecture.parameters()).extracting(ParameterSpec::name).contains("head.weight");
    }

    @ParameterizedTest
    @MethodSource("names")
    void exactlyTheFirstWeightLayerIsTheEncoder(String name) {
        List<WeightLayer> weights = ArchitectureCatalog.resolve(name, CIFAR, 10).weightLayers();

        assertThat(weights.get(0).encoding()).isTrue();
        assertThat(weights.subList(1, weights.size())).noneMatch(WeightLayer::encoding);
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyLayerConsumesWhatThePreviousOneProduced(String name) {
        Architecture architecture = ArchitectureCatalog.resolve(name, CIFAR, 10);

        assertChained(architecture.input().asFeatureShape(), architecture.layers());
    }

    @ParameterizedTest
    @MethodSource("names")
    void weightsArePrunableWhileBiasesAndNormsAreNot(String name) {
        Architecture architecture = ArchitectureCatalog.resolve(name, CIFAR, 10);

        assertThat(architecture.weightLayers()).allMatch(WeightLayer::prunable);
        assertThat(architecture.weightLayers())
                .allSatisfy(l -> assertThat(l.weight().role()).isEqualTo(ParameterRole.WEIGHT));
        assertThat(architecture.parameters())
                .filteredOn(p -> p.role() == ParameterRole.WEIGHT)
                .hasSameSizeAs(architecture.weightLayers());
    }

    @org.junit.jupiter.api.Test
    void namesBlockParametersByTheirPath() {
        Architecture resnet = ArchitectureCatalog.resolve("resnet19", CIFAR, 10);

        assertThat(resnet.parameters())
                .extracting(ParameterSpec::name)
                .contains(
                        "conv1.weight",
                        "bn1.weight",
                        "bn1.bias",
                        "block2.conv1.weight",
                        "block1.shortcut.conv.weight",
                        "fc1.bias",
                        "head.bias")
                .doesNotContain("block2.shortcut.conv.weight");
    }

    @org.junit.jupiter.api.Test
    void shapesRejectNonPositiveDimensions() {
        assertThatThrownBy(() -> new InputShape(0, 32, 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeatureShape.of(3, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(FeatureShape.of(3, 4, 5).elements()).isEqualTo(60);
    }

    private static FeatureShape assertChained(FeatureShape start, List<Layer> layers) {
        FeatureShape current = start;
        for (Layer layer : layers) {
            assertThat(layer.input()).as(layer.name()).isEqualTo(current);
            if (layer instanceof ResidualLayer residual) {
                FeatureShape body = assertChained(current, residual.body());
                assertThat(assertChained(current, residual.shortcut())).isEqualTo(body);
                assertThat(assertChained(body, residual.after())).isEqualTo(layer.output());
            } else if (layer instanceof SelfAttentionLayer attention) {
                assertThat(assertChained(current, attention.query())).isEqualTo(current);
                assertThat(assertChained(current, attention.projection())).isEqualTo(layer.output());
            }
            current = layer.output();
        }
        return current;
    }
}
