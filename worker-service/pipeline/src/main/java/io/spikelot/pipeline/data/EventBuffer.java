package io.spikelot.pipeline.data;

import io.spikelot.pipeline.encoding.EventStream;
import java.util.Arrays;

/** A growable list of events, turned into an {@link EventStream} once reading is done. */
final class EventBuffer {

    private int[] x;
    private int[] y;
    private int[] p;
    private long[] t;
    private int size;

    EventBuffer(int capacity) {
        int c = Math.max(16, capacity);
        x = new int[c];
        y = new int[c];
        p = new int[c];
        t = new long[c];
    }

    void add(int xi, int yi, int pi, long ti) {
        if (size == x.length) {
            int c = size * 2;
            x = Arrays.copyOf(x, c);
            y = Arrays.copyOf(y, c);
            p = Arrays.copyOf(p, c);
            t = Arrays.copyOf(t, c);
        }
        x[size] = xi;
        y[size] = yi;
        p[size] = pi;
        t[size] = ti;
        size++;
    }

    int size() {
        return size;
    }

    long lastTimestamp() {
        return size == 0 ? Long.MIN_VALUE : t[size - 1];
    }

    /** The events with {@code from ≤ t < to}. */
    EventStream slice(long from, long to, int width, int height) {
        int start = 0;
        while (start < size && t[start] < from) {
            start++;
        }
        int end = start;
        while (end < size && t[end] < to) {
            end++;
        }
        return new EventStream(
                width,
                height,
                Arrays.copyOfRange(x, start, end),
                Arrays.copyOfRange(y, start, end),
                Arrays.copyOfRange(p, start, end),
                Arrays.copyOfRange(t, start, end));
    }

    EventStream toStream(int width, int height) {
        return slice(Long.MIN_VALUE, Long.MAX_VALUE, width, height);
    }
}
