package io.spikelot.pipeline.data;

import io.spikelot.pipeline.PipelineException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A whole data file in memory (gunzipped when it starts with the gzip magic), read with bounds checks that name
 * the file and byte offset. Offsets of gzipped files count decompressed bytes.
 */
final class BinaryFile {

    private final Path path;
    private final ByteBuffer buffer;
    private final boolean gzipped;

    private BinaryFile(Path path, byte[] bytes, boolean gzipped) {
        this.path = path;
        this.buffer = ByteBuffer.wrap(bytes);
        this.gzipped = gzipped;
    }

    static BinaryFile read(Path path) {
        try {
            byte[] raw = Files.readAllBytes(path);
            if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
                return new BinaryFile(path, gunzip(path, raw), true);
            }
            return new BinaryFile(path, raw, false);
        } catch (NoSuchFileException e) {
            throw PipelineException.invalidSpec("Dataset file " + path + " does not exist");
        } catch (IOException e) {
            throw PipelineException.invalidSpec("Dataset file " + path + " cannot be read: " + e.getMessage());
        }
    }

    private static byte[] gunzip(Path path, byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
            in.transferTo(out);
        } catch (IOException e) {
            throw PipelineException.invalidSpec("Dataset file " + path + " is a corrupt or truncated gzip stream after "
                    + out.size() + " decompressed bytes: " + e.getMessage());
        }
        return out.toByteArray();
    }

    Path path() {
        return path;
    }

    int length() {
        return buffer.capacity();
    }

    BinaryFile order(ByteOrder order) {
        buffer.order(order);
        return this;
    }

    int position() {
        return buffer.position();
    }

    void position(int offset) {
        buffer.position(offset);
    }

    int remaining() {
        return buffer.remaining();
    }

    int readInt() {
        require(4, "a 32-bit integer");
        return buffer.getInt();
    }

    short readShort() {
        require(2, "a 16-bit integer");
        return buffer.getShort();
    }

    byte[] readBytes(int count, String what) {
        require(count, what);
        byte[] out = new byte[count];
        buffer.get(out);
        return out;
    }

    /** Fails unless {@code count} more bytes are available. */
    void require(long count, String what) {
        if (count > buffer.remaining()) {
            throw corrupt(
                    "truncated: " + what + " needs " + count + " bytes but only " + buffer.remaining() + " remain");
        }
    }

    /** An invalid-spec failure at the current offset. */
    PipelineException corrupt(String reason) {
        return corruptAt(buffer.position(), reason);
    }

    PipelineException corruptAt(long offset, String reason) {
        String where = gzipped ? " (decompressed)" : "";
        return PipelineException.invalidSpec(
                "Dataset file " + path + " at byte offset " + offset + where + ": " + reason);
    }
}
