package io.spikelot.pipeline.data;

import io.spikelot.pipeline.PipelineException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the 1-d integer or float arrays of a NumPy {@code .npz} (a zip of {@code .npy} files, stored or
 * deflated) as {@code long} values. Supports format versions 1-3, little-endian or byte-sized dtypes, C order.
 */
final class NpyArrays {

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<|=]?)([biuf])(\\d)'");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\((\\d+),?\\)");

    private NpyArrays() {}

    static Map<String, long[]> readNpz(Path path) {
        Map<String, long[]> arrays = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(path))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (name.endsWith(".npy")) {
                    arrays.put(name.substring(0, name.length() - 4), parse(path + "!" + name, readAll(zip)));
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw PipelineException.invalidSpec("Dataset file " + path + " does not exist");
        } catch (IOException e) {
            throw PipelineException.invalidSpec(
                    "Dataset file " + path + " is not a readable npz archive: " + e.getMessage());
        }
        return arrays;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    static long[] parse(String where, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10
                || (bytes[0] & 0xff) != 0x93
                || !"NUMPY".equals(new String(bytes, 1, 5, StandardCharsets.US_ASCII))) {
            throw corrupt(where, 0, "missing the \\x93NUMPY magic");
        }
        int major = bytes[6];
        int headerLength = major == 1 ? b.getShort(8) & 0xffff : b.getInt(8);
        int headerStart = major == 1 ? 10 : 12;
        if (headerStart + headerLength > bytes.length) {
            throw corrupt(where, headerStart, "header of " + headerLength + " bytes is truncated");
        }
        String header = new String(bytes, headerStart, headerLength, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find() || !shape.find() || header.contains("'fortran_order': True")) {
            throw corrupt(where, headerStart, "unsupported header " + header.trim());
        }
        char kind = descr.group(2).charAt(0);
        int width = Integer.parseInt(descr.group(3));
        int count = Integer.parseInt(shape.group(1));
        int data = headerStart + headerLength;
        if ((long) count * width > bytes.length - data) {
            throw corrupt(
                    where,
                    bytes.length,
                    "truncated: " + count + " values of " + width + " bytes need " + (long) count * width + " bytes, "
                            + (bytes.length - data) + " present");
        }
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = value(b, data + i * width, kind, width, where);
        }
        return values;
    }

    private static long value(ByteBuffer b, int at, char kind, int width, String where) {
        return switch (kind + "" + width) {
            case "b1", "u1" -> b.get(at) & 0xff;
            case "i1" -> b.get(at);
            case "u2" -> b.getShort(at) & 0xffff;
            case "i2" -> b.getShort(at);
            case "u4" -> b.getInt(at) & 0xffffffffL;
            case "i4" -> b.getInt(at);
            case "i8", "u8" -> b.getLong(at);
            case "f4" -> (long) b.getFloat(at);
            case "f8" -> (long) b.getDouble(at);
            default -> throw corrupt(where, at, "unsupported dtype " + kind + width);
        };
    }

    private static PipelineException corrupt(String where, long offset, String reason) {
        return PipelineException.invalidSpec("Dataset file " + where + " at byte offset " + offset + ": " + reason);
    }
}
