package io.spikelot.api.artifact;

import io.spikelot.model.artifact.ArtifactDescriptor;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** A job's artifacts: descriptors and checksums in PostgreSQL, bytes wherever the configured store keeps them. */
@Component
class Artifacts {

    private final ArtifactRows rows;
    private final ArtifactStore store;
    private final Clock clock;

    Artifacts(ArtifactRows rows, ArtifactStore store, Clock clock) {
        this.rows = rows;
        this.store = store;
        this.clock = clock;
    }

    /** Stores (or replaces) an artifact whose checksum the caller has verified. */
    void put(UUID jobId, int attempt, ArtifactDescriptor descriptor, byte[] content) {
        byte[] inRow = store.write(jobId, descriptor.name(), content);
        rows.upsert(jobId, attempt, descriptor, inRow, clock.instant());
    }

    List<ArtifactDescriptor> list(UUID jobId) {
        return rows.list(jobId);
    }

    Optional<ArtifactDescriptor> describe(UUID jobId, String name) {
        return rows.describe(jobId, name);
    }

    Resource open(UUID jobId, String name) {
        return store.open(jobId, name);
    }
}
