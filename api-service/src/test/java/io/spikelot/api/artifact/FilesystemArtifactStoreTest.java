package io.spikelot.api.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemArtifactStoreTest {

    @TempDir
    Path root;

    @Test
    void writesUnderTheJobsFolderReplacesAtomicallyAndKeepsNothingInTheRow() throws Exception {
        FilesystemArtifactStore store = new FilesystemArtifactStore(root);
        UUID job = UUID.randomUUID();

        assertThat(store.write(job, "mask.safetensors", new byte[] {1, 2, 3})).isNull();
        store.write(job, "mask.safetensors", new byte[] {4, 5});

        assertThat(store.open(job, "mask.safetensors").getContentAsByteArray()).containsExactly(4, 5);
        try (var files = Files.list(root.resolve(job.toString()))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("mask.safetensors");
        }
    }
}
