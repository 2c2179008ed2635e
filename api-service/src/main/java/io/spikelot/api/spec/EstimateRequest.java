package io.spikelot.api.spec;

import io.spikelot.model.arch.InputShape;
import io.spikelot.model.cost.FiringRates;

/**
 * A validated estimate request.
 *
 * @param architecture catalog name
 * @param input the frame shape
 * @param classes the class count
 * @param timesteps T
 * @param firingRates the rates to price spikes at; null for the dense upper bound
 * @param weightBits W
 * @param spikeBits S
 */
public record EstimateRequest(
        String architecture,
        InputShape input,
        int classes,
        int timesteps,
        FiringRates firingRates,
        int weightBits,
        int spikeBits) {}
