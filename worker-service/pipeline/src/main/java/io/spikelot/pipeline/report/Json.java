package io.spikelot.pipeline.report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON-ready values (maps with string keys, iterables, arrays of long/int/double, strings, numbers,
 * booleans, enums and null) as pretty-printed JSON. Non-finite numbers become {@code null}, as JSON has none.
 */
public final class Json {

    private Json() {}

    /** The value as UTF-8 JSON text with a final newline. */
    public static byte[] bytes(Object value) {
        return (write(value) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The value as JSON text. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, "");
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            out.append(quote(s));
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof Double d) {
            number(out, d);
        } else if (value instanceof Float f) {
            number(out, f.doubleValue());
        } else if (value instanceof Number n) {
            out.append(n);
        } else if (value instanceof Enum<?> e) {
            out.append(quote(e.name()));
        } else if (value instanceof Map<?, ?> map) {
            object(out, map, indent);
        } else if (value instanceof Iterable<?> items) {
            array(out, items.iterator(), indent);
        } else if (value instanceof long[] longs) {
            array(out, Arrays.stream(longs).boxed().iterator(), indent);
        } else if (value instanceof int[] ints) {
            array(out, Arrays.stream(ints).boxed().iterator(), indent);
        } else if (value instanceof double[] doubles) {
            array(out, Arrays.stream(doubles).boxed().iterator(), indent);
        } else {
            out.append(quote(value.toString()));
        }
    }

    private static void number(StringBuilder out, double d) {
        if (!Double.isFinite(d)) {
            out.append("null");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            out.append((long) d).append(".0");
        } else {
            out.append(d);
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map, String indent) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        String inner = indent + "  ";
        out.append("{\n");
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> e = entries.next();
            out.append(inner).append(quote(String.valueOf(e.getKey()))).append(": ");
            write(out, e.getValue(), inner);
            out.append(entries.hasNext() ? ",\n" : "\n");
        }
        out.append(indent).append('}');
    }

    private static void array(StringBuilder out, Iterator<?> items, String indent) {
        if (!items.hasNext()) {
            out.append("[]");
            return;
        }
        String inner = indent + "  ";
        out.append("[\n");
        while (items.hasNext()) {
            out.append(inner);
            write(out, items.next(), inner);
            out.append(items.hasNext() ? ",\n" : "\n");
        }
        out.append(indent).append(']');
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
