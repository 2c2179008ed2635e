package io.spikelot.pipeline.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Reads safetensors files the way a Python loader would: 8-byte header length, JSON header, raw data. */
public final class SafetensorsFiles {

    private SafetensorsFiles() {}

    /** The JSON header: tensor name → {dtype, shape, data_offsets}, plus {@code __metadata__}. */
    public static JsonObject header(byte[] file) {
        long length = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return JsonParser.parseString(new String(file, 8, (int) length, StandardCharsets.UTF_8))
                .getAsJsonObject();
    }

    /** The raw little-endian bytes of one header entry. */
    public static byte[] tensorData(byte[] file, JsonObject entry) {
        long length = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        List<JsonElement> offsets = entry.getAsJsonArray("data_offsets").asList();
        int from = (int) (8 + length + offsets.get(0).getAsLong());
        int to = (int) (8 + length + offsets.get(1).getAsLong());
        return Arrays.copyOfRange(file, from, to);
    }
}
