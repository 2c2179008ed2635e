package io.spikelot.worker.runtime;

import io.spikelot.model.artifact.ArtifactDescriptor;
import io.spikelot.model.artifact.ArtifactNames;
import io.spikelot.model.artifact.Sha256;
import io.spikelot.model.messaging.JobProgress;
import io.spikelot.pipeline.ArtifactSink;
import io.spikelot.pipeline.PipelineContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** What a pipeline sees of its job: progress goes to the heartbeat, artifacts straight to the API. */
final class RunningJob implements PipelineContext, ArtifactSink {

    private final UUID jobId;
    private final int attempt;
    private final Path scratchDir;
    private final Cancellations cancellations;
    private final ApiClient api;
    private final AtomicReference<JobProgress> latest = new AtomicReference<>();
    private final List<ArtifactDescriptor> uploaded = new ArrayList<>();

    RunningJob(UUID jobId, int attempt, Path scratchDir, Cancellations cancellations, ApiClient api) {
        this.jobId = jobId;
        this.attempt = attempt;
        this.scratchDir = scratchDir;
        this.cancellations = cancellations;
        this.api = api;
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
    public void progress(JobProgress progress) {
        latest.set(progress);
    }

    /** The latest progress reported and not yet published, if any. */
    JobProgress takeProgress() {
        return latest.getAndSet(null);
    }

    /** Cancelled, or abandoned because the worker is shutting down. */
    @Override
    public boolean isCancelled() {
        return cancellations.isCancelled(jobId) || cancellations.isShuttingDown();
    }

    @Override
    public Optional<byte[]> earlierArtifact(String name) throws IOException {
        return attempt < 2 ? Optional.empty() : api.download(jobId, attempt, name);
    }

    @Override
    public ArtifactSink artifacts() {
        return this;
    }

    @Override
    public Path scratchDir() {
        return scratchDir;
    }

    @Override
    public void put(String name, String contentType, Path file) throws IOException {
        put(name, contentType, Files.readAllBytes(file));
    }

    @Override
    public synchronized void put(String name, String contentType, byte[] bytes) throws IOException {
        if (!ArtifactNames.isValid(name)) {
            throw new IllegalArgumentException("Invalid artifact name: " + name);
        }
        checkCancelled();
        ArtifactDescriptor artifact = new ArtifactDescriptor(name, bytes.length, Sha256.hex(bytes), contentType);
        api.upload(jobId, attempt, artifact, bytes);
        uploaded.removeIf(a -> a.name().equals(name));
        uploaded.add(artifact);
    }

    synchronized List<ArtifactDescriptor> uploaded() {
        return List.copyOf(uploaded);
    }
}
