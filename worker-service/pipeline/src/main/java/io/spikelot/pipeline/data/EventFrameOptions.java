package io.spikelot.pipeline.data;

import io.spikelot.model.spec.FrameSplit;
import io.spikelot.pipeline.encoding.EventFraming;

/**
 * How event recordings become frames (D16).
 *
 * @param frames T
 * @param splitBy segmenting rule; {@link FrameSplit#NUMBER} by default
 * @param size square frame size after resizing, or 0 to keep the sensor size
 */
public record EventFrameOptions(int frames, FrameSplit splitBy, int size) {

    public EventFrameOptions {
        if (frames < 1 || size < 0 || splitBy == null) {
            throw new IllegalArgumentException(
                    "Event frames need T ≥ 1, size ≥ 0 and a split rule, got T=" + frames + ", size=" + size);
        }
    }

    /** T frames split by event number at the sensor's size. */
    public static EventFrameOptions of(int frames) {
        return new EventFrameOptions(frames, FrameSplit.NUMBER, 0);
    }

    EventFraming forSensor(int width, int height) {
        return size == 0
                ? new EventFraming(frames, splitBy, height, width)
                : new EventFraming(frames, splitBy, size, size);
    }
}
