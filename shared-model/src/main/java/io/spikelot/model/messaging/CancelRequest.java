package io.spikelot.model.messaging;

import java.util.UUID;

/** Broadcast on the control exchange: the worker running this job stops it at the next batch boundary. */
public record CancelRequest(UUID jobId) {}
