package io.spikelot.pipeline.ticket;

import ai.djl.ndarray.NDArray;
import io.spikelot.pipeline.tensor.Scalars;
import io.spikelot.pipeline.tensor.Scopes;

/**
 * How scores turn frozen weights into the effective weight of a forward pass (§2, §3, DJL notes §10). Both kinds
 * give the straight-through score gradient {@code ∂L/∂s = (∂L/∂W_eff) ⊙ W ⊙ sign(s)}; the weights get none.
 *
 * <p>Every intermediate is created from {@code |s|} first so that it lands in the manager of the magnitudes the
 * caller passes (the per-batch scope), never in the parameters' manager.
 */
public enum TicketKind {
    /** Edge-popup: {@code W_eff = W ⊙ M}. */
    EDGE_POPUP {
        @Override
        public NDArray effectiveWeight(NDArray weight, NDArray absScores, NDArray mask) {
            // value M, gradient 1 to |s|: q = |s| + stopGradient(M − |s|)
            NDArray q = absScores.add(mask.sub(absScores).stopGradient());
            return q.mul(weight);
        }

        @Override
        public NDArray deployableWeight(NDArray weight, NDArray mask) {
            return Scopes.adopt(mask.getManager(), weight.mul(mask));
        }
    },
    /** Biprop (multi-prize tickets): {@code W_eff = α · sign(W) ⊙ M}, α = mean |W| over the kept entries. */
    BIPROP {
        @Override
        public NDArray effectiveWeight(NDArray weight, NDArray absScores, NDArray mask) {
            NDArray absWeight = Scopes.adopt(absScores.getManager(), weight.abs());
            NDArray alphaMask = mask.mul(gain(absWeight, mask));
            // value α·M, gradient |W| to |s| (α held constant, as the reference's backward does)
            NDArray u = absScores.mul(absWeight);
            NDArray q = u.add(alphaMask.sub(u).stopGradient());
            return q.mul(Scopes.adopt(absScores.getManager(), weight.sign()));
        }

        @Override
        public NDArray deployableWeight(NDArray weight, NDArray mask) {
            NDArray alpha = gain(Scopes.adopt(mask.getManager(), weight.abs()), mask);
            return mask.mul(alpha).mul(Scopes.adopt(mask.getManager(), weight.sign()));
        }
    };

    /**
     * The effective weight.
     *
     * @param weight frozen W, {@code [out, in, k, k]} or {@code [out, in]}
     * @param absScores |s| with gradient, same shape, in the per-batch manager
     * @param mask the 0/1 top-k mask of |s|, same shape, no gradient
     * @return W_eff, same shape, in the manager of {@code absScores}
     */
    public abstract NDArray effectiveWeight(NDArray weight, NDArray absScores, NDArray mask);

    /**
     * The weight a finished ticket deploys, computed directly rather than through the straight-through
     * expression: {@code |s| + (α·M − |s|)} rounds to a value an ulp or two off α·M, so the forward pass's weight
     * is not exactly ±α. The deployable one is: every kept entry of a biprop layer is exactly ±α (what makes the
     * bit-packed ticket exact), every pruned one ±0.
     *
     * @param weight frozen W, {@code [out, in, k, k]} or {@code [out, in]}
     * @param mask the 0/1 mask, same shape, no gradient
     * @return W ⊙ M or α·M ⊙ sign(W), same shape, in the manager of {@code mask}
     */
    public abstract NDArray deployableWeight(NDArray weight, NDArray mask);

    /**
     * Biprop's per-layer gain α = Σ|W ⊙ M| / ΣM (decision D17: ΣM, not the reference's {@code int(k·n)}, which can
     * differ by one element); a 0-d array without gradient, 0 when nothing is kept.
     */
    public static NDArray gain(NDArray absWeight, NDArray mask) {
        NDArray kept = Scalars.maximum(mask.sum(), 1);
        return absWeight.mul(mask).sum().div(kept).stopGradient();
    }
}
