/**
 * Embedded PostgreSQL and AMQP broker for the one-command local run and for tests on machines without services.
 * Its libraries are optional dependencies, absent from the executable API jar; nothing else in the API uses this
 * package.
 */
package io.spikelot.api.embedded;
