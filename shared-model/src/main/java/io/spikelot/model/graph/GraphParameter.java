package io.spikelot.model.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One tensor a layer reads from {@code model.safetensors}.
 *
 * @param name the tensor's name in the file ({@code conv1.weight}, {@code bn1.running_mean})
 * @param shape its dimensions; conv weights {@code [out, in, k, k]}, linear weights {@code [out, in]}
 * @param role {@code weight}, {@code bias}, {@code norm-scale} (BatchNorm γ), {@code norm-shift} (β),
 *     {@code running-mean} or {@code running-var}
 * @param quantization optional: how a quantized weight is stored (integer codes times a scale); absent for F32
 *     tensors
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GraphParameter(String name, List<Integer> shape, String role, Quantization quantization) {

    public GraphParameter {
        shape = List.copyOf(shape);
    }

    /**
     * A weight stored as integer codes: {@code weight = codes · scale}.
     *
     * @param bits W
     * @param scale the name of the F32 scalar scale tensor ({@code conv1.weight_scale})
     * @param levelsPerSide n: codes lie in [−n, n] (1 for W = 1, whose codes are ±1)
     */
    public record Quantization(int bits, String scale, int levelsPerSide) {}
}
