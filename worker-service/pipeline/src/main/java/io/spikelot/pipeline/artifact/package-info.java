/**
 * Artifact file writers for job results (masks, effective weights). Plain Java plus DJL arrays as input; no Spring,
 * no dependency on the model or ticket packages, so every pipeline writes its files the same way.
 */
package io.spikelot.pipeline.artifact;
