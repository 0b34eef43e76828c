package io.livepush.llhls;

import java.nio.ByteBuffer;
import java.util.function.BiConsumer;

/**
 * Walks ISO BMFF boxes (ISO/IEC 14496-12 §4.2) held in memory: size, type, body. Pure logic over a
 * {@link ByteBuffer}; a box that claims more bytes than there are ends the walk with an
 * {@link IllegalArgumentException}.
 */
final class Mp4Boxes {

    private Mp4Boxes() {
    }

    /** Calls {@code visitor} with each box's type and body (positioned at the body, limited to it) in {@code data}. */
    static void forEach(ByteBuffer data, BiConsumer<String, ByteBuffer> visitor) {
        ByteBuffer buffer = data.slice();
        while (buffer.remaining() >= 8) {
            int start = buffer.position();
            long size = Integer.toUnsignedLong(buffer.getInt());
            String type = type(buffer.getInt());
            int header = 8;
            if (size == 1) {
                size = buffer.getLong();
                header = 16;
            } else if (size == 0) {
                size = buffer.limit() - start;
            }
            if (size < header || size > buffer.limit() - start) {
                throw new IllegalArgumentException("Box '" + type + "' of " + size + " bytes does not fit");
            }
            ByteBuffer body = buffer.duplicate();
            body.position(start + header).limit(start + (int) size);
            visitor.accept(type, body.slice());
            buffer.position(start + (int) size);
        }
    }

    /** The first box of {@code type} in {@code data}, or {@code null}. */
    static ByteBuffer find(ByteBuffer data, String type) {
        ByteBuffer[] found = new ByteBuffer[1];
        forEach(data, (name, body) -> {
            if (found[0] == null && name.equals(type)) {
                found[0] = body;
            }
        });
        return found[0];
    }

    /** A box type as text: four ASCII characters. */
    static String type(int code) {
        return new String(new char[] {(char) (code >>> 24 & 0xff), (char) (code >>> 16 & 0xff),
                (char) (code >>> 8 & 0xff), (char) (code & 0xff)});
    }
}
