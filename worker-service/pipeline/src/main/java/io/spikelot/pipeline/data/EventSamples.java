package io.spikelot.pipeline.data;

import io.spikelot.model.arch.InputShape;
import io.spikelot.pipeline.encoding.EventFraming;
import io.spikelot.pipeline.encoding.EventStream;
import java.util.List;

/** Event recordings, integrated into {@code [T, 2, H, W]} frames when a batch asks for them. */
final class EventSamples implements SampleSet {

    private final List<EventStream> streams;
    private final int[] labels;
    private final int classes;
    private final EventFraming framing;

    EventSamples(List<EventStream> streams, int[] labels, int classes, EventFraming framing) {
        if (streams.size() != labels.length) {
            throw new IllegalArgumentException(streams.size() + " recordings but " + labels.length + " labels");
        }
        this.streams = List.copyOf(streams);
        this.labels = labels;
        this.classes = classes;
        this.framing = framing;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public InputShape frameShape() {
        return new InputShape(2, framing.height(), framing.width());
    }

    @Override
    public int frames() {
        return framing.frames();
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public void copySample(int index, float[] out, int offset) {
        framing.integrate(streams.get(index), out, offset);
    }
}
