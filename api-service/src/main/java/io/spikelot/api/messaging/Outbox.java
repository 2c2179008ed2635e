package io.spikelot.api.messaging;

import io.spikelot.model.messaging.CancelRequest;
import io.spikelot.model.messaging.JobDispatch;
import io.spikelot.model.messaging.Topology;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes messages to the outbox inside the caller's transaction and wakes the relay once that transaction commits,
 * so a dispatch is published within milliseconds, and still published later if the broker is down now.
 */
@Component
public class Outbox {

    private final OutboxRepository repository;
    private final OutboxRelay relay;
    private final Topology topology;
    private final JsonMapper json;
    private final Clock clock;

    /**
     * Wakes the relay after the commit. One instance, so that a transaction writing several messages registers it
     * once: the transaction's synchronizations are a set.
     */
    private final TransactionSynchronization wakeRelay;

    Outbox(OutboxRepository repository, OutboxRelay relay, Topology topology, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.relay = relay;
        this.topology = topology;
        this.json = json;
        this.clock = clock;
        this.wakeRelay = new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        };
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void dispatch(JobDispatch dispatch) {
        String key = topology.jobsRoutingKey(dispatch.resourceClass());
        save(new OutboxMessage(
                dispatch.jobId(),
                OutboxMessage.Kind.DISPATCH,
                key,
                json.writeValueAsString(dispatch),
                clock.instant()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void cancel(CancelRequest request) {
        save(new OutboxMessage(
                request.jobId(), OutboxMessage.Kind.CANCEL, "", json.writeValueAsString(request), clock.instant()));
    }

    private void save(OutboxMessage message) {
        repository.save(message);
        TransactionSynchronizationManager.registerSynchronization(wakeRelay);
    }
}
