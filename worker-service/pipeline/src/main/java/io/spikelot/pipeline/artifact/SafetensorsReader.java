package io.spikelot.pipeline.artifact;

import io.spikelot.pipeline.tensor.HostTensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads back what {@link SafetensorsWriter} writes, for the one file a job reads again: a checkpoint that a later
 * attempt resumes from. {@code F32} and {@code BOOL} only (a checkpoint holds states and masks); anything else, a
 * truncated file or a malformed header is refused with an {@link IOException} naming what is wrong.
 *
 * @param tensors by name, in the file's (sorted) order
 * @param metadata the {@code __metadata__} strings, empty when absent
 */
public record SafetensorsReader(Map<String, HostTensor> tensors, Map<String, String> metadata) {

    /** Parses a whole file. */
    public static SafetensorsReader read(byte[] file) throws IOException {
        if (file.length < 8) {
            throw new IOException("A safetensors file has at least 8 bytes, not " + file.length);
        }
        long headerLength =
                ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 2 || headerLength > file.length - 8) {
            throw new IOException(
                    "Header length " + headerLength + " does not fit a file of " + file.length + " bytes");
        }
        JsonNode header;
        try {
            header = JsonDocuments.tree(new String(file, 8, (int) headerLength, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new IOException("Unreadable safetensors header: " + e.getOriginalMessage(), e);
        }
        int dataStart = 8 + (int) headerLength;
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : header.properties()) {
            if (e.getKey().equals(SafetensorsWriter.METADATA)) {
                e.getValue()
                        .properties()
                        .forEach(m -> metadata.put(m.getKey(), m.getValue().asString()));
            } else {
                tensors.put(e.getKey(), tensor(e.getKey(), e.getValue(), file, dataStart));
            }
        }
        return new SafetensorsReader(tensors, metadata);
    }

    /** The float tensor {@code name}; refuses a missing or non-{@code F32} one. */
    public HostTensor.Floats floats(String name) throws IOException {
        if (tensors.get(name) instanceof HostTensor.Floats f) {
            return f;
        }
        throw new IOException("No F32 tensor " + name);
    }

    /** The mask {@code name}; refuses a missing or non-{@code BOOL} one. */
    public HostTensor.Booleans booleans(String name) throws IOException {
        if (tensors.get(name) instanceof HostTensor.Booleans b) {
            return b;
        }
        throw new IOException("No BOOL tensor " + name);
    }

    private static HostTensor tensor(String name, JsonNode entry, byte[] file, int dataStart) throws IOException {
        JsonNode shapeNode = entry.path("shape");
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
        }
        long begin = entry.path("data_offsets").path(0).asLong(-1);
        long end = entry.path("data_offsets").path(1).asLong(-1);
        if (begin < 0 || end < begin || dataStart + end > file.length) {
            throw new IOException("Tensor " + name + " has data offsets [" + begin + ", " + end
                    + ") outside the file's " + (file.length - dataStart) + " data bytes");
        }
        ByteBuffer data = ByteBuffer.wrap(file, dataStart + (int) begin, (int) (end - begin))
                .slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        String dtype = entry.path("dtype").asString();
        try {
            return switch (dtype) {
                case "F32" -> {
                    float[] values = new float[data.remaining() / 4];
                    data.asFloatBuffer().get(values);
                    yield new HostTensor.Floats(shape, values);
                }
                case "BOOL" -> {
                    boolean[] values = new boolean[data.remaining()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = data.get(i) != 0;
                    }
                    yield new HostTensor.Booleans(shape, values);
                }
                default ->
                    throw new IOException("Tensor " + name + " has dtype " + dtype + "; only F32 and BOOL are read");
            };
        } catch (IllegalArgumentException e) {
            throw new IOException("Tensor " + name + ": " + e.getMessage(), e);
        }
    }
}
