package io.spikelot.api.artifact;

import io.spikelot.model.artifact.ArtifactDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Artifact bytes as files under {@code <dir>/<job id>/<name>} (descriptors stay in PostgreSQL): for large models,
 * or a shared volume. Files are written to a temporary name and moved into place, so a reader never sees half.
 */
class FilesystemArtifactStore implements ArtifactStore {

    private final ArtifactRows rows;
    private final Clock clock;
    private final Path root;

    FilesystemArtifactStore(ArtifactRows rows, Clock clock, Path root) {
        this.rows = rows;
        this.clock = clock;
        this.root = root;
    }

    @Override
    public void put(UUID jobId, int attempt, ArtifactDescriptor descriptor, byte[] content) {
        Path target = fileOf(jobId, descriptor.name());
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".part");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store artifact " + descriptor.name() + " of job " + jobId, e);
        }
        rows.upsert(jobId, attempt, descriptor, null, clock.instant());
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
        return new FileSystemResource(fileOf(jobId, name));
    }

    private Path fileOf(UUID jobId, String name) {
        return root.resolve(jobId.toString()).resolve(name);
    }
}
