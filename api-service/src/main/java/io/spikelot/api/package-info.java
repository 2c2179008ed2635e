/**
 * The Spikelot API service: HTTP API, owner of all state in PostgreSQL, outbox relay to the broker, consumer of
 * worker events, lease reaper and artifact store. Depends on {@code shared-model}; never on DJL or the pipeline.
 * Every feature package may read the service's configuration, {@link io.spikelot.api.ApiProperties}, from here,
 * and use the plumbing of background work kept here ({@link io.spikelot.api.LoopThread},
 * {@link io.spikelot.api.BatchedPurge}).
 */
package io.spikelot.api;
