package io.spikelot.pipeline.data;

import io.spikelot.model.arch.InputShape;
import io.spikelot.pipeline.encoding.EventFraming;
import io.spikelot.pipeline.encoding.EventStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded, learnable stand-ins for real data, for demos and tests. The same seed and index always give the same
 * sample. Static: a per-class random prototype plus noise, {@code [1, 28, 28]}. Events: a dot moving in a
 * per-class direction on a 32×32 sensor, polarity by class parity.
 */
final class SyntheticData {

    static final int CLASSES = 10;
    static final int TRAIN_SIZE = 2000;
    static final int TEST_SIZE = 500;
    private static final InputShape STATIC_SHAPE = new InputShape(1, 28, 28);
    private static final int SENSOR = 32;
    private static final int EVENTS_PER_SAMPLE = 512;

    private SyntheticData() {}

    static StaticSamples staticSamples(long seed, boolean train, int limit) {
        int n = Math.min(limit, train ? TRAIN_SIZE : TEST_SIZE);
        int length = STATIC_SHAPE.channels() * STATIC_SHAPE.height() * STATIC_SHAPE.width();
        float[][] prototypes = new float[CLASSES][length];
        Random prototypeRandom = new Random(seed);
        for (float[] prototype : prototypes) {
            for (int i = 0; i < length; i++) {
                prototype[i] = (float) prototypeRandom.nextGaussian();
            }
        }
        float[] pixels = new float[n * length];
        int[] labels = new int[n];
        for (int s = 0; s < n; s++) {
            Random r = sampleRandom(seed, train, s);
            labels[s] = r.nextInt(CLASSES);
            for (int i = 0; i < length; i++) {
                pixels[s * length + i] = prototypes[labels[s]][i] + (float) r.nextGaussian();
            }
        }
        return new StaticSamples(STATIC_SHAPE, CLASSES, pixels, labels);
    }

    static EventSamples eventSamples(long seed, boolean train, int limit, EventFraming framing) {
        int n = Math.min(limit, train ? TRAIN_SIZE : TEST_SIZE);
        List<EventStream> streams = new ArrayList<>(n);
        int[] labels = new int[n];
        for (int s = 0; s < n; s++) {
            Random r = sampleRandom(seed, train, s);
            labels[s] = r.nextInt(CLASSES);
            streams.add(movingDot(labels[s], r));
        }
        return new EventSamples(streams, labels, CLASSES, framing);
    }

    private static EventStream movingDot(int label, Random r) {
        double angle = 2 * Math.PI * label / CLASSES;
        int[] x = new int[EVENTS_PER_SAMPLE];
        int[] y = new int[EVENTS_PER_SAMPLE];
        int[] p = new int[EVENTS_PER_SAMPLE];
        long[] t = new long[EVENTS_PER_SAMPLE];
        for (int i = 0; i < EVENTS_PER_SAMPLE; i++) {
            double progress = i / (double) EVENTS_PER_SAMPLE;
            double radius = progress * SENSOR * 0.4;
            x[i] = clamp(SENSOR / 2.0 + radius * Math.cos(angle) + r.nextGaussian());
            y[i] = clamp(SENSOR / 2.0 + radius * Math.sin(angle) + r.nextGaussian());
            p[i] = r.nextDouble() < 0.8 ? label % 2 : 1 - label % 2;
            t[i] = i * 100L + r.nextInt(50);
        }
        return new EventStream(SENSOR, SENSOR, x, y, p, t);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(SENSOR - 1, Math.floor(v)));
    }

    private static Random sampleRandom(long seed, boolean train, int index) {
        return new Random(seed * 1_000_003L + (train ? 0 : 500_000_000L) + index);
    }

    static int sensorSize() {
        return SENSOR;
    }
}
