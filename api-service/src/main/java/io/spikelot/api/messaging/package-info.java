/**
 * The API's side of the broker: topology declaration, the transactional outbox and its confirming relay, and the
 * consumer of worker events, which also tells the lease reaper whether events can arrive at all ({@link
 * io.spikelot.api.messaging.EventFeed}). Depends on {@code shared-model}; reaches jobs only through {@link
 * io.spikelot.api.messaging.JobEventHandler}.
 */
package io.spikelot.api.messaging;
