package io.spikelot.api.spec;

import io.spikelot.api.problem.FieldError;
import io.spikelot.model.spec.WireEnum;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** The field rules job specs are made of: numbers in ranges, enums, strings, booleans, lists, nested objects. */
final class Rules {

    private Rules() {}

    /** A finite number in [min, max] (or [min, max) when {@code maxExclusive}). */
    static FieldRule number(double min, double max, boolean maxExclusive, Double defaultValue) {
        return new Leaf(
                defaultValue == null ? null : FieldRule.NODES.numberNode(defaultValue),
                "a number in [" + fmt(min) + ", " + fmt(max) + (maxExclusive ? ")" : "]")) {
            @Override
            boolean accepts(JsonNode v) {
                if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                    return false;
                }
                double d = v.asDouble();
                return d >= min && (maxExclusive ? d < max : d <= max);
            }
        };
    }

    /** A finite number in [min, max], or JSON null, which is also the default. */
    static FieldRule nullableNumber(double min, double max) {
        FieldRule number = number(min, max, false, null);
        return new Leaf(FieldRule.NODES.nullNode(), number.describe() + " or null") {
            @Override
            boolean accepts(JsonNode v) {
                return v.isNull() || number.check("", v, new ArrayList<>()) != null;
            }
        };
    }

    /** An integer in [min, max]; {@code nullable} accepts JSON null (then the default is null too). */
    static FieldRule integer(long min, long max, Long defaultValue, boolean nullable) {
        JsonNode fallback = nullable
                ? FieldRule.NODES.nullNode()
                : defaultValue == null ? null : FieldRule.NODES.numberNode(defaultValue);
        return new Leaf(fallback, "an integer in [" + min + ", " + max + "]" + (nullable ? " or null" : "")) {
            @Override
            boolean accepts(JsonNode v) {
                if (nullable && v.isNull()) {
                    return true;
                }
                return v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= min && v.asLong() <= max;
            }
        };
    }

    /** One of the wire names of {@code type}, listed in messages like the plain {@code oneOf}. */
    static <E extends Enum<E> & WireEnum> FieldRule oneOf(Class<E> type, E defaultValue) {
        return oneOf(Set.copyOf(WireEnum.wireNames(type)), defaultValue == null ? null : defaultValue.wireName());
    }

    /** One of {@code values}; messages list them sorted. */
    static FieldRule oneOf(Set<String> values, String defaultValue) {
        return new Leaf(
                defaultValue == null ? null : FieldRule.NODES.stringNode(defaultValue),
                "one of " + values.stream().sorted().map(s -> "\"" + s + "\"").toList()) {
            @Override
            boolean accepts(JsonNode v) {
                return v.isString() && values.contains(v.asString());
            }
        };
    }

    static FieldRule text(Pattern pattern, String description, String defaultValue) {
        return new Leaf(defaultValue == null ? null : FieldRule.NODES.stringNode(defaultValue), description) {
            @Override
            boolean accepts(JsonNode v) {
                return v.isString() && pattern.matcher(v.asString()).matches();
            }
        };
    }

    static FieldRule bool(boolean defaultValue) {
        return new Leaf(FieldRule.NODES.booleanNode(defaultValue), "true or false") {
            @Override
            boolean accepts(JsonNode v) {
                return v.isBoolean();
            }
        };
    }

    /** A list of {@code minSize..maxSize} items, each checked by {@code item}; null when {@code nullable}. */
    static FieldRule list(FieldRule item, int minSize, int maxSize, JsonNode defaultValue, boolean nullable) {
        String description = "a list of " + minSize + " to " + maxSize + " items, each " + item.describe()
                + (nullable ? ", or null" : "");
        return new FieldRule() {
            @Override
            public JsonNode defaultValue() {
                return defaultValue;
            }

            @Override
            public String describe() {
                return description;
            }

            @Override
            public JsonNode check(String path, JsonNode value, List<FieldError> errors) {
                if (nullable && value.isNull()) {
                    return value;
                }
                if (!value.isArray() || value.size() < minSize || value.size() > maxSize) {
                    return reject(path, value, errors);
                }
                ArrayNode out = FieldRule.NODES.arrayNode();
                List<FieldError> found = new ArrayList<>();
                for (int i = 0; i < value.size(); i++) {
                    out.add(nonNull(item.check(path + "[" + i + "]", value.get(i), found)));
                }
                errors.addAll(found);
                return found.isEmpty() ? out : null;
            }
        };
    }

    private static JsonNode nonNull(JsonNode node) {
        return node == null ? FieldRule.NODES.nullNode() : node;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    private abstract static class Leaf implements FieldRule {
        private final JsonNode defaultValue;
        private final String description;

        Leaf(JsonNode defaultValue, String description) {
            this.defaultValue = defaultValue;
            this.description = description;
        }

        abstract boolean accepts(JsonNode value);

        @Override
        public JsonNode defaultValue() {
            return defaultValue;
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public JsonNode check(String path, JsonNode value, List<FieldError> errors) {
            return accepts(value) ? value : reject(path, value, errors);
        }
    }
}
