package io.spikelot.pipeline.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.Map;
import java.util.TreeSet;

/**
 * The field set of a JSON document: one line per path ({@code energy.basis.source:string}, arrays as {@code []}
 * with their elements' fields merged), sorted. Two documents have the same shape when they name the same fields
 * with the same JSON types, whatever the values and the field order.
 */
public final class JsonShape {

    private JsonShape() {}

    public static String of(String json) {
        TreeSet<String> paths = new TreeSet<>();
        walk(JsonParser.parseString(json), "$", paths);
        return String.join("\n", paths) + "\n";
    }

    private static void walk(JsonElement element, String path, TreeSet<String> paths) {
        if (element.isJsonNull()) {
            paths.add(path + ":null");
        } else if (element.isJsonObject()) {
            paths.add(path + ":object");
            for (Map.Entry<String, JsonElement> e : element.getAsJsonObject().entrySet()) {
                walk(e.getValue(), path + "." + e.getKey(), paths);
            }
        } else if (element.isJsonArray()) {
            paths.add(path + ":array");
            element.getAsJsonArray().forEach(item -> walk(item, path + "[]", paths));
        } else if (element.getAsJsonPrimitive().isNumber()) {
            paths.add(path + ":number");
        } else if (element.getAsJsonPrimitive().isBoolean()) {
            paths.add(path + ":boolean");
        } else {
            paths.add(path + ":string");
        }
    }
}
