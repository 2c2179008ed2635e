package io.spikelot.pipeline.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pipeline's JSON parses back with an independent reader, escapes and all, with no non-finite numbers. */
class JsonDocumentsTest {

    record Row(String name, double value, @JsonInclude(JsonInclude.Include.NON_NULL) Double optional, long[] shape) {}

    @Test
    void writesParseableJsonWithEscapesAndNoNonFiniteNumbers() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "a \"quoted\"\\path\nwith\ttab \u0001");
        value.put("number", 0.25);
        value.put("count", 7L);
        value.put("nan", Double.NaN);
        value.put("infinity", Double.POSITIVE_INFINITY);
        value.put("flag", true);
        value.put("missing", null);
        value.put(
                "rows",
                List.of(new Row("a", Double.NaN, null, new long[] {2, 3}), new Row("b", 1.5, 2.5, new long[0])));
        value.put("empty", Map.of());
        String text = new String(JsonDocuments.bytes(value), StandardCharsets.UTF_8);

        assertThat(text).endsWith("}\n").doesNotContain("NaN").doesNotContain("Infinity");
        JsonObject parsed = JsonParser.parseString(text).getAsJsonObject();
        assertThat(parsed.keySet())
                .containsExactly("text", "number", "count", "nan", "infinity", "flag", "missing", "rows", "empty");
        assertThat(parsed.get("text").getAsString()).isEqualTo("a \"quoted\"\\path\nwith\ttab \u0001");
        assertThat(parsed.get("number").getAsDouble()).isEqualTo(0.25);
        assertThat(parsed.get("count").getAsLong()).isEqualTo(7L);
        assertThat(parsed.get("nan").isJsonNull()).isTrue();
        assertThat(parsed.get("infinity").isJsonNull()).isTrue();
        assertThat(parsed.get("missing").isJsonNull()).isTrue();
        JsonObject first = parsed.getAsJsonArray("rows").get(0).getAsJsonObject();
        assertThat(first.keySet()).containsExactly("name", "value", "shape");
        assertThat(first.get("value").isJsonNull()).isTrue();
        assertThat(first.getAsJsonArray("shape").get(1).getAsInt()).isEqualTo(3);
        JsonObject second = parsed.getAsJsonArray("rows").get(1).getAsJsonObject();
        assertThat(second.get("optional").getAsDouble()).isEqualTo(2.5);
        assertThat(parsed.getAsJsonObject("empty").size()).isZero();
    }
}
