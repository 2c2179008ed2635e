/** Job metrics for Prometheus. Depends on Micrometer, Spring AMQP and {@code shared-model}. */
package io.spikelot.api.metrics;
