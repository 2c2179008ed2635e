package io.spikelot.pipeline.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikelot.pipeline.tensor.HostTensor;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the writer writes reads back bit for bit; what it does not write is refused by name. */
class SafetensorsReaderTest {

    @Test
    void floatsMasksAndMetadataReadBackBitForBit() throws IOException {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        tensors.put(
                "rewind/conv1.weight",
                new HostTensor.Floats(new long[] {2, 2}, new float[] {-0f, Float.MIN_VALUE, 1.5f, Float.NaN}));
        tensors.put(
                "mask-r1/conv1.weight",
                new HostTensor.Booleans(new long[] {2, 2}, new boolean[] {true, false, false, true}));
        tensors.put("scalar", new HostTensor.Floats(new long[0], new float[] {3f}));
        byte[] file = SafetensorsWriter.bytes(tensors, Map.of("format", "x", "rounds", "{\"a\":[1,2]}"));

        SafetensorsReader read = SafetensorsReader.read(file);

        assertThat(read.metadata()).containsEntry("format", "x").containsEntry("rounds", "{\"a\":[1,2]}");
        assertThat(read.tensors().keySet()).containsExactly("mask-r1/conv1.weight", "rewind/conv1.weight", "scalar");
        HostTensor.Floats rewind = read.floats("rewind/conv1.weight");
        assertThat(rewind.shape()).containsExactly(2, 2);
        float[] expected = ((HostTensor.Floats) tensors.get("rewind/conv1.weight")).values();
        for (int i = 0; i < expected.length; i++) {
            assertThat(Float.floatToRawIntBits(rewind.values()[i])).isEqualTo(Float.floatToRawIntBits(expected[i]));
        }
        assertThat(read.booleans("mask-r1/conv1.weight").values()).containsExactly(true, false, false, true);
        assertThat(read.floats("scalar").scalar()).isEqualTo(3f);
        assertThatThrownBy(() -> read.booleans("rewind/conv1.weight"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("rewind/conv1.weight");
    }

    @Test
    void aTruncatedFileOrAnotherDtypeIsRefusedByName() throws IOException {
        byte[] file = SafetensorsWriter.bytes(
                Map.of("w", new HostTensor.Floats(new long[] {4}, new float[] {1, 2, 3, 4})), Map.of());
        assertThatThrownBy(() -> SafetensorsReader.read(Arrays.copyOf(file, file.length - 1)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Tensor w");
        assertThatThrownBy(() -> SafetensorsReader.read(new byte[4])).isInstanceOf(IOException.class);

        byte[] codes = SafetensorsWriter.bytes(
                Map.of("q", new HostTensor.Bytes(new long[] {2}, new byte[] {1, -1})), Map.of());
        assertThatThrownBy(() -> SafetensorsReader.read(codes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("I8");
    }
}
