package io.spikelot.pipeline.artifact;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small file's content: a BOOL mask, an F32 weight, an I8 tensor and a scalar, given out of name order. */
final class SafetensorsFixtures {

    static final float[] WEIGHT = {0.35f, 0f, -0.35f, 1.5e-3f, -2.25f, 1e10f};
    static final boolean[] MASK = {true, false, true, true, false};
    static final byte[] INT8 = {-128, -1, 0, 1, 127, 5, 6};

    private SafetensorsFixtures() {}

    static Map<String, TensorBytes> someTensors() {
        Map<String, TensorBytes> tensors = new LinkedHashMap<>();
        tensors.put("conv1.weight", TensorBytes.ofFloats(WEIGHT, 2, 3));
        tensors.put("conv1.mask", TensorBytes.ofBooleans(MASK, 5));
        tensors.put("alpha", TensorBytes.ofFloats(new float[] {0.5f}));
        tensors.put("q.codes", TensorBytes.ofInt8(INT8, 7, 1));
        return tensors;
    }

    static Map<String, String> someMetadata() {
        return Map.of("format", "pt", "pruneRatio", "0.4", "note", "quote \" and \\ and é");
    }
}
