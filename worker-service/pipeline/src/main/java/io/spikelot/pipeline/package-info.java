/**
 * The contract between the worker and the numeric pipelines: {@link io.spikelot.pipeline.Pipeline},
 * {@link io.spikelot.pipeline.PipelineContext} and the failures a pipeline reports. Plain Java: depends on
 * {@code shared-model} and DJL only, never on Spring.
 */
package io.spikelot.pipeline;
