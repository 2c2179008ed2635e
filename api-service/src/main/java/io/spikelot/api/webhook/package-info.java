/**
 * Webhooks: tenant subscriptions, deliveries written in the transaction of the job change that caused them (an
 * outbox of their own), signed with HMAC-SHA256 and sent at least once by a relay that retries with backoff, and
 * the refusal of URLs that would turn the API against private networks. Depends on {@code job} (through
 * {@link io.spikelot.api.job.JobChangeListener}), {@code auth}, {@code problem} and {@code shared-model}.
 */
package io.spikelot.api.webhook;
