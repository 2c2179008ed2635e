/**
 * The architecture catalog: every network the service trains, described once as plain data (a tree of layers
 * with hyper-parameters, stable parameter names and per-sample shapes), resolved for a dataset's input shape
 * and class count. The pipeline builds its blocks from this description; the cost package counts from it.
 *
 * <p>Plain Java; depends on nothing but {@code java.*}.
 */
package io.spikelot.model.arch;
