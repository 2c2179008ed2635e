/**
 * Event streams and their integration into frames (ALGORITHMS.md §1.4). Plain Java; no DJL, no I/O.
 */
package io.spikelot.pipeline.encoding;
