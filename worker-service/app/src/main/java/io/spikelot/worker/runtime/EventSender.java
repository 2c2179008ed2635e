package io.spikelot.worker.runtime;

import io.spikelot.model.messaging.JobEvent;
import io.spikelot.model.messaging.Topology;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes job events to the events exchange, persistent and confirmed. Progress is tried once (a reporter keeps
 * the latest unsent one and sends it when a connection is made again); STARTED and terminal events are retried until
 * the broker confirms them or the tries run out (the API's lease then takes over).
 */
@Component
class EventSender {

    private static final Logger log = LoggerFactory.getLogger(EventSender.class);
    private static final int TRIES = 10;

    private final RabbitTemplate rabbit;
    private final Topology topology;
    private final JsonMapper json;

    private final List<Runnable> reconnectHooks = new CopyOnWriteArrayList<>();

    EventSender(RabbitTemplate rabbit, Topology topology, JsonMapper json) {
        this.rabbit = rabbit;
        this.topology = topology;
        this.json = json;
        if (rabbit != null) {
            rabbit.getConnectionFactory().addConnectionListener(new ConnectionListener() {
                @Override
                public void onCreate(Connection connection) {
                    reconnected();
                }
            });
        }
    }

    /** A hook's registration; closing it removes the hook. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code hook} (off the connection's thread) whenever a connection to the broker is made. */
    Registration onReconnect(Runnable hook) {
        reconnectHooks.add(hook);
        return () -> reconnectHooks.remove(hook);
    }

    /** The broker is reachable again: whoever held something back sends it now. */
    void reconnected() {
        for (Runnable hook : reconnectHooks) {
            Thread thread = new Thread(hook, "event-resend");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Returns whether the broker confirmed the event. */
    boolean send(JobEvent event, boolean mustArrive) {
        int tries = mustArrive ? TRIES : 1;
        for (int i = 1; i <= tries; i++) {
            if (sendOnce(event)) {
                return true;
            }
            try {
                Thread.sleep(Math.min(500L * i, 5_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        log.error("Could not publish {} of job {} after {} tries", event.kind(), event.jobId(), tries);
        return false;
    }

    private boolean sendOnce(JobEvent event) {
        Message message = MessageBuilder.withBody(json.writeValueAsString(event).getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json")
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setMessageId(event.jobId() + "/" + event.attempt() + "/" + event.sequence())
                .build();
        CorrelationData correlation =
                new CorrelationData(message.getMessageProperties().getMessageId());
        try {
            rabbit.send(topology.eventsExchange(), topology.eventRoutingKey(event.kind()), message, correlation);
            return correlation.getFuture().get(10, TimeUnit.SECONDS).ack();
        } catch (AmqpException e) {
            log.warn("Publishing {} of job {} failed: {}", event.kind(), event.jobId(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("No confirm for {} of job {}: {}", event.kind(), event.jobId(), e.toString());
            return false;
        }
    }
}
