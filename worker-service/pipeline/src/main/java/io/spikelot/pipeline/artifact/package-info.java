/**
 * Artifact file writers for job results: safetensors from host tensors, and the pipeline's one JSON configuration
 * for {@code result.json}, {@code model.json} and the safetensors header. Depends on the {@code tensor} package,
 * Jackson and the shared model; never on the model or ticket packages, so every pipeline writes its files the same
 * way.
 */
package io.spikelot.pipeline.artifact;
