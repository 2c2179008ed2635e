package io.spikelot.api.artifact;

import io.spikelot.model.artifact.ArtifactDescriptor;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.Resource;

/** Keeps the bytes of job artifacts. Descriptors always live in PostgreSQL; the bytes there or on a filesystem. */
interface ArtifactStore {

    /** Stores (or replaces) an artifact whose checksum the caller has verified. */
    void put(UUID jobId, int attempt, ArtifactDescriptor descriptor, byte[] content);

    List<ArtifactDescriptor> list(UUID jobId);

    Optional<ArtifactDescriptor> describe(UUID jobId, String name);

    /** The bytes of a described artifact. */
    Resource open(UUID jobId, String name);
}
