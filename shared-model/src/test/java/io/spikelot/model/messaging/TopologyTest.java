package io.spikelot.model.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.spikelot.model.job.ResourceClass;
import io.spikelot.model.messaging.Topology.BindingDeclaration;
import io.spikelot.model.messaging.Topology.ExchangeDeclaration;
import io.spikelot.model.messaging.Topology.QueueDeclaration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyTest {

    @Test
    void theStandardNamesAreTheDocumentedOnes() {
        Topology topology = Topology.standard();

        assertThat(topology.jobsQueue(ResourceClass.GPU)).isEqualTo("spikelot.jobs.gpu");
        assertThat(topology.jobsQueue(ResourceClass.CPU)).isEqualTo("spikelot.jobs.cpu");
        assertThat(topology.eventsQueue()).isEqualTo("spikelot.events.api");
        assertThat(topology.deadLetterQueue()).isEqualTo("spikelot.jobs.dead");
        assertThat(topology.eventRoutingKey(EventKind.PROGRESS)).isEqualTo("job.progress");
    }

    @Test
    void everyDeclaredQueueIsBoundAndEveryBindingUsesDeclaredNames() {
        Topology topology = new Topology("t1");
        var queues =
                topology.queues().stream().map(Topology.QueueDeclaration::name).toList();
        var exchanges = topology.exchanges().stream()
                .map(Topology.ExchangeDeclaration::name)
                .toList();

        assertThat(topology.bindings()).allSatisfy(b -> {
            assertThat(queues).contains(b.queue());
            assertThat(exchanges).contains(b.exchange());
        });
        assertThat(topology.bindings().stream().map(Topology.BindingDeclaration::queue))
                .containsExactlyInAnyOrderElementsOf(queues);
        assertThat(queues).allSatisfy(q -> assertThat(q).startsWith("t1."));
    }

    @Test
    void declaresExactlyTheDocumentedExchangesQueuesAndBindings() {
        Topology topology = new Topology("p");

        assertThat(topology.exchanges())
                .containsExactly(
                        new ExchangeDeclaration("p.jobs", "direct"),
                        new ExchangeDeclaration("p.events", "topic"),
                        new ExchangeDeclaration("p.control", "fanout"),
                        new ExchangeDeclaration("p.dead", "fanout"));
        assertThat(topology.queues())
                .containsExactly(
                        new QueueDeclaration("p.jobs.gpu", "p.dead"),
                        new QueueDeclaration("p.jobs.cpu", "p.dead"),
                        new QueueDeclaration("p.events.api", "p.dead"),
                        new QueueDeclaration("p.jobs.dead", null));
        assertThat(topology.bindings())
                .containsExactly(
                        new BindingDeclaration("p.jobs.gpu", "p.jobs", "gpu"),
                        new BindingDeclaration("p.jobs.cpu", "p.jobs", "cpu"),
                        new BindingDeclaration("p.events.api", "p.events", "job.#"),
                        new BindingDeclaration("p.jobs.dead", "p.dead", ""));
    }

    @Test
    void everyQueueButTheDeadLetterQueueSendsRejectedMessagesToTheDeadLetterExchange() {
        Topology topology = new Topology("p");

        assertThat(topology.queues())
                .extracting(QueueDeclaration::name, QueueDeclaration::arguments)
                .containsExactly(
                        tuple("p.jobs.gpu", Map.of("x-dead-letter-exchange", "p.dead")),
                        tuple("p.jobs.cpu", Map.of("x-dead-letter-exchange", "p.dead")),
                        tuple("p.events.api", Map.of("x-dead-letter-exchange", "p.dead")),
                        tuple("p.jobs.dead", Map.of()));
    }

    @Test
    void declarationsMapExchangesThenQueuesThenBindingsWithTheCallersFunctions() {
        List<String> declared = new Topology("p")
                .declarations(
                        e -> "exchange " + e.name() + " " + e.type(),
                        q -> "queue " + q.name() + " " + q.arguments(),
                        b -> "binding " + b.exchange() + " -" + b.routingKey() + "-> " + b.queue());

        assertThat(declared)
                .containsExactly(
                        "exchange p.jobs direct",
                        "exchange p.events topic",
                        "exchange p.control fanout",
                        "exchange p.dead fanout",
                        "queue p.jobs.gpu {x-dead-letter-exchange=p.dead}",
                        "queue p.jobs.cpu {x-dead-letter-exchange=p.dead}",
                        "queue p.events.api {x-dead-letter-exchange=p.dead}",
                        "queue p.jobs.dead {}",
                        "binding p.jobs -gpu-> p.jobs.gpu",
                        "binding p.jobs -cpu-> p.jobs.cpu",
                        "binding p.events -job.#-> p.events.api",
                        "binding p.dead --> p.jobs.dead");
    }

    @Test
    void aPrefixThatCouldBreakNamesIsRefused() {
        assertThatThrownBy(() -> new Topology("a.b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Topology("")).isInstanceOf(IllegalArgumentException.class);
    }
}
