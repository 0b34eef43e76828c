package io.livepush.llhls;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * What a fragment scanner needs from an fMP4/CMAF init segment: each track's timescale ({@code moov/trak/mdia/mdhd})
 * and the sample defaults of its {@code moov/mvex/trex}. Pure logic.
 *
 * @param tracks the tracks by {@code track_ID}
 */
record InitSegment(Map<Long, Track> tracks) {

    /** One track: its timescale and {@code trex} defaults (0 when absent). */
    record Track(long timescale, long defaultSampleDuration, long defaultSampleFlags) {
    }

    InitSegment {
        tracks = Map.copyOf(tracks);
    }

    /**
     * Parses the init segment {@code data}.
     *
     * @throws IllegalArgumentException when it has no {@code moov} or no track with a timescale
     */
    static InitSegment parse(byte[] data) {
        ByteBuffer moov = Mp4Boxes.find(ByteBuffer.wrap(data), "moov");
        if (moov == null) {
            throw new IllegalArgumentException("No moov box: not an init segment");
        }
        Map<Long, Long> timescales = new HashMap<>();
        Map<Long, long[]> defaults = new HashMap<>();
        Mp4Boxes.forEach(moov, (type, body) -> {
            if (type.equals("trak")) {
                ByteBuffer tkhd = Mp4Boxes.find(body, "tkhd");
                ByteBuffer mdia = Mp4Boxes.find(body, "mdia");
                ByteBuffer mdhd = mdia == null ? null : Mp4Boxes.find(mdia, "mdhd");
                if (tkhd != null && mdhd != null) {
                    timescales.put(trackId(tkhd), timescale(mdhd));
                }
            } else if (type.equals("mvex")) {
                Mp4Boxes.forEach(body, (child, trex) -> {
                    if (child.equals("trex")) {
                        trex.getInt();
                        long id = Integer.toUnsignedLong(trex.getInt());
                        trex.getInt();
                        defaults.put(id, new long[] {Integer.toUnsignedLong(trex.getInt()), trex.getInt(),
                                Integer.toUnsignedLong(trex.getInt())});
                    }
                });
            }
        });
        if (timescales.isEmpty()) {
            throw new IllegalArgumentException("No track with a timescale in the init segment");
        }
        Map<Long, Track> tracks = new HashMap<>();
        timescales.forEach((id, timescale) -> {
            long[] trex = defaults.getOrDefault(id, new long[3]);
            tracks.put(id, new Track(timescale, trex[0], trex[2]));
        });
        return new InitSegment(tracks);
    }

    private static long trackId(ByteBuffer tkhd) {
        int version = tkhd.get() & 0xff;
        tkhd.position(4 + (version == 1 ? 16 : 8));
        return Integer.toUnsignedLong(tkhd.getInt());
    }

    private static long timescale(ByteBuffer mdhd) {
        int version = mdhd.get() & 0xff;
        mdhd.position(4 + (version == 1 ? 16 : 8));
        return Integer.toUnsignedLong(mdhd.getInt());
    }
}
