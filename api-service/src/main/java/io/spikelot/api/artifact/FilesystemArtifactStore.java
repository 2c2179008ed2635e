package io.spikelot.api.artifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Artifact bytes as files under {@code <dir>/<job id>/<name>}: for large models, or a shared volume. Files are
 * written to a temporary name and moved into place, so a reader never sees half a file.
 */
class FilesystemArtifactStore implements ArtifactStore {

    private final Path root;

    FilesystemArtifactStore(Path root) {
        this.root = root;
    }

    @Override
    public byte[] write(UUID jobId, String name, byte[] content) {
        Path target = fileOf(jobId, name);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".part");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store artifact " + name + " of job " + jobId, e);
        }
        return null;
    }

    @Override
    public Resource open(UUID jobId, String name) {
        return new FileSystemResource(fileOf(jobId, name));
    }

    private Path fileOf(UUID jobId, String name) {
        return root.resolve(jobId.toString()).resolve(name);
    }
}
