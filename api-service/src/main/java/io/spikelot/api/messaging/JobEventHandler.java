package io.spikelot.api.messaging;

import io.spikelot.model.messaging.JobEvent;

/** Applies one worker event to the job it concerns; implemented by the job lifecycle. */
public interface JobEventHandler {

    /** Applies {@code event} idempotently: duplicates, stale attempts and old sequences change nothing. */
    void apply(JobEvent event);
}
