package io.spikelot.model.spec;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/**
 * The {@code model} object of a {@code qsnn} spec: an {@code slt} model without {@code neuron} and
 * {@code timesteps}, since a QSNN always spikes and takes T from each allocation.
 *
 * @param architecture catalog name ({@code convnet-s}, {@code vgg9}, {@code resnet19}, {@code spikformer-*}, ...)
 * @param lif the LIF settings, flat in the JSON object ({@code model.tau}, {@code model.reset}, ...)
 */
public record QsnnModelSettings(String architecture, @JsonUnwrapped LifSettings lif) {

    public QsnnModelSettings {
        Objects.requireNonNull(lif, "model's LIF settings are required");
    }

    /**
     * The API's defaults: the QSNN paper's neuron (Eq. 1 and 6), {@code v_t = v_{t−1}/τ + Σ w·s}: the input is not
     * scaled by 1/τ, and a spike resets the membrane to 0 (hard, detached), the level following Eq. 7 (decision D12);
     * otherwise {@link LifSettings#defaults()}. No architecture (it is required).
     */
    public static QsnnModelSettings defaults() {
        return new QsnnModelSettings(
                null,
                LifSettings.defaults()
                        .withReset(ResetMode.HARD)
                        .withDecayInput(false)
                        .withDetachReset(true));
    }

    public QsnnModelSettings withArchitecture(String architecture) {
        return new QsnnModelSettings(architecture, lif);
    }

    /** The same settings as a spiking model of T timesteps. */
    public ModelSettings withTimesteps(int timesteps) {
        return new ModelSettings(architecture, NeuronKind.LIF, timesteps, lif, true);
    }
}
