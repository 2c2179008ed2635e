package io.spikelot.model.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How a dataset sample becomes the network's input. Static images: {@code x[c] = (pixel[c]·scale − mean[c]) /
 * std[c]} on the raw 8-bit pixels, layout {@code [C, H, W]}. Event recordings: per-polarity event counts in T
 * frames, {@code [T, 2, H, W]}, not normalised.
 *
 * @param kind {@code static}, {@code events} or {@code synthetic} (generated samples that are already the input)
 * @param inputShape the per-frame shape {@code [C, H, W]}
 * @param scale static: the factor applied to raw pixels (1/255)
 * @param mean static: per-channel mean subtracted after scaling
 * @param std static: per-channel standard deviation divided by
 * @param formula the transformation in one line
 * @param framing events: how the stream is cut into frames
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Preprocessing(
        String kind,
        List<Integer> inputShape,
        Double scale,
        List<Double> mean,
        List<Double> std,
        String formula,
        EventFraming framing) {

    /**
     * The framing of event recordings.
     *
     * @param frames T
     * @param splitBy {@code number} (equal event counts per frame) or {@code time} (equal time spans)
     * @param size the square frame size after scaling coordinates ({@code x' = ⌊x·size/width⌋}), or the sensor's
     * @param polarityChannels 2: channel 0 counts p = 0 events, channel 1 p = 1
     * @param values what a frame pixel holds
     */
    public record EventFraming(int frames, String splitBy, int size, int polarityChannels, String values) {}
}
