package io.spikelot.pipeline.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A CSV table (RFC 4180: comma-separated, CRLF-free {@code \n} lines, fields quoted when needed). */
public final class CsvTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public CsvTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** Adds a row of as many values as the header has columns; numbers are written in full, null is empty. */
    public void add(List<?> values) {
        if (values.size() != header.size()) {
            throw new IllegalArgumentException("Row of " + values.size() + " values for " + header.size() + " columns");
        }
        rows.add(values.stream().map(CsvTable::cell).toList());
    }

    public byte[] bytes() {
        StringBuilder out = new StringBuilder();
        line(out, header);
        rows.forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n");
            out.append(i > 0 ? "," : "").append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        out.append('\n');
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "";
        }
        return value.toString();
    }
}
