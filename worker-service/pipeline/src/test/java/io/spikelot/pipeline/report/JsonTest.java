package io.spikelot.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written JSON parses back with Gson, escapes and all. */
class JsonTest {

    @Test
    void writesParseableJsonWithEscapesAndNoNonFiniteNumbers() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "a \"quoted\"\\path\nwith\ttab \u0001");
        value.put("number", 0.25);
        value.put("whole", 3.0);
        value.put("count", 7L);
        value.put("nan", Double.NaN);
        value.put("flag", true);
        value.put("missing", null);
        value.put("shape", new long[] {2, 3});
        value.put("list", List.of(Map.of("a", 1), List.of()));
        value.put("empty", Map.of());
        JsonObject parsed = JsonParser.parseString(Json.write(value)).getAsJsonObject();
        assertThat(parsed.get("text").getAsString()).isEqualTo("a \"quoted\"\\path\nwith\ttab \u0001");
        assertThat(parsed.get("number").getAsDouble()).isEqualTo(0.25);
        assertThat(parsed.get("whole").getAsDouble()).isEqualTo(3.0);
        assertThat(parsed.get("count").getAsLong()).isEqualTo(7L);
        assertThat(parsed.get("nan").isJsonNull()).isTrue();
        assertThat(parsed.get("missing").isJsonNull()).isTrue();
        assertThat(parsed.getAsJsonArray("shape").get(1).getAsInt()).isEqualTo(3);
        assertThat(parsed.getAsJsonArray("list")
                        .get(0)
                        .getAsJsonObject()
                        .get("a")
                        .getAsInt())
                .isEqualTo(1);
        assertThat(parsed.getAsJsonObject("empty").size()).isZero();
    }
}
