/**
 * The local stack: embedded PostgreSQL, embedded AMQP broker, the API and a CPU worker in one JVM. Depends on both
 * services' plain jars and the embedded infrastructure.
 */
package io.spikelot.local;
