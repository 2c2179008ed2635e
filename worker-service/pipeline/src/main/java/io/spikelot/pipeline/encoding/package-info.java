/**
 * Event streams and their integration into frames (ALGORITHMS.md §1.4). Plain Java; no DJL, no I/O; the split
 * rule is the shared model's {@code FrameSplit}.
 */
package io.spikelot.pipeline.encoding;
