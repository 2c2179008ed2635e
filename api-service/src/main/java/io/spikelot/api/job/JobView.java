package io.spikelot.api.job;

import io.spikelot.model.job.JobStatus;
import io.spikelot.model.messaging.JobProgress;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A job as the API shows it.
 *
 * @param progress {fraction, epoch, totalEpochs, message, metrics{}} of the latest report; null before the first
 * @param result the result summary once SUCCEEDED; null before
 * @param error {code, message} once FAILED; null otherwise
 * @param spec the spec as validated, defaults filled in
 */
public record JobView(
        UUID id,
        @Schema(ref = "#/components/schemas/JobType") String type,
        String name,
        JobStatus status,
        int attempt,
        int maxAttempts,
        String resourceClass,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        @Schema(implementation = JobProgress.class) JsonNode progress,
        @Schema(description = "The result summary of the job's type once SUCCEEDED", nullable = true) JsonNode result,
        Error error,
        @Schema(description = "The spec as validated, defaults filled in") JsonNode spec) {

    /** Why a job failed: a stable code and a message for people. */
    @Schema(name = "JobError")
    public record Error(String code, String message) {}
}
