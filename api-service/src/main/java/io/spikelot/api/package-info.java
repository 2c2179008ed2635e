/**
 * The Spikelot API service: HTTP API, owner of all state in PostgreSQL, outbox relay to the broker, consumer of
 * worker events, lease reaper and artifact store. Depends on {@code shared-model}; never on DJL or the pipeline.
 */
package io.spikelot.api;
