package io.spikelot.pipeline;

import io.spikelot.model.job.JobType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

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

    /** Writes a finished job's files from the job and its result. */
    @FunctionalInterface
    protected interface ArtifactWriter<J, R> {
        void write(J job, R result, ArtifactSink sink) throws IOException;
    }

    private final JobType type;
    private final Class<S> specType;
    private final Function<J, R> summary;
    private final ArtifactWriter<J, R> artifacts;

    /** Where dataset folders live ({@code <root>/<path>/<name>/...}). */
    protected final Path datasetsRoot;

    /**
     * @param summary the job's result record from the finished job
     * @param artifacts the job's files; {@code result.json} is the result as the artifact package writes JSON
     */
    protected JobPipeline(
            JobType type,
            Class<S> specType,
            Path datasetsRoot,
            Function<J, R> summary,
            ArtifactWriter<J, R> artifacts) {
        this.type = type;
        this.specType = specType;
        this.datasetsRoot = datasetsRoot;
        this.summary = summary;
        this.artifacts = artifacts;
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
        R result = summary.apply(job);
        artifacts.write(job, result, context.artifacts());
        return result;
    }

    /**
     * Validates the spec, loads the data, trains every run and collects what the result and artifacts need.
     *
     * @param startNanos {@link System#nanoTime()} when the job started, for its wall time
     */
    protected abstract J train(S spec, PipelineContext context, long startNanos) throws Exception;

    /** Seconds since {@code startNanos}. */
    protected static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
