/**
 * The contract between the worker and the numeric pipelines: {@link io.spikelot.pipeline.Pipeline},
 * {@link io.spikelot.pipeline.PipelineContext} and the failures a pipeline reports, and the skeleton every job type
 * shares ({@link io.spikelot.pipeline.JobPipeline}). Plain Java: depends on {@code shared-model} only, never on
 * Spring.
 */
package io.spikelot.pipeline;
