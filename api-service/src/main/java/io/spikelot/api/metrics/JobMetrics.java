package io.spikelot.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.spikelot.model.job.JobStatus;
import io.spikelot.model.job.ResourceClass;
import io.spikelot.model.messaging.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.stereotype.Component;

/**
 * The job figures on {@code /actuator/prometheus}: submissions, finished jobs and their durations by type and
 * status, and the depth of each dispatch queue. Jobs by status are registered by the job package.
 */
@Component
public class JobMetrics {

    private final MeterRegistry registry;

    JobMetrics(MeterRegistry registry, ConnectionFactory connections, Topology topology) {
        this.registry = registry;
        RabbitAdmin admin = new RabbitAdmin(connections);
        for (ResourceClass resourceClass : ResourceClass.values()) {
            String queue = topology.jobsQueue(resourceClass);
            Gauge.builder("spikelot.queue.depth", admin, a -> depth(a, queue))
                    .description("Dispatches waiting for a worker")
                    .tag("queue", queue)
                    .register(registry);
        }
    }

    private static double depth(RabbitAdmin admin, String queue) {
        try {
            Properties properties = admin.getQueueProperties(queue);
            Object count = properties == null ? null : properties.get(RabbitAdmin.QUEUE_MESSAGE_COUNT);
            return count instanceof Number n ? n.doubleValue() : Double.NaN;
        } catch (RuntimeException brokerAway) {
            return Double.NaN;
        }
    }

    public void submitted(String type) {
        Counter.builder("spikelot.jobs.submitted")
                .description("Jobs accepted")
                .tag("type", type)
                .register(registry)
                .increment();
    }

    public void finished(String type, JobStatus status, Instant createdAt, Instant finishedAt) {
        Timer.builder("spikelot.jobs.duration")
                .description("Time from submission to a terminal status")
                .tag("type", type)
                .tag("status", status.name())
                .register(registry)
                .record(Duration.between(createdAt, finishedAt));
    }
}
