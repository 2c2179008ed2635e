package io.spikelot.pipeline;

/**
 * Runs one kind of job. Implementations are plain Java: the worker hands them the spec and a {@link PipelineContext}
 * and publishes whatever they return or throw. Job types are built on {@link JobPipeline}.
 *
 * <p>A pipeline must check {@link PipelineContext#checkCancelled()} at least once per training batch, report
 * progress through the context, write every artifact through {@link PipelineContext#artifacts()}, and release all
 * native memory before it returns or throws.
 *
 * @param <S> the spec record this pipeline reads; the worker binds the submitted JSON to it
 * @param <R> the result record it returns (a record of {@code io.spikelot.model.result}); the worker serialises it
 *     as the job's {@code result}
 */
public interface Pipeline<S, R> {

    /** The job type this pipeline runs, as in the spec's {@code type} field ({@code slt}, {@code qsnn}, ...). */
    String type();

    /** The record the job spec is bound to before {@link #run} is called. */
    Class<S> specType();

    /**
     * Runs the job to completion.
     *
     * @return the result summary
     * @throws PipelineException for failures with a stable code; anything else is reported as a retryable
     *     {@code PIPELINE_ERROR}
     * @throws JobCancelledException when the context reported a cancellation
     */
    R run(S spec, PipelineContext context) throws Exception;
}
