/** Synchronous cost estimates from the architecture catalog. Depends on {@code spec}, {@code problem}, shared-model. */
package io.spikelot.api.estimate;
