/**
 * Tenant quotas: how many jobs a tenant may have queued and running per resource class (defaults, per-class
 * defaults and per-tenant overrides), and the count of refusals for Prometheus. The job package enforces them at
 * submit and at dispatch. Depends on {@code shared-model} only.
 */
package io.spikelot.api.quota;
