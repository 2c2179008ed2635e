package io.spikelot.model.messaging;

import io.spikelot.model.job.ResourceClass;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Asks a worker to run one attempt of a job.
 *
 * @param jobId the job
 * @param attempt 1 for the first dispatch, +1 for every re-dispatch after a lost worker
 * @param type the job type's wire name ({@code slt}, {@code imp}, {@code qsnn})
 * @param name the user's name for the job
 * @param resourceClass the pool the job was routed to
 * @param spec the whole job spec as the user submitted it (after validation), as a JSON object tree
 * @param dispatchedAt when the API published this dispatch
 */
public record JobDispatch(
        UUID jobId,
        int attempt,
        String type,
        String name,
        ResourceClass resourceClass,
        Map<String, Object> spec,
        Instant dispatchedAt) {}
