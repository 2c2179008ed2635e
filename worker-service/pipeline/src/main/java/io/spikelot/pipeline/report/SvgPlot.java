package io.spikelot.pipeline.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A minimal line chart as standalone SVG 1.1: axes with min/max tick labels, one polyline with point markers per
 * series and a legend. The y range is fixed by the caller (accuracy: [0, 1]); the x range spans the data.
 */
public final class SvgPlot {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final int LEFT = 60;
    private static final int RIGHT = 150;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};

    /**
     * One line.
     *
     * @param name legend label
     * @param x x values, same length as {@code y}
     * @param y y values; non-finite ones are skipped
     */
    public record Series(String name, double[] x, double[] y) {

        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("Series " + name + " has " + x.length + " x and " + y.length + " y");
            }
        }
    }

    /**
     * One labelled point of a scatter chart.
     *
     * @param label text next to the marker
     * @param x a positive x value (the axis is logarithmic)
     * @param y the y value
     */
    public record Point(String label, double x, double y) {}

    private SvgPlot() {}

    /**
     * A scatter chart with a base-10 logarithmic x axis (decade ticks), one labelled marker per point and the
     * {@code frontier} points joined by a line, as UTF-8 SVG text. Points with a non-positive x are left out.
     */
    public static byte[] scatterLogX(
            String title,
            String xLabel,
            String yLabel,
            double yMin,
            double yMax,
            List<Point> points,
            List<Point> frontier) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            if (p.x() > 0) {
                lo = Math.min(lo, Math.log10(p.x()));
                hi = Math.max(hi, Math.log10(p.x()));
            }
        }
        if (!Double.isFinite(lo)) {
            lo = 0;
            hi = 1;
        }
        Frame frame = new Frame(Math.floor(lo), Math.max(Math.ceil(hi), Math.floor(lo) + 1), yMin, yMax);
        StringBuilder svg = open(title);
        axes(svg, frame, xLabel, yLabel, true);
        for (double decade = frame.xMin() + 1; decade < frame.xMax(); decade++) {
            double x = frame.px(decade);
            text(svg, x, frame.py(yMin) + 16, "middle", decadeLabel(decade), 11);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
                    x,
                    frame.py(yMin),
                    x,
                    frame.py(yMax)));
        }
        StringBuilder line = new StringBuilder();
        for (Point p : frontier) {
            if (p.x() > 0 && Double.isFinite(p.y())) {
                line.append(line.isEmpty() ? "" : " ")
                        .append(String.format(Locale.ROOT, "%.1f,%.1f", frame.px(Math.log10(p.x())), frame.py(p.y())));
            }
        }
        svg.append(String.format(
                "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n", line, COLORS[3]));
        for (Point p : points) {
            if (!(p.x() > 0) || !Double.isFinite(p.y())) {
                continue;
            }
            boolean onFrontier = frontier.contains(p);
            double x = frame.px(Math.log10(p.x()));
            double y = frame.py(p.y());
            svg.append(String.format(
                    Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>\n",
                    x,
                    y,
                    onFrontier ? COLORS[3] : COLORS[0]));
            text(svg, x + 6, y - 6, "start", p.label(), 10);
        }
        legend(svg, 0, COLORS[3], "frontier");
        svg.append("</svg>\n");
        return svg.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The document header, a white background and the title. */
    private static StringBuilder open(String title) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"12\">\n",
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(svg, WIDTH / 2.0, 22, "middle", title, 15);
        return svg;
    }

    private static String decadeLabel(double decade) {
        return "1e" + (long) decade;
    }

    /** The chart as UTF-8 SVG text, starting with {@code <svg}. */
    public static byte[] lines(
            String title, String xLabel, String yLabel, double yMin, double yMax, List<Series> series) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double x : s.x()) {
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
            }
        }
        if (!(xMax > xMin)) {
            xMin = Double.isFinite(xMin) ? xMin - 0.5 : 0;
            xMax = xMin + 1;
        }
        Frame frame = new Frame(xMin, xMax, yMin, yMax);
        StringBuilder svg = open(title);
        axes(svg, frame, xLabel, yLabel, false);
        for (int i = 0; i < series.size(); i++) {
            line(svg, frame, series.get(i), COLORS[i % COLORS.length], i);
        }
        svg.append("</svg>\n");
        return svg.toString().getBytes(StandardCharsets.UTF_8);
    }

    private record Frame(double xMin, double xMax, double yMin, double yMax) {
        double px(double x) {
            return LEFT + (x - xMin) / (xMax - xMin) * (WIDTH - LEFT - RIGHT);
        }

        double py(double y) {
            return HEIGHT - BOTTOM - (y - yMin) / (yMax - yMin) * (HEIGHT - TOP - BOTTOM);
        }
    }

    private static void axes(StringBuilder svg, Frame f, String xLabel, String yLabel, boolean logX) {
        double x0 = f.px(f.xMin());
        double x1 = f.px(f.xMax());
        double y0 = f.py(f.yMin());
        double y1 = f.py(f.yMax());
        svg.append(String.format(
                Locale.ROOT,
                "<path d=\"M%.1f %.1f L%.1f %.1f L%.1f %.1f\" fill=\"none\" stroke=\"black\"/>\n",
                x0,
                y1,
                x0,
                y0,
                x1,
                y0));
        text(svg, x0, y0 + 16, "middle", logX ? decadeLabel(f.xMin()) : number(f.xMin()), 11);
        text(svg, x1, y0 + 16, "middle", logX ? decadeLabel(f.xMax()) : number(f.xMax()), 11);
        text(svg, x0 - 6, y0 + 4, "end", number(f.yMin()), 11);
        text(svg, x0 - 6, y1 + 4, "end", number(f.yMax()), 11);
        text(svg, (x0 + x1) / 2, HEIGHT - 12, "middle", xLabel, 12);
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 %.1f)\">%s</text>\n",
                (y0 + y1) / 2,
                (y0 + y1) / 2,
                escape(yLabel)));
    }

    private static void line(StringBuilder svg, Frame f, Series s, String color, int index) {
        StringBuilder points = new StringBuilder();
        StringBuilder markers = new StringBuilder();
        for (int i = 0; i < s.x().length; i++) {
            if (!Double.isFinite(s.y()[i])) {
                continue;
            }
            String point = String.format(Locale.ROOT, "%.1f,%.1f", f.px(s.x()[i]), f.py(s.y()[i]));
            points.append(points.isEmpty() ? "" : " ").append(point);
            String[] xy = point.split(",");
            markers.append(String.format("<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\"/>\n", xy[0], xy[1], color));
        }
        svg.append(String.format(
                "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n", points, color));
        svg.append(markers);
        legend(svg, index, color, s.name());
    }

    private static void legend(StringBuilder svg, int index, String color, String name) {
        double ly = TOP + 10 + 18 * index;
        double lx = WIDTH - RIGHT + 15;
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>\n",
                lx,
                ly,
                lx + 20,
                ly,
                color));
        text(svg, lx + 26, ly + 4, "start", name, 11);
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String content, int size) {
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>\n",
                x,
                y,
                anchor,
                size,
                escape(content)));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** XML text escaping. */
    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
