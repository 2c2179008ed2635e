package io.spikelot.api.messaging;

import io.spikelot.model.messaging.Topology;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.listener.ConsumeOkEvent;
import org.springframework.amqp.rabbit.listener.ListenerContainerConsumerFailedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether worker events can reach the API: the state of its events consumer, from the listener container's own
 * signals. While the consumer is cut off, silence from a worker says nothing about the worker, so the lease reaper
 * asks here before it presumes one lost.
 */
@Component
public class EventFeed {

    private static final Logger log = LoggerFactory.getLogger(EventFeed.class);

    private final Topology topology;
    private final Clock clock;
    private volatile Instant connectedSince;

    EventFeed(Topology topology, Clock clock) {
        this.topology = topology;
        this.clock = clock;
    }

    /** Since when the events consumer has been attached without a break; empty while it is not. */
    public Optional<Instant> connectedSince() {
        return Optional.ofNullable(connectedSince);
    }

    @EventListener
    void consuming(ConsumeOkEvent event) {
        if (topology.eventsQueue().equals(event.getQueue()) && connectedSince == null) {
            connectedSince = clock.instant();
            log.info("Consuming worker events again");
        }
    }

    @EventListener
    void cutOff(ListenerContainerConsumerFailedEvent event) {
        if (connectedSince != null) {
            log.warn(
                    "Worker events cannot reach the API ({}); lost workers are not presumed until they can",
                    event.getReason());
        }
        connectedSince = null;
    }
}
