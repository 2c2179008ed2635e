package io.spikelot.pipeline.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.model.spec.FrameSplit;
import org.junit.jupiter.api.Test;

/** Frames from §1.4: segments by event number or time, per-polarity counts. */
class EventFramingTest {

    // 5 events on a 2×2 sensor; timestamps 0, 1, 2, 3, 10
    private static final EventStream EVENTS = new EventStream(
            2, 2, new int[] {0, 1, 1, 0, 1}, new int[] {0, 0, 1, 1, 1}, new int[] {0, 1, 1, 0, 1}, new long[] {
                0, 1, 2, 3, 10
            });

    @Test
    void splitByNumberGivesTheLastSegmentTheRest() {
        EventFraming framing = new EventFraming(2, FrameSplit.NUMBER, 2, 2);
        assertThat(framing.segmentStart(EVENTS, 1)).isEqualTo(2);
        float[] out = new float[framing.sampleLength()];
        framing.integrate(EVENTS, out, 0);
        // frame 0: events 0 (p0 @0,0) and 1 (p1 @1,0); frame 1: events 2, 3, 4
        assertThat(out).containsExactly(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 2);
    }

    @Test
    void splitByTimeUsesEqualSpans() {
        EventFraming framing = new EventFraming(2, FrameSplit.TIME, 2, 2);
        // span = (10 - 0)/2 = 5: events with t < 5 go to frame 0
        assertThat(framing.segmentStart(EVENTS, 1)).isEqualTo(4);
        float[] out = new float[framing.sampleLength()];
        framing.integrate(EVENTS, out, 0);
        float frame1 = 0;
        for (int i = 8; i < 16; i++) {
            frame1 += out[i];
        }
        assertThat(frame1).isEqualTo(1f);
    }

    @Test
    void resizingAddsCountsOfMergedPixels() {
        EventFraming framing = new EventFraming(1, FrameSplit.NUMBER, 1, 1);
        float[] out = new float[framing.sampleLength()];
        framing.integrate(EVENTS, out, 0);
        assertThat(out).containsExactly(2, 3);
    }
}
