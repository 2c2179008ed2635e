/** Descriptors and naming rules of job artifacts (masks, weights, metrics, plots). */
package io.spikelot.model.artifact;
