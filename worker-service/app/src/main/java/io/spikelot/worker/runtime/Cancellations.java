package io.spikelot.worker.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The jobs whose cancellation this worker has heard of. Remembers the most recent ones, so a cancellation that
 * arrives before the dispatch it concerns still stops that job.
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

    public void cancel(UUID jobId) {
        cancelled.add(jobId);
    }

    public boolean isCancelled(UUID jobId) {
        return cancelled.contains(jobId);
    }
}
