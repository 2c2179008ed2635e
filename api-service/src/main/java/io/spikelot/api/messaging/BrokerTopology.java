package io.spikelot.api.messaging;

import io.spikelot.api.ApiProperties;
import io.spikelot.model.messaging.Topology;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Declares the API's side of the broker topology (names from {@link Topology}). Queues carry only the standard
 * dead-letter argument, which both RabbitMQ and the embedded broker understand; anything RabbitMQ-specific (quorum
 * queues, delivery limits) belongs in broker policies, so it can change without redeclaring queues.
 */
@Configuration(proxyBeanMethods = false)
class BrokerTopology {

    @Bean
    Topology topology(ApiProperties properties) {
        return new Topology(properties.broker().prefix());
    }

    @Bean
    MessageConverter messageConverter(JsonMapper json) {
        return new JacksonJsonMessageConverter(json);
    }

    @Bean
    Declarables spikelotDeclarables(Topology topology) {
        return AmqpDeclarations.of(topology);
    }

    /** Test runs share one broker: they remove their own prefix's topology when they stop. */
    @Bean
    DisposableBean topologyCleanup(ApiProperties properties, Topology topology, ConnectionFactory connections) {
        return () -> {
            if (!properties.broker().deleteOnShutdown()) {
                return;
            }
            RabbitAdmin admin = new RabbitAdmin(connections);
            topology.queues().forEach(queue -> admin.deleteQueue(queue.name()));
            topology.exchanges().forEach(exchange -> admin.deleteExchange(exchange.name()));
        };
    }
}
