/**
 * Jobs: the stored entity, its lifecycle (events, leases, cancellation), the HTTP endpoints of users and workers,
 * and {@link io.spikelot.api.job.JobChangeListener}, through which other packages (webhooks) act on a job's changes
 * in the same transaction. Enforces the tenant quotas of {@code quota} (JobAdmission). Depends on {@code spec},
 * {@code messaging}, {@code metrics}, {@code quota}, {@code problem}, {@code auth} and {@code shared-model}.
 */
package io.spikelot.api.job;
