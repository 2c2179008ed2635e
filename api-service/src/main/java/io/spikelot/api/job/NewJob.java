package io.spikelot.api.job;

import io.spikelot.model.job.JobType;
import io.spikelot.model.job.ResourceClass;
import java.util.UUID;

/** A validated submission, ready to be stored. */
record NewJob(
        UUID id,
        String tenant,
        JobType type,
        String name,
        ResourceClass resourceClass,
        String specJson,
        String idempotencyKey,
        String requestHash) {}
