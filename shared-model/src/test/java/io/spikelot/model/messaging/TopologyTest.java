package io.spikelot.model.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikelot.model.job.ResourceClass;
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
    void aPrefixThatCouldBreakNamesIsRefused() {
        assertThatThrownBy(() -> new Topology("a.b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Topology("")).isInstanceOf(IllegalArgumentException.class);
    }
}
