package io.spikelot.model.spec;

/**
 * The {@code resources} object of a job spec.
 *
 * @param device {@code auto}, {@code cpu} or {@code gpu}
 */
public record ResourceSettings(String device) {}
