package io.spikelot.model.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WireEnumTest {

    @Test
    void wireNamesAreTheConstantsInLowerCaseWithDashes() {
        assertThat(WireEnum.wireNames(SearchMethod.class)).containsExactly("biprop", "edge-popup");
        assertThat(WireEnum.wireNames(WeightInitKind.class))
                .containsExactly("kaiming-normal", "kaiming-normal-scaled", "kaiming-uniform", "signed-constant");
        assertThat(WireEnum.wireNames(Device.class)).containsExactly("auto", "cpu", "gpu");
    }

    @Test
    void everyConstantIsFoundByItsWireName() throws ReflectiveOperationException {
        List<Class<? extends WireEnum>> enums = List.of(
                SearchMethod.class,
                PruneScope.class,
                WeightInitKind.class,
                NeuronKind.class,
                ResetMode.class,
                SurrogateKind.class,
                OptimizerKind.class,
                Schedule.class,
                FrameSplit.class,
                Device.class);
        for (Class<? extends WireEnum> type : enums) {
            for (WireEnum constant : type.getEnumConstants()) {
                assertThat(parse(type, constant.wireName())).isSameAs(constant);
            }
        }
    }

    @Test
    void anUnknownNameIsRefusedWithTheAcceptedOnes() {
        assertThatThrownBy(() -> ResetMode.fromWireName("HARD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown ResetMode 'HARD'; expected one of [hard, soft]");
        assertThatThrownBy(() -> SearchMethod.fromWireName(null)).hasMessageContaining("[biprop, edge-popup]");
    }

    /** Through the enum's own {@code fromWireName}, the factory Jackson calls. */
    private static Object parse(Class<? extends WireEnum> type, String wireName) throws ReflectiveOperationException {
        return type.getMethod("fromWireName", String.class).invoke(null, wireName);
    }
}
