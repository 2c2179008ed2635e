package io.spikelot.model.arch;

import static io.spikelot.model.arch.ArchitectureCatalogTest.CIFAR;
import static io.spikelot.model.arch.ArchitectureCatalogTest.FASHION_MNIST;
import static io.spikelot.model.arch.ArchitectureCatalogTest.layer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConvNetStructureTest {

    @Test
    void vgg9IsConv6WithPoolBeforeNormAndNoBiases() {
        Architecture vgg = ArchitectureCatalog.resolve("vgg9", CIFAR, 10);

        assertThat(vgg.layers().stream().limit(6).map(Layer::name))
                .containsExactly("conv1", "bn1", "lif1", "conv2", "pool1", "bn2");
        assertThat(layer(vgg, "pool3").output()).isEqualTo(FeatureShape.of(256, 4, 4));
        assertThat(layer(vgg, "flatten").output()).isEqualTo(FeatureShape.of(4096));
        assertThat(vgg.weightLayers())
                .extracting(Layer::name)
                .containsExactly("conv1", "conv2", "conv3", "conv4", "conv5", "conv6", "fc1", "fc2", "head");
        assertThat(vgg.weightLayers()).noneMatch(WeightLayer::bias);
        assertThat(vgg.allLayers())
                .filteredOn(BatchNormLayer.class::isInstance)
                .hasSize(8)
                .allMatch(l -> !((BatchNormLayer) l).affine());
    }

    @Test
    void vgg9AdaptsItsFirstConvAndFlattenToFashionMnist() {
        Architecture vgg = ArchitectureCatalog.resolve("vgg9", FASHION_MNIST, 10);

        // 28 → 14 → 7 → 3 with floor rounding
        assertThat(layer(vgg, "flatten").output()).isEqualTo(FeatureShape.of(256 * 3 * 3));
        assertThat(vgg.weightLayers().get(0).weight().shape()).containsExactly(64, 1, 3, 3);
        assertThat(((LinearLayer) layer(vgg, "fc1")).inFeatures()).isEqualTo(2304);
    }

    @Test
    void convNetSMatchesTheDjlSpikeNet() {
        Architecture net = ArchitectureCatalog.resolve("convnet-s", FASHION_MNIST, 10);

        assertThat(net.layers())
                .extracting(Layer::kind)
                .containsExactly(
                        LayerKind.CONV2D,
                        LayerKind.BATCH_NORM,
                        LayerKind.NEURON,
                        LayerKind.POOL,
                        LayerKind.CONV2D,
                        LayerKind.BATCH_NORM,
                        LayerKind.NEURON,
                        LayerKind.POOL,
                        LayerKind.FLATTEN,
                        LayerKind.LINEAR);
        assertThat(net.parameters())
                .extracting(ParameterSpec::name, ParameterSpec::shape)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("conv1.weight", List.of(32, 1, 3, 3)),
                        org.assertj.core.groups.Tuple.tuple("conv2.weight", List.of(64, 32, 3, 3)),
                        org.assertj.core.groups.Tuple.tuple("head.weight", List.of(10, 64 * 7 * 7)));
        Conv2dLayer conv1 = (Conv2dLayer) layer(net, "conv1");
        assertThat(List.of(conv1.kernel(), conv1.stride(), conv1.padding())).containsExactly(3, 1, 1);
        PoolLayer pool = (PoolLayer) layer(net, "pool1");
        assertThat(pool.type()).isEqualTo(PoolType.MAX);
        assertThat(List.of(pool.kernel(), pool.stride())).containsExactly(2, 2);
    }

    @Test
    void resnet19OfKimStartsAt64AndHalvesInEveryStage() {
        Architecture resnet = ArchitectureCatalog.resolve("resnet19", CIFAR, 10);

        assertThat(layer(resnet, "conv1").output()).isEqualTo(FeatureShape.of(64, 32, 32));
        assertThat(layer(resnet, "block1").output()).isEqualTo(FeatureShape.of(128, 16, 16));
        assertThat(layer(resnet, "block4").output()).isEqualTo(FeatureShape.of(256, 8, 8));
        assertThat(layer(resnet, "block8").output()).isEqualTo(FeatureShape.of(512, 4, 4));
        assertThat(layer(resnet, "avgpool").output()).isEqualTo(FeatureShape.of(512));
        assertThat(projectedBlocks(resnet)).containsExactly("block1", "block4", "block7");
    }

    @Test
    void resnet19TdbnStartsAt128AndKeepsResolutionInTheFirstStage() {
        Architecture resnet = ArchitectureCatalog.resolve("resnet19-tdbn", CIFAR, 10);

        assertThat(layer(resnet, "block3").output()).isEqualTo(FeatureShape.of(128, 32, 32));
        assertThat(layer(resnet, "block8").output()).isEqualTo(FeatureShape.of(512, 8, 8));
        assertThat(projectedBlocks(resnet)).containsExactly("block4", "block7");
    }

    @Test
    void basicBlockIsConvBnNeuronConvBnPlusShortcutThenNeuron() {
        ResidualLayer block = (ResidualLayer) layer(ArchitectureCatalog.resolve("resnet19", CIFAR, 10), "block1");

        assertThat(block.body())
                .extracting(Layer::name)
                .containsExactly("block1.conv1", "block1.bn1", "block1.lif1", "block1.conv2", "block1.bn2");
        assertThat(block.shortcut())
                .extracting(Layer::name)
                .containsExactly("block1.shortcut.conv", "block1.shortcut.bn");
        assertThat(block.after()).extracting(Layer::name).containsExactly("block1.lif2");
        Conv2dLayer shortcut = (Conv2dLayer) block.shortcut().get(0);
        assertThat(List.of(shortcut.kernel(), shortcut.stride(), shortcut.padding()))
                .containsExactly(1, 2, 0);
        assertThat(block.body().get(4).output())
                .isEqualTo(block.shortcut().get(1).output());
    }

    private static List<String> projectedBlocks(Architecture resnet) {
        return resnet.layers().stream()
                .filter(ResidualLayer.class::isInstance)
                .map(ResidualLayer.class::cast)
                .filter(b -> !b.shortcut().isEmpty())
                .map(Layer::name)
                .toList();
    }
}
