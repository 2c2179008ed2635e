package io.spikelot.pipeline.artifact;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the safetensors format (huggingface/safetensors): an 8-byte little-endian header length N, a UTF-8 JSON
 * header of N bytes padded with spaces so the data starts 8-byte aligned, then the tensors' raw little-endian
 * bytes back to back. The header maps each name to {@code dtype}, {@code shape} and {@code data_offsets}
 * ({@code [begin, end)} relative to the data start); names are sorted and the data follows that order, so a file
 * is a pure function of its content. String metadata goes under {@code __metadata__}.
 */
public final class SafetensorsWriter {

    static final String METADATA = "__metadata__";

    private SafetensorsWriter() {}

    /** Writes {@code tensors} and {@code metadata} to {@code file}, replacing it. */
    public static void write(Path file, Map<String, TensorBytes> tensors, Map<String, String> metadata)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, tensors, metadata);
        }
    }

    /** Writes the whole file to {@code out} (not closed). */
    public static void write(OutputStream out, Map<String, TensorBytes> tensors, Map<String, String> metadata)
            throws IOException {
        if (tensors.containsKey(METADATA)) {
            throw new IllegalArgumentException("A tensor may not be named " + METADATA);
        }
        Map<String, TensorBytes> sorted = new TreeMap<>(tensors);
        byte[] header = header(sorted, new TreeMap<>(metadata));
        out.write(ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(header.length)
                .array());
        out.write(header);
        for (TensorBytes tensor : sorted.values()) {
            out.write(tensor.data());
        }
    }

    private static byte[] header(Map<String, TensorBytes> sorted, Map<String, String> metadata) {
        StringBuilder json = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            json.append(quote(METADATA)).append(":{");
            String separator = "";
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                json.append(separator).append(quote(e.getKey())).append(':').append(quote(e.getValue()));
                separator = ",";
            }
            json.append('}');
        }
        long offset = 0;
        for (Map.Entry<String, TensorBytes> e : sorted.entrySet()) {
            TensorBytes t = e.getValue();
            json.append(json.length() > 1 ? "," : "").append(quote(e.getKey()));
            json.append(":{\"dtype\":").append(quote(t.dtype())).append(",\"shape\":[");
            for (int i = 0; i < t.shape().length; i++) {
                json.append(i > 0 ? "," : "").append(t.shape()[i]);
            }
            json.append("],\"data_offsets\":[").append(offset).append(',');
            offset += t.data().length;
            json.append(offset).append("]}");
        }
        json.append('}');
        // the 8-byte length prefix is aligned already, so the header itself is padded to a multiple of 8
        int length = json.toString().getBytes(StandardCharsets.UTF_8).length;
        json.append(" ".repeat((8 - length % 8) % 8));
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON string literal; control characters, quotes and backslashes escaped. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
