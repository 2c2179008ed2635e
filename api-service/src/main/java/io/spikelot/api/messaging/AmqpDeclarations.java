package io.spikelot.api.messaging;

import io.spikelot.model.messaging.Topology;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.Queue;

/** Turns the topology's plain declarations into Spring AMQP declarables. */
final class AmqpDeclarations {

    private AmqpDeclarations() {}

    static Declarables of(Topology topology) {
        List<Declarable> all = topology.declarations(
                e -> new ExchangeBuilder(e.name(), e.type()).durable(true).build(),
                q -> new Queue(q.name(), true, false, false, q.arguments()),
                b -> new Binding(b.queue(), Binding.DestinationType.QUEUE, b.exchange(), b.routingKey(), Map.of()));
        return new Declarables(all);
    }
}
