/**
 * Synchronous cost estimates from the architecture catalog. Depends on {@code spec}, {@code auth}, {@code problem}
 * and {@code shared-model}.
 */
package io.spikelot.api.estimate;
