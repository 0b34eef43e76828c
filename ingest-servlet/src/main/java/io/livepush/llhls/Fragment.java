package io.livepush.llhls;

/**
 * One complete CMAF fragment ({@code moof} + {@code mdat}) of a segment: an LL-HLS part as a byte range of it.
 *
 * @param offset      the first byte (of the {@code moof})
 * @param length      bytes up to the end of the {@code mdat}
 * @param duration    seconds
 * @param independent whether its first sample is a sync sample
 */
record Fragment(long offset, long length, double duration, boolean independent) {

    /** The byte after the fragment. */
    long end() {
        return offset + length;
    }
}
