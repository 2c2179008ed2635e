package io.spikelot.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plot is standalone SVG with one polyline per series and escaped labels. */
class SvgPlotTest {

    @Test
    void drawsOnePolylinePerSeries() {
        String svg = new String(
                SvgPlot.lines(
                        "a < b & c",
                        "epoch",
                        "accuracy",
                        0,
                        1,
                        List.of(
                                new SvgPlot.Series("p=0.50", new double[] {1, 2}, new double[] {0.1, 0.4}),
                                new SvgPlot.Series("one point", new double[] {1}, new double[] {Double.NaN}))),
                StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg").endsWith("</svg>\n").contains("a &lt; b &amp; c");
        assertThat(svg.split("<polyline", -1)).hasSize(3);
    }

    @Test
    void csvQuotesCellsThatNeedIt() {
        CsvTable table = new CsvTable(List.of("a", "b"));
        table.add(List.of("x,y", 0.5));
        assertThat(new String(table.bytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\n\"x,y\",0.500000\n");
    }
}
