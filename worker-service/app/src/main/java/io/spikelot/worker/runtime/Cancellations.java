package io.spikelot.worker.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The jobs whose cancellation this worker has heard of. Remembers the most recent ones, so a cancellation that
 * arrives before the dispatch it concerns still stops that job.
 *
 * <p>When the worker shuts down, every running job counts as cancelled, so it stops at its next batch instead of
 * training on in a closing process; {@link JobRunner} then reports nothing, the lease runs out and the API dispatches
 * the next attempt to another worker (an {@code imp} job resumes there from its last complete round).
 */
@Component
public class Cancellations {

    private static final int REMEMBERED = 10_000;

    private final Set<UUID> cancelled = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    }));

    private volatile boolean shuttingDown;

    @EventListener(ContextClosedEvent.class)
    void onShutdown() {
        shuttingDown = true;
    }

    /** Whether the worker is shutting down: its running job is abandoned to the lease. */
    public boolean isShuttingDown() {
        return shuttingDown;
    }

    public void cancel(UUID jobId) {
        cancelled.add(jobId);
    }

    public boolean isCancelled(UUID jobId) {
        return cancelled.contains(jobId);
    }
}
