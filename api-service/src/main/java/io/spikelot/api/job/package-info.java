/**
 * Jobs: the stored entity, its lifecycle (events, leases, cancellation), and the HTTP endpoints of users and
 * workers. Depends on {@code spec}, {@code messaging}, {@code metrics}, {@code problem}, {@code auth} and
 * {@code shared-model}.
 */
package io.spikelot.api.job;
