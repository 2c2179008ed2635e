package io.spikelot.api.testing;

import io.spikelot.model.job.ResourceClass;
import io.spikelot.model.messaging.EventKind;
import io.spikelot.model.messaging.JobDispatch;
import io.spikelot.model.messaging.JobError;
import io.spikelot.model.messaging.JobEvent;
import io.spikelot.model.messaging.JobProgress;
import io.spikelot.model.messaging.Topology;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scripted stand-in for a worker, talking to the real broker: takes dispatches from the CPU queue and publishes
 * whatever events a test wants, in any order, duplicated or stale.
 */
public final class FakeWorker {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RabbitTemplate rabbit;
    private final Topology topology;

    public FakeWorker(RabbitTemplate rabbit, Topology topology) {
        this.rabbit = rabbit;
        this.topology = topology;
    }

    /** The next dispatch for {@code jobId} on the CPU queue, skipping others; fails after {@code timeout}. */
    public JobDispatch takeDispatch(UUID jobId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Message message = rabbit.receive(topology.jobsQueue(ResourceClass.CPU), 500);
            if (message != null) {
                JobDispatch dispatch = JSON.readValue(message.getBody(), JobDispatch.class);
                if (dispatch.jobId().equals(jobId)) {
                    return dispatch;
                }
            }
        }
        throw new AssertionError("No dispatch of job " + jobId + " within " + timeout);
    }

    /** The next event of {@code jobId} in the dead-letter queue, skipping others; fails after {@code timeout}. */
    public JobEvent takeDeadLetter(UUID jobId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Message message = rabbit.receive(topology.deadLetterQueue(), 500);
            if (message != null && isEvent(message)) {
                JobEvent event = JSON.readValue(message.getBody(), JobEvent.class);
                if (jobId.equals(event.jobId())) {
                    return event;
                }
            }
        }
        throw new AssertionError("No dead-lettered event of job " + jobId + " within " + timeout);
    }

    /** Dead letters also hold rejected dispatches and unreadable bodies: the events queue's have its name. */
    private boolean isEvent(Message message) {
        Object death = message.getMessageProperties().getHeader("x-first-death-queue");
        return topology.eventsQueue().equals(String.valueOf(death));
    }

    public void send(UUID jobId, int attempt, long sequence, EventKind kind) {
        JobProgress progress = kind == EventKind.PROGRESS || kind == EventKind.STARTED
                ? new JobProgress(0.25 * Math.min(sequence, 4), 1, 4, "seq " + sequence, Map.of("loss", 1.0 / sequence))
                : null;
        Map<String, Object> result = kind == EventKind.SUCCEEDED ? Map.of("accuracy", 0.9) : null;
        JobError error = kind == EventKind.FAILED ? JobError.nonRetryable(JobError.DIVERGED, "NaN at step 7") : null;
        send(new JobEvent(jobId, attempt, sequence, kind, "fake-worker", Instant.now(), progress, result, error));
    }

    public void send(JobEvent event) {
        Message message = MessageBuilder.withBody(JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json")
                .build();
        rabbit.send(topology.eventsExchange(), topology.eventRoutingKey(event.kind()), message);
    }
}
