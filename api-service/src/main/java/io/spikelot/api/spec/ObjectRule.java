package io.spikelot.api.spec;

import io.spikelot.api.problem.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON object with known fields: unknown fields are refused (a typo must not silently fall back to a default),
 * absent optional fields get their defaults.
 */
final class ObjectRule implements FieldRule {

    private final Map<String, FieldRule> fields;
    private final boolean required;

    private ObjectRule(Map<String, FieldRule> fields, boolean required) {
        this.fields = fields;
        this.required = required;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public JsonNode defaultValue() {
        if (required) {
            return null;
        }
        ObjectNode defaults = NODES.objectNode();
        fields.forEach((name, rule) -> defaults.set(name, rule.defaultValue()));
        return defaults;
    }

    @Override
    public String describe() {
        return "an object with fields " + fields.keySet();
    }

    @Override
    public JsonNode check(String path, JsonNode value, List<FieldError> errors) {
        if (!value.isObject()) {
            return reject(path, value, errors);
        }
        int before = errors.size();
        ObjectNode out = NODES.objectNode();
        for (String name : value.propertyNames()) {
            if (!fields.containsKey(name)) {
                errors.add(new FieldError(join(path, name), "is not a known field; known: " + fields.keySet()));
            }
        }
        fields.forEach((name, rule) -> {
            JsonNode given = value.get(name);
            if (given == null
                    || (given.isNull()
                            && !rule.required()
                            && rule.defaultValue().isNull())) {
                if (rule.required()) {
                    errors.add(new FieldError(join(path, name), "is required: " + rule.describe()));
                } else {
                    out.set(name, rule.defaultValue());
                }
            } else {
                out.set(name, rule.check(join(path, name), given, errors));
            }
        });
        return errors.size() == before ? out : null;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static final class Builder {
        private final Map<String, FieldRule> fields = new LinkedHashMap<>();

        Builder field(String name, FieldRule rule) {
            fields.put(name, rule);
            return this;
        }

        ObjectRule optional() {
            return new ObjectRule(new LinkedHashMap<>(fields), false);
        }

        ObjectRule required() {
            return new ObjectRule(new LinkedHashMap<>(fields), true);
        }
    }
}
