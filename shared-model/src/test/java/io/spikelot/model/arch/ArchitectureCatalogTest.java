package io.spikelot.model.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArchitectureCatalogTest {

    static final InputShape FASHION_MNIST = new InputShape(1, 28, 28);
    static final InputShape CIFAR = new InputShape(3, 32, 32);
    static final InputShape EVENT_FRAMES = new InputShape(2, 128, 128);

    static Stream<Arguments> everyArchitectureOnEveryStaticDataset() {
        return ArchitectureCatalog.names().stream()
                .flatMap(name -> Stream.of(
                        Arguments.of(name, FASHION_MNIST, 10),
                        Arguments.of(name, CIFAR, 10),
                        Arguments.of(name, CIFAR, 100)));
    }

    @Test
    void listsTheFixedNamesInCatalogOrder() {
        assertThat(ArchitectureCatalog.names())
                .containsExactly(
                        "convnet-s",
                        "vgg9",
                        "vgg16",
                        "resnet19",
                        "resnet19-tdbn",
                        "spikformer-4-384",
                        "spikformer-tiny",
                        "spikformer-small",
                        "spikformer-dvs",
                        "spikformer-tiny-dvs",
                        "spikformer-small-dvs");
        assertThat(ArchitectureCatalog.entries())
                .allSatisfy(e -> assertThat(e.summary()).isNotBlank());
    }

    @ParameterizedTest(name = "{0} on {1} with {2} classes")
    @MethodSource("everyArchitectureOnEveryStaticDataset")
    void resolvesToLogitsOfTheClassCount(String name, InputShape input, int classes) {
        Architecture architecture = ArchitectureCatalog.resolve(name, input, classes);

        assertThat(architecture.output()).isEqualTo(FeatureShape.of(classes));
        assertThat(architecture.layers().get(0).input()).isEqualTo(input.asFeatureShape());
        assertThat(architecture.weightLayers().get(0).input()).isEqualTo(input.asFeatureShape());
    }

    @ParameterizedTest
    @MethodSource("eventArchitectures")
    void eventVariantsResolveOnTwoChannel128PixelFramesInto64Tokens(String name) {
        Architecture architecture = ArchitectureCatalog.resolve(name, EVENT_FRAMES, 11);

        assertThat(architecture.output()).isEqualTo(FeatureShape.of(11));
        Layer tokens = layer(architecture, "patch_embed.tokens");
        assertThat(tokens.output().get(0)).isEqualTo(64);
        assertThat(((Conv2dLayer) layer(architecture, "patch_embed.proj_conv")).inChannels())
                .isEqualTo(2);
    }

    @Test
    void saysWhichArchitecturesHavePatchTokensByTheirLayersNotTheirNames() {
        for (String name : ArchitectureCatalog.names()) {
            InputShape input = eventArchitectures().contains(name) ? EVENT_FRAMES : CIFAR;
            boolean tokens = ArchitectureCatalog.resolve(name, input, 10).layers().stream()
                    .anyMatch(TokensLayer.class::isInstance);
            assertThat(ArchitectureCatalog.hasPatchTokens(name)).as(name).isEqualTo(tokens);
        }
        assertThat(ArchitectureCatalog.hasPatchTokens("spikformer-unknown")).isFalse();
        assertThat(ArchitectureCatalog.hasPatchTokens("vgg9")).isFalse();
        assertThat(ArchitectureCatalog.hasPatchTokens("spikformer-tiny")).isTrue();
    }

    static List<String> eventArchitectures() {
        return List.of("spikformer-dvs", "spikformer-tiny-dvs", "spikformer-small-dvs");
    }

    @Test
    void rejectsAnUnknownNameListingTheKnownOnes() {
        assertThatThrownBy(() -> ArchitectureCatalog.resolve("resnet18", CIFAR, 10))
                .isInstanceOfSatisfying(UnknownArchitectureException.class, e -> {
                    assertThat(e.name()).isEqualTo("resnet18");
                    assertThat(e.known()).isEqualTo(ArchitectureCatalog.names());
                })
                .hasMessageContaining("resnet18")
                .hasMessageContaining("vgg9, vgg16, resnet19, resnet19-tdbn");
    }

    @Test
    void rejectsAnInputTooSmallForVgg9NamingArchitectureShapeAndLayer() {
        // 4 → pool1 → 2 → pool2 → 1: the third 2×2 pool has nothing left to halve
        InputShape tiny = new InputShape(1, 4, 4);

        assertThatThrownBy(() -> ArchitectureCatalog.resolve("vgg9", tiny, 10))
                .isInstanceOfSatisfying(ArchitectureMismatchException.class, e -> {
                    assertThat(e.architecture()).isEqualTo("vgg9");
                    assertThat(e.input()).isEqualTo(tiny);
                    assertThat(e.layer()).isEqualTo("pool3");
                    assertThat(e.layerInput()).isEqualTo(FeatureShape.of(256, 1, 1));
                })
                .hasMessageContaining("'vgg9'")
                .hasMessageContaining("1×4×4");
    }

    @Test
    void rejectsAnInputTooSmallForResNet19AtTheFirstStrideItCannotTake() {
        // Kim's ResNet-19 halves three times: 2 → 1 in stage 1, then stage 2 cannot stride
        assertThatThrownBy(() -> ArchitectureCatalog.resolve("resnet19", new InputShape(3, 2, 2), 10))
                .isInstanceOfSatisfying(ArchitectureMismatchException.class, e -> assertThat(e.layer())
                        .isEqualTo("block4.conv1"));
    }

    @Test
    void rejectsAnEventFrameTooSmallForTheFourPoolPatchEmbedding() {
        // 8 → 4 → 2 → 1, and the fourth pool would downsample a single pixel
        assertThatThrownBy(() -> ArchitectureCatalog.resolve("spikformer-dvs", new InputShape(2, 8, 8), 10))
                .isInstanceOfSatisfying(ArchitectureMismatchException.class, e -> assertThat(e.layer())
                        .isEqualTo("patch_embed.maxpool3"));
    }

    @Test
    void rejectsAClassCountBelowOne() {
        assertThatThrownBy(() -> ArchitectureCatalog.resolve("vgg9", CIFAR, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vgg9");
    }

    static Layer layer(Architecture architecture, String name) {
        return architecture.allLayers().stream()
                .filter(l -> l.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no layer " + name));
    }
}
