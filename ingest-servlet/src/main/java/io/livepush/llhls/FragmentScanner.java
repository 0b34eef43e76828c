package io.livepush.llhls;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the fragments of a growing fMP4/CMAF segment as its bytes arrive, in any pieces: top-level boxes are followed
 * by their headers, each {@code moof} is kept until complete and read (sample durations of the first {@code traf}'s
 * {@code trun}s, else {@code tfhd} or {@code trex} defaults, over the track's timescale from the init segment; the
 * first sample's flags tell whether the fragment is independent), {@code mdat} bodies are only counted. A fragment is
 * reported once its {@code mdat} has arrived whole. Anything that is not fMP4 (a {@code moof} over
 * {@value #MAX_MOOF_BYTES} bytes, an unreadable box) stops the scan for good: {@link #failed()}. Not thread-safe: one
 * feeder at a time.
 */
final class FragmentScanner {

    /** The largest {@code moof} read. */
    static final int MAX_MOOF_BYTES = 1 << 20;

    private static final int TFHD_DURATION = 0x08;
    private static final int TFHD_FLAGS = 0x20;
    private static final int TRUN_DATA_OFFSET = 0x01;
    private static final int TRUN_FIRST_FLAGS = 0x04;
    private static final int TRUN_DURATION = 0x100;
    private static final int TRUN_SIZE = 0x200;
    private static final int TRUN_FLAGS = 0x400;
    private static final int TRUN_OFFSET = 0x800;
    private static final long NON_SYNC_SAMPLE = 0x10000;

    private final InitSegment init;
    private final byte[] header = new byte[16];
    private int headerBytes;
    private long position;
    private long boxStart;
    private long boxEnd = -1;
    private String boxType;
    private ByteBuffer moof;
    private long moofStart = -1;
    private double moofDuration;
    private boolean moofIndependent;
    private boolean failed;

    FragmentScanner(InitSegment init) {
        this.init = init;
    }

    /** The bytes fed so far. */
    long position() {
        return position;
    }

    /** Whether the data turned out not to be fMP4; nothing more is reported then. */
    boolean failed() {
        return failed;
    }

    /** Feeds the next bytes of the segment; returns the fragments they complete, in order. */
    List<Fragment> feed(ByteBuffer bytes) {
        List<Fragment> complete = new ArrayList<>(1);
        while (bytes.hasRemaining() && !failed) {
            if (boxEnd < 0) {
                readHeader(bytes);
            } else {
                readBody(bytes, complete);
            }
        }
        position += bytes.remaining();
        bytes.position(bytes.limit());
        return complete;
    }

    private void readHeader(ByteBuffer bytes) {
        int needed = headerBytes < 8 ? 8 : 16;
        int take = Math.min(needed - headerBytes, bytes.remaining());
        bytes.get(header, headerBytes, take);
        headerBytes += take;
        position += take;
        if (headerBytes < needed) {
            return;
        }
        ByteBuffer view = ByteBuffer.wrap(header);
        long size = Integer.toUnsignedLong(view.getInt(0));
        if (size == 1 && headerBytes == 8) {
            return;
        }
        if (size == 1) {
            size = view.getLong(8);
        }
        boxType = Mp4Boxes.type(view.getInt(4));
        boxStart = position - headerBytes;
        if (size < headerBytes || !isBoxType(boxType)) {
            failed = true;
            return;
        }
        boxEnd = boxStart + size;
        headerBytes = 0;
        if (boxType.equals("moof")) {
            if (size > MAX_MOOF_BYTES) {
                failed = true;
                return;
            }
            moof = ByteBuffer.allocate((int) size - (int) (position - boxStart));
        }
        finishBoxIfEmpty();
    }

    /** Whether {@code type} looks like a box type: four printable ASCII characters. */
    private static boolean isBoxType(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private void readBody(ByteBuffer bytes, List<Fragment> complete) {
        int take = (int) Math.min(boxEnd - position, bytes.remaining());
        if (moof != null) {
            ByteBuffer piece = bytes.slice();
            piece.limit(take);
            moof.put(piece);
        }
        bytes.position(bytes.position() + take);
        position += take;
        if (position < boxEnd) {
            return;
        }
        if (moof != null) {
            readMoof();
        } else if (boxType.equals("mdat") && moofStart >= 0) {
            complete.add(new Fragment(moofStart, boxEnd - moofStart, moofDuration, moofIndependent));
            moofStart = -1;
        }
        boxEnd = -1;
    }

    private void finishBoxIfEmpty() {
        if (position == boxEnd) {
            if (moof != null) {
                failed = true;
            }
            boxEnd = -1;
        }
    }

    private void readMoof() {
        moof.flip();
        try {
            ByteBuffer traf = Mp4Boxes.find(moof, "traf");
            if (traf == null) {
                throw new IllegalArgumentException("moof without traf");
            }
            readTraf(traf);
            moofStart = boxStart;
        } catch (RuntimeException e) {
            failed = true;
        }
        moof = null;
    }

    private void readTraf(ByteBuffer traf) {
        ByteBuffer tfhd = Mp4Boxes.find(traf, "tfhd");
        int tfhdFlags = tfhd.getInt() & 0xffffff;
        long trackId = Integer.toUnsignedLong(tfhd.getInt());
        InitSegment.Track track = init.tracks().get(trackId);
        if (track == null || track.timescale() == 0) {
            throw new IllegalArgumentException("No timescale for track " + trackId);
        }
        tfhd.position(tfhd.position() + ((tfhdFlags & 0x01) != 0 ? 8 : 0) + ((tfhdFlags & 0x02) != 0 ? 4 : 0));
        long defaultDuration = (tfhdFlags & TFHD_DURATION) != 0 ? Integer.toUnsignedLong(tfhd.getInt())
                : track.defaultSampleDuration();
        tfhd.position(tfhd.position() + ((tfhdFlags & 0x10) != 0 ? 4 : 0));
        long defaultFlags = (tfhdFlags & TFHD_FLAGS) != 0 ? Integer.toUnsignedLong(tfhd.getInt())
                : track.defaultSampleFlags();
        long[] ticks = {0};
        Long[] firstFlags = {null};
        Mp4Boxes.forEach(traf, (type, trun) -> {
            if (type.equals("trun")) {
                readTrun(trun, defaultDuration, ticks, firstFlags);
            }
        });
        moofDuration = (double) ticks[0] / track.timescale();
        moofIndependent = ((firstFlags[0] == null ? defaultFlags : firstFlags[0]) & NON_SYNC_SAMPLE) == 0;
    }

    private static void readTrun(ByteBuffer trun, long defaultDuration, long[] ticks, Long[] firstFlags) {
        int flags = trun.getInt() & 0xffffff;
        long count = Integer.toUnsignedLong(trun.getInt());
        if ((flags & TRUN_DATA_OFFSET) != 0) {
            trun.getInt();
        }
        if ((flags & TRUN_FIRST_FLAGS) != 0 && firstFlags[0] == null) {
            firstFlags[0] = Integer.toUnsignedLong(trun.getInt());
        }
        for (long i = 0; i < count; i++) {
            ticks[0] += (flags & TRUN_DURATION) != 0 ? Integer.toUnsignedLong(trun.getInt()) : defaultDuration;
            if ((flags & TRUN_SIZE) != 0) {
                trun.getInt();
            }
            if ((flags & TRUN_FLAGS) != 0) {
                long sampleFlags = Integer.toUnsignedLong(trun.getInt());
                if (firstFlags[0] == null) {
                    firstFlags[0] = sampleFlags;
                }
            }
            if ((flags & TRUN_OFFSET) != 0) {
                trun.getInt();
            }
        }
    }
}
