package io.spikelot.api.spec;

import io.spikelot.model.job.JobType;
import io.spikelot.model.job.ResourceClass;
import tools.jackson.databind.node.ObjectNode;

/**
 * A job spec that passed every check, with its defaults filled in.
 *
 * @param type the job type
 * @param name the user's name for the job
 * @param spec the normalized spec, as the worker receives it
 * @param resourceClass the worker pool it goes to
 */
public record ValidatedSpec(JobType type, String name, ObjectNode spec, ResourceClass resourceClass) {}
