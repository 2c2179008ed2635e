package io.spikelot.api.messaging;

import io.spikelot.api.ApiProperties;
import io.spikelot.api.LoopThread;
import io.spikelot.model.messaging.Topology;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox messages with publisher confirms and marks them sent only once the broker confirmed them. Runs on
 * one thread, woken after every commit that wrote a message and otherwise every relay interval (the safety net for
 * a broker that was down, or another replica that died mid-publish).
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    private final OutboxRepository repository;
    private final RabbitTemplate rabbit;
    private final RabbitTemplate broadcast;
    private final Topology topology;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final long intervalMs;
    private final Semaphore wakeUps = new Semaphore(0);
    private final LoopThread thread = new LoopThread("outbox-relay", this::loop);

    OutboxRelay(
            OutboxRepository repository,
            RabbitTemplate rabbit,
            Topology topology,
            TransactionTemplate transactions,
            Clock clock,
            ApiProperties properties) {
        this.repository = repository;
        this.rabbit = rabbit;
        // cancellations go to whichever workers listen, possibly none: not mandatory
        this.broadcast = new RabbitTemplate(rabbit.getConnectionFactory());
        this.broadcast.setMandatory(false);
        this.topology = topology;
        this.transactions = transactions;
        this.clock = clock;
        this.intervalMs = properties.jobs().relayInterval().toMillis();
    }

    void wakeUp() {
        wakeUps.release();
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                wakeUps.tryAcquire(intervalMs, TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                while (relayBatch() == BATCH) {
                    // a full batch: more may be waiting
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Outbox relay round failed, will retry: {}", e.toString());
            }
        }
    }

    /** Publishes one batch; returns how many messages it confirmed. */
    int relayBatch() {
        Integer sent = transactions.execute(status -> {
            List<OutboxMessage> batch = repository.lockUnsent(BATCH);
            List<CorrelationData> confirms = new ArrayList<>(batch.size());
            for (OutboxMessage message : batch) {
                confirms.add(publish(message));
            }
            if (!batch.isEmpty()) {
                log.debug("Published {} outbox messages, awaiting confirms", batch.size());
            }
            int confirmed = 0;
            for (int i = 0; i < batch.size(); i++) {
                if (awaitConfirm(confirms.get(i), batch.get(i).kind())) {
                    batch.get(i).markSent(clock.instant());
                    confirmed++;
                } else {
                    batch.get(i).markFailedTry();
                }
            }
            return confirmed;
        });
        return sent == null ? 0 : sent;
    }

    private CorrelationData publish(OutboxMessage outbox) {
        CorrelationData correlation = new CorrelationData(String.valueOf(outbox.id()));
        Message message = MessageBuilder.withBody(outbox.payload().getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json")
                .setContentEncoding("utf-8")
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setMessageId("outbox-" + outbox.id())
                .setHeader("spikelot-job-id", outbox.jobId().toString())
                .build();
        try {
            String exchange =
                    switch (outbox.kind()) {
                        case DISPATCH -> topology.jobsExchange();
                        case CANCEL -> topology.controlExchange();
                    };
            rabbit.send(exchange, outbox.routingKey(), message, correlation);
        } catch (AmqpException e) {
            correlation.getFuture().complete(new CorrelationData.Confirm(false, e.toString()));
        }
        return correlation;
    }

    private static boolean awaitConfirm(CorrelationData correlation, OutboxMessage.Kind kind) {
        try {
            CorrelationData.Confirm confirm = correlation.getFuture().get(CONFIRM_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (!confirm.ack()) {
                log.warn("Broker refused outbox message {}: {}", correlation.getId(), confirm.reason());
                return false;
            }
            // a cancellation that no worker's queue received has nobody to reach: no worker is running
            if (correlation.getReturned() != null && kind == OutboxMessage.Kind.DISPATCH) {
                log.warn("Outbox message {} was unroutable: {}", correlation.getId(), correlation.getReturned());
                return false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("No confirm for outbox message {}: {}", correlation.getId(), e.toString());
            return false;
        }
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public void stop() {
        thread.stop();
    }

    @Override
    public boolean isRunning() {
        return thread.running();
    }

    long pending() {
        return repository.countUnsent();
    }
}
