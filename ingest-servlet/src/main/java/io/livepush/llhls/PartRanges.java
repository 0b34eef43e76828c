package io.livepush.llhls;

import io.livepush.segment.UploadInFlight;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Byte ranges of the complete fragments of a segment still uploading. */
final class PartRanges {

    private PartRanges() {
    }

    /**
     * The first and last byte of a single {@code bytes=a-b} or {@code bytes=a-} range within the first
     * {@code complete} bytes (an open or longer end is cut to them); {@code null} when the header is anything else or
     * the range starts at or beyond {@code complete}.
     */
    static long[] parse(String header, long complete) {
        if (!header.startsWith("bytes=") || header.indexOf(',') >= 0) {
            return null;
        }
        String spec = header.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash <= 0) {
            return null;
        }
        try {
            long first = Long.parseLong(spec.substring(0, dash).trim());
            String end = spec.substring(dash + 1).trim();
            long last = end.isEmpty() ? complete - 1 : Math.min(Long.parseLong(end), complete - 1);
            return first < 0 || first >= complete || last < first ? null : new long[] {first, last};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Reads bytes {@code first}..{@code last} of {@code upload} (they are in its file already). */
    static byte[] read(UploadInFlight upload, long first, long last) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(last - first + 1));
        try (FileChannel channel = upload.open()) {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, first + buffer.position()) < 0) {
                    throw new EOFException("The " + upload + " ended before byte " + last);
                }
            }
        }
        return buffer.array();
    }
}
