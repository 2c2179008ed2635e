package io.spikelot.pipeline.encoding;

import io.spikelot.model.spec.FrameSplit;

/**
 * Integrates an event stream into T frames of per-polarity event counts, {@code [T, 2, H, W]} flattened
 * row-major (channel 0 holds p = 0). Counts are not binarised (D16). With a target size other than the sensor's,
 * coordinates are scaled ({@code x' = ⌊x·W'/W⌋}), so counts of merged pixels add up.
 *
 * @param frames T, ≥ 1
 * @param splitBy segmenting rule
 * @param height target frame height H
 * @param width target frame width W
 */
public record EventFraming(int frames, FrameSplit splitBy, int height, int width) {

    public EventFraming {
        if (frames < 1 || height < 1 || width < 1 || splitBy == null) {
            throw new IllegalArgumentException(
                    "Event framing needs T, H, W ≥ 1 and a split rule, got T=" + frames + " " + height + "×" + width);
        }
    }

    /** Floats per sample: T·2·H·W. */
    public int sampleLength() {
        return frames * 2 * height * width;
    }

    /** Writes the frames of {@code events} into {@code out[offset, offset + sampleLength())}. */
    public void integrate(EventStream events, float[] out, int offset) {
        java.util.Arrays.fill(out, offset, offset + sampleLength(), 0f);
        int n = events.size();
        if (n == 0) {
            return;
        }
        int frameSize = 2 * height * width;
        for (int j = 0; j < frames; j++) {
            int from = segmentStart(events, j);
            int to = j == frames - 1 ? n : segmentStart(events, j + 1);
            for (int i = from; i < to; i++) {
                int xs = (int) ((long) events.x()[i] * width / events.width());
                int ys = (int) ((long) events.y()[i] * height / events.height());
                out[offset + j * frameSize + (events.p()[i] * height + ys) * width + xs] += 1f;
            }
        }
    }

    /** Index of the first event of segment j (§1.4). */
    int segmentStart(EventStream events, int j) {
        int n = events.size();
        if (splitBy == FrameSplit.NUMBER) {
            return (n / frames) * j;
        }
        long t0 = events.t()[0];
        double span = (events.t()[n - 1] - t0) / (double) frames;
        double start = t0 + span * j;
        // first event with t >= start; timestamps are sorted
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.t()[mid] < start) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
