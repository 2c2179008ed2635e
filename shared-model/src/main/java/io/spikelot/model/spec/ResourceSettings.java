package io.spikelot.model.spec;

import java.util.Objects;

/**
 * The {@code resources} object of a job spec.
 *
 * @param device which worker pool runs the job
 */
public record ResourceSettings(Device device) {

    public ResourceSettings {
        Objects.requireNonNull(device, "resources.device is required");
    }

    /** The API's default: {@link Device#AUTO}. */
    public static ResourceSettings defaults() {
        return new ResourceSettings(Device.AUTO);
    }
}
