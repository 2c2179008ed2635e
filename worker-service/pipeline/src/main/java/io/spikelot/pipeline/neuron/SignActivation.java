package io.spikelot.pipeline.neuron;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;

/**
 * The binary activation of multi-prize tickets with binary activations (MPT-1/1, biprop's {@code Conv6_BinAct};
 * ALGORITHMS.md §3): {@code sign(x)} forward, with sign(0) = 0 as in PyTorch, and Bi-Real's quadratic-spline
 * straight-through estimator backward, {@code ∂/∂x = 2·(1 − |x|)} for |x| ≤ 1 and 0 elsewhere. Any shape; the
 * output has the input's shape and manager.
 */
public final class SignActivation {

    private SignActivation() {}

    /** A fresh block applying {@link #apply} to its single input. */
    public static Block block() {
        return new LambdaBlock(inputs -> new NDList(apply(inputs.singletonOrThrow())), "sign");
    }

    /** {@code sign(x)} with the Bi-Real gradient. */
    public static NDArray apply(NDArray x) {
        // ApproxSign g(c) = 2c − c·|c| on c = clip(x, −1, 1): g' = 2(1 − |x|) inside, 0 outside, g(±1) = ±1.
        // DJL has no custom autograd: g + detach(sign(x) − g) has the value sign(x) and the gradient g'.
        NDArray c = x.clip(-1f, 1f);
        NDArray smooth = c.add(c).sub(c.mul(c.abs()));
        return smooth.add(x.sign().sub(smooth).stopGradient());
    }
}
