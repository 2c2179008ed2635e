package io.spikelot.pipeline;

import io.spikelot.model.job.JobType;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The skeleton every job type shares: train what the spec asks for into a job record {@code J}, summarise it as the
 * result {@code R}, write the artifacts from both, return the result. Cancellation is checked before training and
 * again before anything is written, so a cancelled job leaves no artifacts.
 *
 * @param <S> the spec record
 * @param <J> everything the finished training reports from (runs, architecture, wall time)
 * @param <R> the result record
 */
public abstract class JobPipeline<S, J, R> implements Pipeline<S, R> {

    private final JobType type;
    private final Class<S> specType;

    /** Where dataset folders live ({@code <root>/<path>/<name>/...}). */
    protected final Path datasetsRoot;

    protected JobPipeline(JobType type, Class<S> specType, Path datasetsRoot) {
        this.type = type;
        this.specType = specType;
        this.datasetsRoot = datasetsRoot;
    }

    @Override
    public final String type() {
        return type.wireName();
    }

    @Override
    public final Class<S> specType() {
        return specType;
    }

    @Override
    public final R run(S spec, PipelineContext context) throws Exception {
        long start = System.nanoTime();
        context.checkCancelled();
        J job = train(spec, context, start);
        context.checkCancelled();
        R result = summarise(job);
        writeArtifacts(job, result, context.artifacts());
        return result;
    }

    /**
     * Validates the spec, loads the data, trains every run and collects what the result and artifacts need.
     *
     * @param startNanos {@link System#nanoTime()} when the job started, for its wall time
     */
    protected abstract J train(S spec, PipelineContext context, long startNanos) throws Exception;

    /** The job's result record. */
    protected abstract R summarise(J job);

    /** The job's files; {@code result.json} is {@code result} as written by the artifact package's JSON. */
    protected abstract void writeArtifacts(J job, R result, ArtifactSink sink) throws IOException;

    /** Seconds since {@code startNanos}. */
    protected static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
