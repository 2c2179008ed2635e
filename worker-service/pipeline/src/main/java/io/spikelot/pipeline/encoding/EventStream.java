package io.spikelot.pipeline.encoding;

/**
 * A recording of DVS events sorted by time: event i is at pixel ({@code x[i]}, {@code y[i]}) with polarity
 * {@code p[i]} (0 or 1) and timestamp {@code t[i]} (µs).
 *
 * @param width sensor width in pixels
 * @param height sensor height in pixels
 */
public record EventStream(int width, int height, int[] x, int[] y, int[] p, long[] t) {

    public EventStream {
        int n = x.length;
        if (y.length != n || p.length != n || t.length != n) {
            throw new IllegalArgumentException(
                    "Event arrays differ in length: x=" + n + " y=" + y.length + " p=" + p.length + " t=" + t.length);
        }
        for (int i = 0; i < n; i++) {
            if (x[i] < 0 || x[i] >= width || y[i] < 0 || y[i] >= height || (p[i] != 0 && p[i] != 1)) {
                throw new IllegalArgumentException("Event " + i + " (x=" + x[i] + ", y=" + y[i] + ", p=" + p[i]
                        + ") is outside the " + width + "×" + height + " sensor or has a polarity other than 0/1");
            }
        }
    }

    public int size() {
        return x.length;
    }
}
