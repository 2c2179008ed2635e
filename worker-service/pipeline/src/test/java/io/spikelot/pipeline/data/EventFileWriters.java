package io.spikelot.pipeline.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes AEDAT 2.0, AEDAT 3.1 and npz files from the format descriptions, independently of the readers, so the
 * tests check the readers against the real layouts.
 */
final class EventFileWriters {

    private EventFileWriters() {}

    /** Events {x, y, p, t} in sensor coordinates, written as CIFAR10-DVS raw addresses (the mirror of the decode). */
    static void aedat2(Path file, int[][] events) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("#!AER-DAT2.0\r\n# This is a raw AE data file created by a test\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        ByteBuffer b = ByteBuffer.allocate(events.length * 8 + 8).order(ByteOrder.BIG_ENDIAN);
        for (int[] e : events) {
            int xRaw = 127 - e[1];
            int yRaw = 127 - e[0];
            int pRaw = 1 - e[2];
            b.putInt((yRaw << 8) | (xRaw << 1) | pRaw);
            b.putInt(e[3]);
        }
        b.putInt(0x80000000); // an external (special) event, which readers drop
        b.putInt(events.length == 0 ? 0 : events[events.length - 1][3]);
        out.write(b.array(), 0, b.position());
        Files.write(file, out.toByteArray());
    }

    /** One polarity packet (type 1) holding all events, plus an ignored packet of another type before it. */
    static void aedat31(Path file, int[][] events, int overflow) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("#!AER-DAT3.1\r\n#Format: RAW\r\n#Source 1: DVS128\r\n#!END-HEADER\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        ByteBuffer special = packetHeader(0, 12, 1, overflow);
        out.write(special.array(), 0, 28);
        out.write(new byte[12], 0, 12);
        ByteBuffer header = packetHeader(1, 8, events.length, overflow);
        out.write(header.array(), 0, 28);
        ByteBuffer body = ByteBuffer.allocate(events.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int[] e : events) {
            body.putInt((e[0] << 17) | (e[1] << 2) | (e[2] << 1) | 1);
            body.putInt(e[3]);
        }
        out.write(body.array(), 0, body.position());
        Files.write(file, out.toByteArray());
    }

    private static ByteBuffer packetHeader(int type, int eventSize, int count, int overflow) {
        ByteBuffer h = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        h.putShort((short) type).putShort((short) 1).putInt(eventSize).putInt(4).putInt(overflow);
        h.putInt(count).putInt(count).putInt(count);
        return h;
    }

    /** An npz (zip of .npy version 1.0 files) with the given int32 arrays. */
    static void npz(Path file, Map<String, int[]> arrays) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, int[]> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(npy(e.getValue()));
                zip.closeEntry();
            }
        }
    }

    static byte[] npy(int[] values) {
        String dict = "{'descr': '<i4', 'fortran_order': False, 'shape': (" + values.length + ",), }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer b =
                ByteBuffer.allocate(10 + header.length() + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93)
                .put("NUMPY".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 1)
                .put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }
}
