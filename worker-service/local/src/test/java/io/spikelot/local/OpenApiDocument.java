package io.spikelot.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API's OpenAPI document as committed under {@code src/test/resources/openapi/}, from which the build
 * generates a Java client: the live {@code /v3/api-docs} without its server address (a port of the moment), with
 * object keys sorted so that a change of the API shows as a readable diff.
 */
final class OpenApiDocument {

    /** The committed copy, relative to the module (the tests' working directory). */
    static final Path COMMITTED = Path.of("src", "test", "resources", "openapi", "spikelot-api.json");

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private OpenApiDocument() {}

    /** The live document in its committed form. */
    static String normalise(String live) {
        ObjectNode document = (ObjectNode) JSON.readTree(live);
        document.remove("servers");
        return JSON.writeValueAsString(sorted(document)) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            List<String> names = new ArrayList<>(node.propertyNames());
            Collections.sort(names);
            for (String name : names) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }
}
