/**
 * What a finished job reports: the {@code result} object of each job type ({@link io.spikelot.model.result.SltResult},
 * {@link io.spikelot.model.result.QsnnResult}), its energy summary, and the {@code model.json} descriptions written
 * beside the weights. Plain records; the services serialise them with Jackson, and the annotations here (from
 * {@code jackson-annotations} only) say which optional fields are left out when absent. Field names are the wire
 * contract: renaming a component changes what clients read. Depends on {@code io.spikelot.model.cost}, {@code
 * io.spikelot.model.spec} and {@code io.spikelot.model.graph}.
 */
package io.spikelot.model.result;
