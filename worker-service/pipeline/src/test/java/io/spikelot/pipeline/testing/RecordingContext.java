package io.spikelot.pipeline.testing;

import io.spikelot.model.messaging.JobProgress;
import io.spikelot.pipeline.ArtifactSink;
import io.spikelot.pipeline.PipelineContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A {@link PipelineContext} test double: records progress, keeps artifacts in memory, cancels on request. */
public final class RecordingContext implements PipelineContext, ArtifactSink {

    public final List<JobProgress> progress = new ArrayList<>();
    public final Map<String, byte[]> artifacts = new LinkedHashMap<>();
    public final Map<String, String> contentTypes = new LinkedHashMap<>();
    public volatile boolean cancelled;
    private final UUID jobId = UUID.randomUUID();
    private final Path scratch;

    public RecordingContext(Path scratch) {
        this.scratch = scratch;
    }

    @Override
    public UUID jobId() {
        return jobId;
    }

    @Override
    public int attempt() {
        return 1;
    }

    @Override
    public void progress(JobProgress update) {
        progress.add(update);
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public ArtifactSink artifacts() {
        return this;
    }

    @Override
    public Path scratchDir() {
        return scratch;
    }

    @Override
    public void put(String name, String contentType, Path file) throws IOException {
        put(name, contentType, Files.readAllBytes(file));
    }

    @Override
    public void put(String name, String contentType, byte[] bytes) {
        artifacts.put(name, bytes.clone());
        contentTypes.put(name, contentType);
    }

    public String text(String name) {
        return new String(artifacts.get(name), java.nio.charset.StandardCharsets.UTF_8);
    }
}
