package io.spikelot.api.spec;

import io.spikelot.api.problem.FieldError;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * How one field of a job spec is checked. {@link #check} returns the normalized value (defaults filled in), or
 * null after adding the problems it found to {@code errors}.
 */
interface FieldRule {

    JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The value used when the field is absent; null when the field is required. */
    JsonNode defaultValue();

    /** Checks {@code value} (never absent, may be a JSON null) found at {@code path}. */
    JsonNode check(String path, JsonNode value, List<FieldError> errors);

    /** What the rule accepts, for error messages: "a number in [0, 1)". */
    String describe();

    default boolean required() {
        return defaultValue() == null;
    }

    default JsonNode reject(String path, JsonNode value, List<FieldError> errors) {
        String got = value.isNull()
                ? "null"
                : value.isString() ? "\"" + abbreviate(value.asString()) + "\"" : abbreviate(value.toString());
        errors.add(new FieldError(path, "must be " + describe() + ", got " + got));
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
