package io.spikelot.api.artifact;

import io.spikelot.model.artifact.ArtifactDescriptor;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/** Artifacts as {@code bytea} in PostgreSQL: one backup covers everything; fine up to tens of megabytes each. */
class DatabaseArtifactStore implements ArtifactStore {

    private final ArtifactRows rows;
    private final Clock clock;

    DatabaseArtifactStore(ArtifactRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @Override
    public void put(UUID jobId, int attempt, ArtifactDescriptor descriptor, byte[] content) {
        rows.upsert(jobId, attempt, descriptor, content, clock.instant());
    }

    @Override
    public List<ArtifactDescriptor> list(UUID jobId) {
        return rows.list(jobId);
    }

    @Override
    public Optional<ArtifactDescriptor> describe(UUID jobId, String name) {
        return rows.describe(jobId, name);
    }

    @Override
    public Resource open(UUID jobId, String name) {
        return new ByteArrayResource(rows.content(jobId, name));
    }
}
