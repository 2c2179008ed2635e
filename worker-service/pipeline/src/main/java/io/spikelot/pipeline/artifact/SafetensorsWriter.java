package io.spikelot.pipeline.artifact;

import io.spikelot.pipeline.tensor.HostTensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the safetensors format (huggingface/safetensors): an 8-byte little-endian header length N, a UTF-8 JSON
 * header of N bytes padded with spaces so the data starts 8-byte aligned, then the tensors' raw little-endian
 * bytes back to back. The header maps each name to {@code dtype}, {@code shape} and {@code data_offsets}
 * ({@code [begin, end)} relative to the data start); names are sorted and the data follows that order, so a file
 * is a pure function of its content. String metadata goes under {@code __metadata__}.
 *
 * <p>Dtypes by host tensor: {@code F32} for floats, {@code BOOL} (one byte, 0 or 1) for masks, {@code I8} and
 * {@code I16} for integer codes, {@code U8} for bit-packed bits, {@code I64} for shapes. Hand-written rather than DJL's {@code NDList.encode}, which writes no metadata,
 * refuses {@code I16}, orders the header by hash and needs live engine arrays.
 */
public final class SafetensorsWriter {

    static final String METADATA = "__metadata__";

    private SafetensorsWriter() {}

    /** Writes {@code tensors} and {@code metadata} to {@code file}, replacing it. */
    public static void write(Path file, Map<String, ? extends HostTensor> tensors, Map<String, String> metadata)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, tensors, metadata);
        }
    }

    /** The whole file as bytes. */
    public static byte[] bytes(Map<String, ? extends HostTensor> tensors, Map<String, String> metadata)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, tensors, metadata);
        return out.toByteArray();
    }

    /** Writes the whole file to {@code out} (not closed). */
    public static void write(OutputStream out, Map<String, ? extends HostTensor> tensors, Map<String, String> metadata)
            throws IOException {
        if (tensors.containsKey(METADATA)) {
            throw new IllegalArgumentException("A tensor may not be named " + METADATA);
        }
        Map<String, HostTensor> sorted = new TreeMap<>(tensors);
        Map<String, byte[]> data = new LinkedHashMap<>();
        sorted.forEach((name, tensor) -> data.put(name, littleEndian(tensor)));
        byte[] header = header(sorted, new TreeMap<>(metadata));
        out.write(ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(header.length)
                .array());
        out.write(header);
        for (byte[] bytes : data.values()) {
            out.write(bytes);
        }
    }

    /** The length in bytes of the file {@link #bytes} would write, without encoding the tensors. */
    public static long size(Map<String, ? extends HostTensor> tensors, Map<String, String> metadata) {
        Map<String, HostTensor> sorted = new TreeMap<>(tensors);
        long data = sorted.values().stream()
                .mapToLong(SafetensorsWriter::byteLength)
                .sum();
        return 8 + header(sorted, new TreeMap<>(metadata)).length + data;
    }

    private record Entry(String dtype, long[] shape, List<Long> data_offsets) {}

    private static byte[] header(Map<String, HostTensor> sorted, Map<String, String> metadata) {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            header.put(METADATA, metadata);
        }
        long offset = 0;
        for (Map.Entry<String, HostTensor> e : sorted.entrySet()) {
            long end = offset + byteLength(e.getValue());
            header.put(e.getKey(), new Entry(dtype(e.getValue()), e.getValue().shape(), List.of(offset, end)));
            offset = end;
        }
        String json = JsonDocuments.compact(header);
        // the 8-byte length prefix is aligned already, so the header itself is padded to a multiple of 8
        int length = json.getBytes(StandardCharsets.UTF_8).length;
        return (json + " ".repeat((8 - length % 8) % 8)).getBytes(StandardCharsets.UTF_8);
    }

    /** The safetensors dtype of a host tensor. */
    public static String dtype(HostTensor tensor) {
        if (tensor instanceof HostTensor.Floats) {
            return "F32";
        } else if (tensor instanceof HostTensor.Booleans) {
            return "BOOL";
        } else if (tensor instanceof HostTensor.Bytes) {
            return "I8";
        } else if (tensor instanceof HostTensor.UnsignedBytes) {
            return "U8";
        } else if (tensor instanceof HostTensor.Longs) {
            return "I64";
        }
        return "I16";
    }

    private static long byteLength(HostTensor tensor) {
        int width =
                switch (dtype(tensor)) {
                    case "F32" -> 4;
                    case "I16" -> 2;
                    case "I64" -> 8;
                    default -> 1;
                };
        return (long) tensor.size() * width;
    }

    private static byte[] littleEndian(HostTensor tensor) {
        if (tensor instanceof HostTensor.Floats f) {
            ByteBuffer buffer = ByteBuffer.allocate(f.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
            buffer.asFloatBuffer().put(f.values());
            return buffer.array();
        } else if (tensor instanceof HostTensor.Booleans b) {
            byte[] bytes = new byte[b.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (b.values()[i] ? 1 : 0);
            }
            return bytes;
        } else if (tensor instanceof HostTensor.Bytes b) {
            return b.values().clone();
        } else if (tensor instanceof HostTensor.UnsignedBytes u) {
            return u.values().clone();
        } else if (tensor instanceof HostTensor.Longs l) {
            ByteBuffer buffer = ByteBuffer.allocate(l.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
            buffer.asLongBuffer().put(l.values());
            return buffer.array();
        }
        HostTensor.Shorts s = (HostTensor.Shorts) tensor;
        ByteBuffer buffer = ByteBuffer.allocate(s.size() * 2).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asShortBuffer().put(s.values());
        return buffer.array();
    }
}
