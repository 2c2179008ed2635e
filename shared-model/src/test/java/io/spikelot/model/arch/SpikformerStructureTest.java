package io.spikelot.model.arch;

import static io.spikelot.model.arch.ArchitectureCatalogTest.CIFAR;
import static io.spikelot.model.arch.ArchitectureCatalogTest.EVENT_FRAMES;
import static io.spikelot.model.arch.ArchitectureCatalogTest.FASHION_MNIST;
import static io.spikelot.model.arch.ArchitectureCatalogTest.layer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpikformerStructureTest {

    private final Architecture cifar = ArchitectureCatalog.resolve("spikformer-4-384", CIFAR, 10);

    @Test
    void patchEmbeddingWidensAt32PixelsThenPoolsTwiceInto64Tokens() {
        assertThat(layer(cifar, "patch_embed.proj_lif2").output()).isEqualTo(FeatureShape.of(192, 32, 32));
        assertThat(layer(cifar, "patch_embed.proj_conv3").output()).isEqualTo(FeatureShape.of(384, 16, 16));
        assertThat(layer(cifar, "patch_embed.rpe").output()).isEqualTo(FeatureShape.of(384, 8, 8));
        assertThat(layer(cifar, "patch_embed.tokens").output()).isEqualTo(FeatureShape.of(64, 384));
        PoolLayer pool = (PoolLayer) layer(cifar, "patch_embed.maxpool2");
        assertThat(new int[] {pool.kernel(), pool.stride(), pool.padding()}).containsExactly(3, 2, 1);
    }

    @Test
    void fashionMnistGivesA7By7TokenGrid() {
        Architecture mnist = ArchitectureCatalog.resolve("spikformer-4-384", FASHION_MNIST, 10);

        assertThat(layer(mnist, "patch_embed.tokens").output()).isEqualTo(FeatureShape.of(49, 384));
    }

    @Test
    void eventStemPoolsAfterEachOfItsFourConvs() {
        Architecture dvs = ArchitectureCatalog.resolve("spikformer-dvs", EVENT_FRAMES, 10);

        assertThat(layer(dvs, "patch_embed.maxpool").output()).isEqualTo(FeatureShape.of(32, 64, 64));
        assertThat(layer(dvs, "patch_embed.maxpool3").output()).isEqualTo(FeatureShape.of(256, 8, 8));
        assertThat(((LinearLayer) layer(dvs, "block1.attn.q_linear")).bias()).isFalse();
        assertThat(((SelfAttentionLayer) layer(dvs, "block1.attn")).scale()).isEqualTo(0.25);
    }

    @Test
    void onlyThePatchEmbeddingConvsAreConvPep() {
        assertThat(cifar.weightLayers())
                .filteredOn(l -> l instanceof Conv2dLayer c && c.convPep())
                .extracting(Layer::name)
                .containsExactly(
                        "patch_embed.proj_conv",
                        "patch_embed.proj_conv1",
                        "patch_embed.proj_conv2",
                        "patch_embed.proj_conv3",
                        "patch_embed.rpe_conv");
        for (String cnn : new String[] {"vgg9", "resnet19", "convnet-s"}) {
            assertThat(ArchitectureCatalog.resolve(cnn, CIFAR, 10).weightLayers())
                    .noneMatch(l -> l instanceof Conv2dLayer c && c.convPep());
        }
    }

    @Test
    void selfAttentionHasSpikingQueryKeyValueAndAHalfThresholdNeuron() {
        SelfAttentionLayer attention = (SelfAttentionLayer) layer(cifar, "block4.attn");

        assertThat(attention.heads()).isEqualTo(12);
        assertThat(attention.dim()).isEqualTo(384);
        assertThat(attention.scale()).isEqualTo(0.125);
        assertThat(attention.tokens()).isEqualTo(64);
        assertThat(attention.query())
                .extracting(Layer::name)
                .containsExactly("block4.attn.q_linear", "block4.attn.q_bn", "block4.attn.q_lif");
        assertThat(attention.attentionNeuron().threshold()).isEqualTo(0.5);
        assertThat(attention.projection())
                .extracting(Layer::name)
                .containsExactly("block4.attn.proj_linear", "block4.attn.proj_bn", "block4.attn.proj_lif");
        assertThat(((LinearLayer) attention.key().get(0)).bias()).isTrue();
    }

    @Test
    void blockIsAttentionResidualThenMlpResidualWithRatioFour() {
        ResidualLayer mlp = (ResidualLayer) layer(cifar, "block1.mlp_residual");

        assertThat(mlp.shortcut()).isEmpty();
        assertThat(mlp.body())
                .extracting(Layer::output)
                .containsExactly(
                        FeatureShape.of(64, 1536),
                        FeatureShape.of(64, 1536),
                        FeatureShape.of(64, 1536),
                        FeatureShape.of(64, 384),
                        FeatureShape.of(64, 384),
                        FeatureShape.of(64, 384));
        assertThat(cifar.layers()).extracting(Layer::name).endsWith("block4.mlp_residual", "token_mean", "head");
    }

    @Test
    void tinyAndSmallFollowTheD10Proposal() {
        Architecture tiny = ArchitectureCatalog.resolve("spikformer-tiny", CIFAR, 10);
        Architecture small = ArchitectureCatalog.resolve("spikformer-small", CIFAR, 10);

        assertThat(((SelfAttentionLayer) layer(tiny, "block12.attn")).heads()).isEqualTo(3);
        assertThat(layer(tiny, "patch_embed.tokens").output()).isEqualTo(FeatureShape.of(64, 192));
        assertThat(((SelfAttentionLayer) layer(small, "block12.attn")).heads()).isEqualTo(6);
        assertThat(tiny.allLayers()).noneMatch(l -> l.name().startsWith("block13"));
    }
}
