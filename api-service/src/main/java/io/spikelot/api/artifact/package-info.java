/**
 * Job artifacts: worker uploads checked by SHA-256, tenant-scoped listing and download with ETag and Range.
 * Depends on {@code job}, {@code auth}, {@code problem} and {@code shared-model}.
 */
package io.spikelot.api.artifact;
