/**
 * The messages between the API and the workers, and the names of the broker topology. Plain Java records,
 * serialized as JSON by each service's single mapper.
 */
package io.spikelot.model.messaging;
