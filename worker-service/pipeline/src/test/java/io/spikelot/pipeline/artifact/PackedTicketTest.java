package io.spikelot.pipeline.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikelot.pipeline.tensor.HostTensor;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packed tensors of hand-made tickets, checked bit by bit. */
class PackedTicketTest {

    private static final long[] SHAPE = {2, 5};
    private static final boolean[] MASK = {true, false, true, true, false, false, false, false, true, true};

    @Test
    void aMultiPrizeLayerIsMaskBitsSignBitsAndAlpha() {
        float a = 0.37f;
        float[] w = {a, 0, -a, a, 0, 0, 0, 0, -a, a};
        Map<String, HostTensor> packed = PackedTicket.tensors(Map.of("w", mask()), Map.of("w", floats(w)));

        // kept 0, 2, 3, 8, 9: byte 0 = 1 + 4 + 8, byte 1 = bits 0 and 1
        assertThat(unsigned(packed.get("w.mask"))).containsExactly(0b0000_1101, 0b0000_0011);
        // positive 0, 3, 9
        assertThat(unsigned(packed.get("w.sign"))).containsExactly(0b0000_1001, 0b0000_0010);
        assertThat(((HostTensor.Floats) packed.get("w.alpha")).scalar()).isEqualTo(a);
        assertThat(((HostTensor.Longs) packed.get("w.shape")).values()).containsExactly(2, 5);
        assertThat(packed).doesNotContainKey("w.values").doesNotContainKey("w");
    }

    @Test
    void kept32BitValuesThatDifferAreStoredInMaskOrder() {
        float[] w = {0.5f, 0, -1.25f, 0.5f, 0, 0, 0, 0, 2f, -0.5f};
        Map<String, HostTensor> packed = PackedTicket.tensors(Map.of("w", mask()), Map.of("w", floats(w)));

        assertThat(((HostTensor.Floats) packed.get("w.values")).values())
                .containsExactly(0.5f, -1.25f, 0.5f, 2f, -0.5f);
        assertThat(packed).doesNotContainKey("w.sign").doesNotContainKey("w.alpha");
    }

    @Test
    void unmaskedTensorsPassThroughAndThePackedFileIsSmaller() throws IOException {
        float a = 0.25f;
        boolean[] kept = new boolean[4096];
        float[] w = new float[4096];
        for (int i = 0; i < w.length; i += 2) {
            kept[i] = true;
            w[i] = i % 4 == 0 ? a : -a;
        }
        Map<String, HostTensor> dense = new LinkedHashMap<>();
        dense.put("w", new HostTensor.Floats(new long[] {64, 64}, w));
        dense.put("bn.bias", new HostTensor.Floats(new long[] {2}, new float[] {1, 2}));
        Map<String, HostTensor.Booleans> masks = Map.of("w", new HostTensor.Booleans(new long[] {64, 64}, kept));

        Map<String, HostTensor> packed = PackedTicket.tensors(masks, dense);

        assertThat(packed.get("bn.bias")).isSameAs(dense.get("bn.bias"));
        long packedSize = SafetensorsWriter.size(packed, PackedTicket.metadata());
        assertThat(packedSize)
                .isEqualTo(SafetensorsWriter.bytes(packed, PackedTicket.metadata()).length)
                .isLessThan(SafetensorsWriter.size(dense, Map.of()) / 8);
    }

    @Test
    void aPrunedEntryThatIsNotPositiveZeroIsRefused() {
        float[] w = {1, -0f, 1, 1, 0, 0, 0, 0, 1, 1};
        assertThatThrownBy(() -> PackedTicket.tensors(Map.of("w", mask()), Map.of("w", floats(w))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("w[1]");
    }

    private static HostTensor.Booleans mask() {
        return new HostTensor.Booleans(SHAPE, MASK);
    }

    private static HostTensor.Floats floats(float[] values) {
        return new HostTensor.Floats(SHAPE, values);
    }

    private static int[] unsigned(HostTensor tensor) {
        byte[] bytes = ((HostTensor.UnsignedBytes) tensor).values();
        int[] values = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = Byte.toUnsignedInt(bytes[i]);
        }
        return values;
    }
}
