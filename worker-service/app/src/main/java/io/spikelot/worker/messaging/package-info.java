/** The worker's side of the broker: topology, the dispatch consumer and the control (cancellation) consumer. */
package io.spikelot.worker.messaging;
