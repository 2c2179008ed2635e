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
import java.util.Optional;
import java.util.UUID;

/** A {@link PipelineContext} test double: records progress, keeps artifacts in memory, cancels on request. */
public final class RecordingContext implements PipelineContext, ArtifactSink {

    public final List<JobProgress> progress = new ArrayList<>();
    public final Map<String, byte[]> artifacts = new LinkedHashMap<>();
    public final Map<String, String> contentTypes = new LinkedHashMap<>();
    /** Every upload in order, as {@code name → bytes} pairs: a file replaced later keeps its earlier versions here. */
    public final List<Map.Entry<String, byte[]>> uploads = new ArrayList<>();

    public volatile boolean cancelled;
    private final UUID jobId = UUID.randomUUID();
    private final Path scratch;
    private final int attempt;
    private final Map<String, byte[]> earlier;

    public RecordingContext(Path scratch) {
        this(scratch, 1, Map.of());
    }

    /** A later attempt that finds {@code earlier} as the files an earlier attempt published. */
    public RecordingContext(Path scratch, int attempt, Map<String, byte[]> earlier) {
        this.scratch = scratch;
        this.attempt = attempt;
        this.earlier = Map.copyOf(earlier);
    }

    /** Every version of {@code name} uploaded, oldest first. */
    public List<byte[]> versions(String name) {
        return uploads.stream()
                .filter(e -> e.getKey().equals(name))
                .map(Map.Entry::getValue)
                .toList();
    }

    @Override
    public Optional<byte[]> earlierArtifact(String name) {
        return Optional.ofNullable(earlier.get(name)).map(byte[]::clone);
    }

    @Override
    public UUID jobId() {
        return jobId;
    }

    @Override
    public int attempt() {
        return attempt;
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
        uploads.add(Map.entry(name, bytes.clone()));
        contentTypes.put(name, contentType);
    }

    public String text(String name) {
        return new String(artifacts.get(name), java.nio.charset.StandardCharsets.UTF_8);
    }
}
