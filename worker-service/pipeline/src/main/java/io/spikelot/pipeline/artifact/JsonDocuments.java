package io.spikelot.pipeline.artifact;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The pipeline's one JSON configuration, for the JSON files a job writes ({@code result.json}, {@code model.json})
 * and the safetensors header: records and maps in declaration and insertion order, pretty-printed, non-finite
 * numbers written as {@code null} (JSON has none, and a reader should not have to parse {@code "NaN"} strings).
 * It reads JSON back for one purpose only: an {@code imp} checkpoint that a later attempt resumes from.
 */
public final class JsonDocuments {

    private static final JsonMapper PRETTY = mapper(true);
    private static final JsonMapper COMPACT = mapper(false);

    private JsonDocuments() {}

    /** {@code value} as pretty-printed UTF-8 JSON with a final newline. */
    public static byte[] bytes(Object value) {
        return (PRETTY.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code value} as JSON on one line. */
    public static String compact(Object value) {
        return COMPACT.writeValueAsString(value);
    }

    /**
     * Reads {@code json} (as {@link #compact} or {@link #bytes} wrote it) into a {@code type}: only for a checkpoint,
     * the one document a job writes to read it again on a later attempt.
     */
    public static <T> T read(String json, Class<T> type) {
        return COMPACT.readValue(json, type);
    }

    /** {@code json} as a tree, for the safetensors header. */
    static JsonNode tree(String json) {
        return COMPACT.readTree(json);
    }

    private static JsonMapper mapper(boolean indent) {
        ValueSerializer<Double> finiteOrNull = new ValueSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator gen, SerializationContext context) {
                if (Double.isFinite(value)) {
                    gen.writeNumber(value);
                } else {
                    gen.writeNull();
                }
            }
        };
        SimpleModule nonFinite = new SimpleModule("non-finite-as-null")
                .addSerializer(Double.class, finiteOrNull)
                .addSerializer(Double.TYPE, finiteOrNull);
        return JsonMapper.builder()
                .addModule(nonFinite)
                .configure(SerializationFeature.INDENT_OUTPUT, indent)
                .build();
    }
}
