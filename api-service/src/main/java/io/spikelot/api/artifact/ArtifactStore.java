package io.spikelot.api.artifact;

import java.util.UUID;
import org.springframework.core.io.Resource;

/** Keeps the bytes of job artifacts: in PostgreSQL (the default) or on a filesystem. Descriptors are elsewhere. */
interface ArtifactStore {

    /** Stores (or replaces) the bytes of one artifact; returns the bytes its descriptor row keeps, or null. */
    byte[] write(UUID jobId, String name, byte[] content);

    /** The bytes of a stored artifact. */
    Resource open(UUID jobId, String name);
}
