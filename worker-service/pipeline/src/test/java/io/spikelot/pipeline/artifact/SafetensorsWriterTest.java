package io.spikelot.pipeline.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.spikelot.pipeline.tensor.HostTensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The written bytes, read back by hand against the safetensors format. */
class SafetensorsWriterTest {

    @Test
    void headerLengthJsonOffsetsAndValuesFollowTheFormat() throws IOException {
        byte[] file = write(SafetensorsFixtures.someTensors(), SafetensorsFixtures.someMetadata());
        long headerLength =
                ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat((8 + headerLength) % 8).isZero();
        String headerText = new String(file, 8, (int) headerLength, StandardCharsets.UTF_8);
        assertThat(headerText).startsWith("{").doesNotContain("\n");
        assertThat(headerText.substring(headerText.lastIndexOf('}') + 1)).matches(" {0,7}");
        JsonObject header = JsonParser.parseString(headerText).getAsJsonObject();

        JsonObject metadata = header.getAsJsonObject("__metadata__");
        assertThat(metadata.get("note").getAsString()).isEqualTo("quote \" and \\ and é");
        assertThat(metadata.get("pruneRatio").getAsString()).isEqualTo("0.4");

        List<String> names = new ArrayList<>(header.keySet());
        names.remove("__metadata__");
        assertThat(names).containsExactly("alpha", "conv1.mask", "conv1.weight", "q.codes");
        int dataStart = 8 + (int) headerLength;
        long expectedBegin = 0;
        for (String name : names) {
            JsonArray offsets = header.getAsJsonObject(name).getAsJsonArray("data_offsets");
            assertThat(offsets.get(0).getAsLong()).as(name).isEqualTo(expectedBegin);
            expectedBegin = offsets.get(1).getAsLong();
        }
        assertThat(dataStart + expectedBegin).isEqualTo(file.length);

        assertTensor(header, "alpha", "F32", List.of());
        assertTensor(header, "conv1.mask", "BOOL", List.of(5L));
        assertTensor(header, "conv1.weight", "F32", List.of(2L, 3L));
        assertTensor(header, "q.codes", "I8", List.of(7L, 1L));
        ByteBuffer data = ByteBuffer.wrap(file, dataStart, file.length - dataStart)
                .slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        assertThat(data.getFloat(0)).isEqualTo(0.5f);
        assertThat(new byte[] {data.get(4), data.get(5), data.get(6), data.get(7), data.get(8)})
                .containsExactly(1, 0, 1, 1, 0);
        for (int i = 0; i < SafetensorsFixtures.WEIGHT.length; i++) {
            assertThat(data.getFloat(9 + 4 * i)).isEqualTo(SafetensorsFixtures.WEIGHT[i]);
        }
        // the first weight's bytes are little-endian: 0.35f = 0x3EB33333
        assertThat(data.get(9)).isEqualTo((byte) 0x33);
        assertThat(data.get(12)).isEqualTo((byte) 0x3E);
        for (int i = 0; i < SafetensorsFixtures.INT8.length; i++) {
            assertThat(data.get(33 + i)).isEqualTo(SafetensorsFixtures.INT8[i]);
        }
    }

    @Test
    void withoutMetadataThereIsNoMetadataEntry() throws IOException {
        byte[] file = write(Map.of("m", new HostTensor.Booleans(new long[] {1}, new boolean[] {true})), Map.of());
        long headerLength =
                ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String headerText = new String(file, 8, (int) headerLength, StandardCharsets.UTF_8);
        assertThat(headerText.trim()).isEqualTo("{\"m\":{\"dtype\":\"BOOL\",\"shape\":[1],\"data_offsets\":[0,1]}}");
        assertThat(file).hasSize(8 + (int) headerLength + 1);
    }

    @Test
    void rejectsInconsistentTensorsAndTheReservedName() {
        assertThatThrownBy(() -> new HostTensor.Floats(new long[] {2, 2}, new float[] {1, 2, 3}))
                .hasMessageContaining("Shape [2, 2] has 4 elements, got 3 values");
        assertThatThrownBy(() ->
                        write(Map.of("__metadata__", new HostTensor.Bytes(new long[] {1}, new byte[] {1})), Map.of()))
                .hasMessageContaining("__metadata__");
    }

    private static void assertTensor(JsonObject header, String name, String dtype, List<Long> shape) {
        JsonObject entry = header.getAsJsonObject(name);
        assertThat(entry.get("dtype").getAsString()).as(name).isEqualTo(dtype);
        List<Long> actual = new ArrayList<>();
        entry.getAsJsonArray("shape").forEach(e -> actual.add(e.getAsLong()));
        assertThat(actual).as(name).isEqualTo(shape);
    }

    private static byte[] write(Map<String, HostTensor> tensors, Map<String, String> metadata) throws IOException {
        return SafetensorsWriter.bytes(tensors, metadata);
    }
}
