package io.spikelot.worker.messaging;

import io.spikelot.model.messaging.Topology;
import io.spikelot.worker.WorkerProperties;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the same topology as the API (whichever service starts first creates it), plus this worker's own
 * exclusive queue on the control exchange.
 */
@Configuration(proxyBeanMethods = false)
class WorkerTopology {

    @Bean
    Topology topology(WorkerProperties properties) {
        return new Topology(properties.broker().prefix());
    }

    /** The queue of this worker's pool, e.g. {@code spikelot.jobs.gpu}. */
    @Bean
    String dispatchQueueName(Topology topology, WorkerProperties properties) {
        return topology.jobsQueue(properties.worker().resourceClass());
    }

    @Bean
    AnonymousQueue controlQueue() {
        return new AnonymousQueue();
    }

    @Bean
    Declarables workerDeclarables(Topology topology, AnonymousQueue controlQueue) {
        List<Declarable> all = topology.declarations(
                e -> new ExchangeBuilder(e.name(), e.type()).durable(true).build(),
                q -> new Queue(q.name(), true, false, false, q.arguments()),
                b -> new Binding(b.queue(), Binding.DestinationType.QUEUE, b.exchange(), b.routingKey(), Map.of()));
        all.add(new Binding(
                controlQueue.getName(), Binding.DestinationType.QUEUE, topology.controlExchange(), "", Map.of()));
        return new Declarables(all);
    }
}
