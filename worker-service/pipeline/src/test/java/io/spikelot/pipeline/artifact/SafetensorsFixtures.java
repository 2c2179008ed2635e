package io.spikelot.pipeline.artifact;

import io.spikelot.pipeline.tensor.HostTensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small file's content: a BOOL mask, an F32 weight, an I8 tensor and a scalar, given out of name order. */
final class SafetensorsFixtures {

    static final float[] WEIGHT = {0.35f, 0f, -0.35f, 1.5e-3f, -2.25f, 1e10f};
    static final boolean[] MASK = {true, false, true, true, false};
    static final byte[] INT8 = {-128, -1, 0, 1, 127, 5, 6};

    private SafetensorsFixtures() {}

    static Map<String, HostTensor> someTensors() {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        tensors.put("conv1.weight", new HostTensor.Floats(new long[] {2, 3}, WEIGHT));
        tensors.put("conv1.mask", new HostTensor.Booleans(new long[] {5}, MASK));
        tensors.put("alpha", new HostTensor.Floats(new long[] {}, new float[] {0.5f}));
        tensors.put("q.codes", new HostTensor.Bytes(new long[] {7, 1}, INT8));
        return tensors;
    }

    static Map<String, String> someMetadata() {
        return Map.of("format", "pt", "pruneRatio", "0.4", "note", "quote \" and \\ and é");
    }
}
