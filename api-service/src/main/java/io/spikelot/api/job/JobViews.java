package io.spikelot.api.job;

import io.spikelot.model.messaging.JobDispatch;
import java.time.Instant;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns stored jobs into what leaves the API: views for HTTP, dispatches for the broker. */
final class JobViews {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private JobViews() {}

    static JobView viewOf(JobEntity job, JsonMapper json) {
        JobView.Error error = job.errorCode() == null ? null : new JobView.Error(job.errorCode(), job.errorMessage());
        return new JobView(
                job.id(),
                job.type(),
                job.name(),
                job.status(),
                job.attempt(),
                job.maxAttempts(),
                job.resourceClass().wireName(),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt(),
                tree(job.progress(), json),
                tree(job.result(), json),
                error,
                tree(job.spec(), json));
    }

    static JobDispatch dispatchOf(JobEntity job, JsonMapper json, Instant now) {
        return new JobDispatch(
                job.id(),
                job.attempt(),
                job.type(),
                job.name(),
                job.resourceClass(),
                json.readValue(job.spec(), JSON_OBJECT),
                now);
    }

    private static JsonNode tree(String text, JsonMapper json) {
        return text == null ? null : json.readTree(text);
    }
}
