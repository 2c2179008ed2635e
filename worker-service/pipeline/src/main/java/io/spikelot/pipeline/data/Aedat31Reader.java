package io.spikelot.pipeline.data;

import io.spikelot.pipeline.encoding.EventStream;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * AEDAT 3.1 (cAER) as recorded for DVS128-Gesture: {@code #}-comment header lines from {@code #!AER-DAT3.1} to
 * {@code #!END-HEADER}, then little-endian packets, each a 28-byte header (type i16, source i16, eventSize i32,
 * tsOffset i32, tsOverflow i32, capacity i32, number i32, valid i32) and {@code capacity·eventSize} bytes. Polarity
 * events (type 1, 8 bytes): data i32 with valid bit 0, polarity bit 1, y in bits 2-16, x in bits 17-31, then the
 * timestamp i32; the full timestamp is {@code tsOverflow << 31 | timestamp}. Other packet types are skipped.
 */
final class Aedat31Reader {

    static final String MAGIC = "#!AER-DAT3.1";
    static final int PACKET_HEADER_BYTES = 28;
    private static final int POLARITY_EVENT = 1;

    private Aedat31Reader() {}

    /** All valid polarity events of the file, in recording order. */
    static EventBuffer read(Path path, int width, int height) {
        BinaryFile file = BinaryFile.read(path).order(ByteOrder.LITTLE_ENDIAN);
        AedatHeader.skip(file, MAGIC);
        EventBuffer events = new EventBuffer(file.remaining() / 8);
        while (file.remaining() > 0) {
            int packetStart = file.position();
            file.require(PACKET_HEADER_BYTES, "a packet header");
            short type = file.readShort();
            file.readShort();
            int eventSize = file.readInt();
            int tsOffset = file.readInt();
            long overflow = file.readInt() & 0xffffffffL;
            int capacity = file.readInt();
            file.readInt();
            file.readInt();
            if (eventSize < 8 || capacity < 0 || tsOffset < 0 || tsOffset + 4 > eventSize) {
                throw file.corruptAt(
                        packetStart,
                        "packet header has eventSize=" + eventSize + ", capacity=" + capacity + ", tsOffset="
                                + tsOffset);
            }
            file.require((long) capacity * eventSize, "a packet of " + capacity + " events of " + eventSize + " bytes");
            int body = file.position();
            if (type == POLARITY_EVENT) {
                readPolarity(file, events, capacity, eventSize, tsOffset, overflow, width, height);
            }
            file.position(body + capacity * eventSize);
        }
        return events;
    }

    private static void readPolarity(
            BinaryFile file, EventBuffer events, int capacity, int size, int tsOffset, long overflow, int w, int h) {
        int body = file.position();
        for (int i = 0; i < capacity; i++) {
            file.position(body + i * size);
            int data = file.readInt();
            file.position(body + i * size + tsOffset);
            long timestamp = (overflow << 31) | (file.readInt() & 0x7fffffffL);
            if ((data & 1) == 0) {
                continue;
            }
            int y = (data >>> 2) & 0x7fff;
            int x = (data >>> 17) & 0x7fff;
            if (x >= w || y >= h) {
                throw file.corruptAt(
                        body + (long) i * size,
                        "event at (" + x + ", " + y + ") is outside the " + w + "×" + h + " sensor");
            }
            events.add(x, y, (data >>> 1) & 1, timestamp);
        }
    }

    static EventStream readAll(Path path, int width, int height) {
        return read(path, width, height).toStream(width, height);
    }
}
