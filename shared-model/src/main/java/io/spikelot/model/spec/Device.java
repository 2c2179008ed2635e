package io.spikelot.model.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Which worker pool runs a job: {@code resources.device}. */
public enum Device implements WireEnum {
    /** Whichever pool the API is configured to send such jobs to ({@code spikelot.jobs.auto-device}). */
    AUTO,
    /** A CPU worker. */
    CPU,
    /** A GPU worker; a worker without a GPU refuses the job. */
    GPU;

    /** The constant named {@code wireName} in the spec's JSON; see {@link WireEnum#fromWireName(Class, String)}. */
    @JsonCreator
    public static Device fromWireName(String wireName) {
        return WireEnum.fromWireName(Device.class, wireName);
    }
}
