package io.spikelot.pipeline.data;

import io.spikelot.pipeline.encoding.EventStream;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * AEDAT 2.0 (jAER) as recorded for CIFAR10-DVS: {@code #}-comment header lines starting with {@code #!AER-DAT2.0},
 * then 8-byte big-endian events (address, timestamp µs). Address bits as SpikingJelly decodes them: polarity bit 0,
 * x in bits 1-7, y in bits 8-14, external events (bit 31) dropped; the sensor is 128×128 and mirrored so that
 * {@code x = 127 − y_raw}, {@code y = 127 − x_raw}, {@code p = 1 − p_raw}.
 */
final class Aedat2Reader {

    static final String MAGIC = "#!AER-DAT2.0";
    private static final int SENSOR = 128;

    private Aedat2Reader() {}

    static EventStream read(Path path) {
        BinaryFile file = BinaryFile.read(path).order(ByteOrder.BIG_ENDIAN);
        AedatHeader.skip(file, MAGIC);
        if (file.remaining() % 8 != 0) {
            throw file.corruptAt(
                    file.length() - file.remaining() % 8,
                    "truncated event: " + file.remaining() % 8 + " trailing bytes after the last whole 8-byte event");
        }
        int n = file.remaining() / 8;
        EventBuffer events = new EventBuffer(n);
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int address = file.readInt();
            long timestamp = file.readInt() & 0xffffffffL;
            if (address < 0) {
                continue;
            }
            if (timestamp < previous) {
                throw file.corruptAt(file.position() - 4, "timestamp " + timestamp + " goes back from " + previous);
            }
            previous = timestamp;
            int xRaw = (address & 0xfe) >> 1;
            int yRaw = (address & 0x7f00) >> 8;
            events.add(SENSOR - 1 - yRaw, SENSOR - 1 - xRaw, 1 - (address & 1), timestamp);
        }
        return events.toStream(SENSOR, SENSOR);
    }
}
