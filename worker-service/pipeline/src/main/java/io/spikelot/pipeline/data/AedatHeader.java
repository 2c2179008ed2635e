package io.spikelot.pipeline.data;

/** The text header of AEDAT files: lines starting with {@code #}, the first one being the version magic. */
final class AedatHeader {

    private AedatHeader() {}

    /** Checks the magic line and leaves the file positioned after the last header line. */
    static void skip(BinaryFile file, String magic) {
        byte[] expected = magic.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        file.require(expected.length, "the " + magic + " header");
        byte[] found = file.readBytes(expected.length, "the header");
        if (!java.util.Arrays.equals(found, expected)) {
            throw file.corruptAt(0, "missing the '" + magic + "' header line");
        }
        file.position(0);
        while (file.remaining() > 0 && peek(file) == '#') {
            skipLine(file);
        }
    }

    private static int peek(BinaryFile file) {
        int position = file.position();
        int b = file.readBytes(1, "a header byte")[0];
        file.position(position);
        return b;
    }

    private static void skipLine(BinaryFile file) {
        while (file.remaining() > 0) {
            if (file.readBytes(1, "a header byte")[0] == '\n') {
                return;
            }
        }
        throw file.corrupt("the header never ends (no newline after a '#' line)");
    }
}
