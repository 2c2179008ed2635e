package io.spikelot.pipeline.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.spikelot.pipeline.tensor.HostTensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Early-Bird distance on two hand-built masks. */
class MaskDistanceTest {

    @Test
    void countsDifferingEntriesOverAllEntriesAndTheBatchNormScales() {
        Map<String, HostTensor.Booleans> a =
                Map.of("conv1.weight", mask(true, true, false, false), "head.weight", mask(true, false, true, false));
        Map<String, HostTensor.Booleans> b =
                Map.of("conv1.weight", mask(true, false, false, true), "head.weight", mask(true, false, true, false));

        // 2 of 8 weight entries differ; 2 BatchNorm scales join the denominator: 2 / 10
        assertThat(MaskDistance.between(a, b, 0)).isCloseTo(0.25, within(1e-12));
        assertThat(MaskDistance.between(a, b, 2)).isCloseTo(0.2, within(1e-12));
        assertThat(MaskDistance.between(a, a, 2)).isZero();
    }

    private static HostTensor.Booleans mask(boolean... values) {
        return new HostTensor.Booleans(new long[] {values.length}, values);
    }
}
