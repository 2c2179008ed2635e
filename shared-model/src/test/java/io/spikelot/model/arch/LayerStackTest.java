package io.spikelot.model.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LayerStackTest {

    private final LayerStack stack = LayerStack.forInput("probe", new InputShape(3, 7, 7));

    @Test
    void convOutputFollowsFloorOfPaddedSizeMinusKernelOverStride() {
        // ⌊(7 + 2 − 3)/2⌋ + 1 = 4; ⌊(4 + 0 − 1)/1⌋ + 1 = 4
        stack.conv("a", 8, 3, 2, 1, true).conv("b", 5, 1, 1, 0, false);

        assertThat(stack.shape()).isEqualTo(FeatureShape.of(5, 4, 4));
        Conv2dLayer a = (Conv2dLayer) stack.layers().get(0);
        assertThat(a.encoding()).isTrue();
        assertThat(((Conv2dLayer) stack.layers().get(1)).encoding()).isFalse();
        assertThat(a.parameters()).extracting(ParameterSpec::name).containsExactly("a.weight", "a.bias");
    }

    @Test
    void poolsRoundDown() {
        stack.maxPool("p", 2, 2, 0);

        assertThat(stack.shape()).isEqualTo(FeatureShape.of(3, 3, 3));
    }

    @Test
    void linearActsOnTheLastAxisOfTokens() {
        stack.tokens("t").linear("l", 11, true);

        assertThat(stack.shape()).isEqualTo(FeatureShape.of(49, 11));
        LinearLayer linear = (LinearLayer) stack.layers().get(1);
        assertThat(linear.positions()).isEqualTo(49);
        assertThat(linear.encoding()).isTrue();
    }

    @Test
    void refusesALinearLayerOnAFeatureMap() {
        assertThatThrownBy(() -> stack.linear("fc", 10, false))
                .isInstanceOf(ArchitectureMismatchException.class)
                .hasMessageContaining("'fc'")
                .hasMessageContaining("[3, 7, 7]");
    }

    @Test
    void refusesAResidualWhosePathsDisagree() {
        assertThatThrownBy(() -> stack.residual("r", b -> b.conv("c", 4, 3, 1, 1, false), null, null))
                .isInstanceOfSatisfying(ArchitectureMismatchException.class, e -> assertThat(e.layer())
                        .isEqualTo("r"));
    }

    @Test
    void refusesAKernelLargerThanThePaddedMap() {
        assertThatThrownBy(() -> stack.conv("big", 4, 11, 1, 1, false))
                .isInstanceOf(ArchitectureMismatchException.class)
                .hasMessageContaining("empty map");
    }
}
