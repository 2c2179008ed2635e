package io.spikelot.pipeline.neuron;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.spikelot.model.spec.ResetMode;
import io.spikelot.pipeline.tensor.Scalars;

/**
 * Multi-step leaky integrate-and-fire neuron (ALGORITHMS.md §1.1), without parameters.
 *
 * <p>Input: currents {@code [T·B, ...]}, time-major. Output: spikes of the same shape. The membrane starts at
 * {@link LifConfig#initialPotential()} at every forward call, so state never leaks from one batch to the next.
 *
 * <p>With S ≥ 2 spike bits the neuron emits multi-level spikes ({@link MultiLevelSpike}): a soft reset subtracts
 * {@code level·V_th}, a hard reset returns every neuron with a non-zero level to V_reset (the reset indicator carries
 * no gradient). S = 1 is the ordinary binary spike of value 1.
 */
public final class LifNeuron extends AbstractBlock implements SpikingLayer {

    private final LifConfig config;
    private final int timesteps;
    private final int spikeBits;
    private FiringRate lastRate = FiringRate.NONE;

    public LifNeuron(LifConfig config, int timesteps) {
        this(config, timesteps, 1);
    }

    /** @param spikeBits S, 1 to 16: spikes carry levels 0 to 2^S − 1 */
    public LifNeuron(LifConfig config, int timesteps, int spikeBits) {
        if (timesteps < 1) {
            throw new IllegalArgumentException("LIF timesteps must be >= 1, was " + timesteps);
        }
        if (spikeBits < 1 || spikeBits > 16) {
            throw new IllegalArgumentException("LIF spike bits must lie in [1, 16], was " + spikeBits);
        }
        this.config = config;
        this.timesteps = timesteps;
        this.spikeBits = spikeBits;
    }

    public int spikeBits() {
        return spikeBits;
    }

    public LifConfig config() {
        return config;
    }

    @Override
    public FiringRate lastFiringRate() {
        return lastRate;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray spikes = simulate(inputs.singletonOrThrow(), false).spikes();
        // one host sync per layer and batch: the measured rates feed progress reports and the energy estimate
        if (spikeBits == 1) {
            lastRate = new FiringRate(spikes.sum().getFloat(), spikes.size());
        } else {
            NDArray levels = Scalars.div(spikes.stopGradient(), config.vThreshold());
            lastRate = new FiringRate(
                    levels.countNonzero().getLong(), spikes.size(), levels.sum().getFloat());
        }
        return new NDList(spikes);
    }

    /** Runs the neuron over {@code x = [T·B, ...]}; keeps H and V per step when {@code keepTrace}. */
    public LifTrace simulate(NDArray x, boolean keepTrace) {
        long merged = x.getShape().get(0);
        if (merged % timesteps != 0) {
            throw new IllegalArgumentException(
                    "LIF input " + x.getShape() + " has a first axis not divisible by T=" + timesteps);
        }
        NDList currents = x.split(timesteps, 0);
        NDList spikes = new NDList(timesteps);
        NDList charges = new NDList(keepTrace ? timesteps : 0);
        NDList potentials = new NDList(keepTrace ? timesteps : 0);
        NDArray v = null;
        for (NDArray current : currents) {
            NDArray h = charge(v, current);
            NDArray s;
            if (spikeBits == 1) {
                s = SpikeFunction.fire(h.sub((float) config.vThreshold()), config.surrogate());
                v = reset(h, s);
            } else {
                s = MultiLevelSpike.fire(h, config.vThreshold(), (1 << spikeBits) - 1, config.surrogate());
                v = resetMultiLevel(h, s);
            }
            spikes.add(s);
            if (keepTrace) {
                charges.add(h);
                potentials.add(v);
            }
        }
        NDArray out = NDArrays.concat(spikes, 0);
        return keepTrace
                ? new LifTrace(out, NDArrays.stack(charges), NDArrays.stack(potentials))
                : new LifTrace(out, null, null);
    }

    private NDArray charge(NDArray v, NDArray current) {
        NDArray h = config.inputGain() == 1 ? current : Scalars.mul(current, config.inputGain());
        double startPotential = config.initialPotential();
        if (v != null) {
            h = h.add(Scalars.mul(v, config.decay()));
        } else if (startPotential != 0) {
            h = h.add((float) (config.decay() * startPotential));
        }
        double drive = config.restingDrive();
        return drive == 0 ? h : h.add((float) drive);
    }

    private NDArray reset(NDArray h, NDArray s) {
        NDArray fired = config.detachReset() ? s.stopGradient() : s;
        if (config.reset() == ResetMode.SOFT) {
            return h.sub(Scalars.mul(fired, config.vThreshold()));
        }
        NDArray kept = h.mul(fired.neg().add(1f));
        return config.vReset() == 0 ? kept : kept.add(Scalars.mul(fired, config.vReset()));
    }

    private NDArray resetMultiLevel(NDArray h, NDArray s) {
        if (config.reset() == ResetMode.SOFT) {
            return h.sub(config.detachReset() ? s.stopGradient() : s);
        }
        NDArray fired = s.stopGradient().gt(0f).toType(h.getDataType(), false);
        NDArray kept = h.mul(fired.neg().add(1f));
        return config.vReset() == 0 ? kept : kept.add(Scalars.mul(fired, config.vReset()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    public String toString() {
        return "LifNeuron(T=" + timesteps + (spikeBits == 1 ? "" : ", S=" + spikeBits) + ", " + config + ")";
    }
}
