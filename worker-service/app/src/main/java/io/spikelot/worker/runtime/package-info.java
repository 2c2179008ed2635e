/**
 * Running one job attempt: claim, STARTED, the pipeline under a heartbeat, one terminal event; artifact uploads,
 * cancellation, device checks. Depends on the pipeline contract and {@code shared-model}.
 */
package io.spikelot.worker.runtime;
