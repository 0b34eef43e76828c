package io.livepush.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * The indexed files of one slot: a binary min-heap on modification second over two parallel arrays, so an entry costs
 * an {@code int}, a reference and the UTF-8 bytes of its path below the slot (about 50 bytes for a typical segment
 * name, against well over 100 for a {@code PriorityQueue} of objects holding a {@code Path}). Exempt files are not in
 * the heap; the queue keeps only whether there are any and when the newest was written. Thread-safe: ingest threads
 * add, the expiry thread takes.
 */
final class SlotQueue {

    private static final int INITIAL_CAPACITY = 16;
    private static final long UNSIGNED_INT = 0xFFFF_FFFFL;

    private int[] seconds = new int[0];
    private byte[][] names = new byte[0][];
    private int size;
    private boolean hasExempt;
    private long newestExemptSecond;

    /** One file taken from the queue: its path below the slot and the modification second it was indexed with. */
    record Entry(long second, byte[] name) {
    }

    synchronized void add(long second, byte[] name) {
        if (size == seconds.length) {
            int capacity = Math.max(INITIAL_CAPACITY, size + (size >> 1));
            seconds = Arrays.copyOf(seconds, capacity);
            names = Arrays.copyOf(names, capacity);
        }
        seconds[size] = (int) second;
        names[size] = name;
        siftUp(size++);
    }

    /** Drops {@code name} if it is the oldest entry, which is the usual case when an encoder deletes old segments. */
    synchronized boolean removeIfOldest(byte[] name) {
        if (size == 0 || !Arrays.equals(names[0], name)) {
            return false;
        }
        poll();
        return true;
    }

    /** Removes and returns every entry whose second is at most {@code cutoffSecond}, oldest first. */
    synchronized List<Entry> takeDue(long cutoffSecond) {
        if (size == 0 || second(0) > cutoffSecond) {
            return List.of(); // the common case: a sweep costs no allocation for a slot with nothing due
        }
        List<Entry> due = new ArrayList<>();
        while (size > 0 && second(0) <= cutoffSecond) {
            due.add(new Entry(second(0), names[0]));
            poll();
        }
        shrinkIfSparse();
        return due;
    }

    /** The oldest indexed second, if any. */
    synchronized OptionalLong oldestSecond() {
        return size == 0 ? OptionalLong.empty() : OptionalLong.of(second(0));
    }

    synchronized int size() {
        return size;
    }

    synchronized void exemptWritten(long second) {
        newestExemptSecond = hasExempt ? Math.max(newestExemptSecond, second) : second;
        hasExempt = true;
    }

    /** When the newest exempt file was written, if the slot has exempt files and no other file is indexed. */
    synchronized OptionalLong onlyExemptSince() {
        return hasExempt && size == 0 ? OptionalLong.of(newestExemptSecond) : OptionalLong.empty();
    }

    synchronized void clearExempt() {
        hasExempt = false;
        newestExemptSecond = 0;
    }

    /** The heap bytes this queue holds, assuming compressed references (the default below 32 GB of heap). */
    synchronized long estimatedBytes() {
        long bytes = 2 * arrayBytes(seconds.length, Integer.BYTES) + 32;
        for (int i = 0; i < size; i++) {
            bytes += arrayBytes(names[i].length, 1);
        }
        return bytes;
    }

    private static long arrayBytes(int length, int elementBytes) {
        return (16L + (long) length * elementBytes + 7) & ~7L;
    }

    private long second(int i) {
        return seconds[i] & UNSIGNED_INT;
    }

    private void poll() {
        size--;
        seconds[0] = seconds[size];
        names[0] = names[size];
        names[size] = null;
        if (size > 0) {
            siftDown(0);
        }
    }

    private void shrinkIfSparse() {
        if (seconds.length > INITIAL_CAPACITY && size < seconds.length / 4) {
            int capacity = Math.max(INITIAL_CAPACITY, size * 2);
            seconds = Arrays.copyOf(seconds, capacity);
            names = Arrays.copyOf(names, capacity);
        }
    }

    private void siftUp(int index) {
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (second(parent) <= second(i)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int index) {
        int i = index;
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int smallest = left + 1 < size && second(left + 1) < second(left) ? left + 1 : left;
            if (second(i) <= second(smallest)) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }

    private void swap(int a, int b) {
        int second = seconds[a];
        seconds[a] = seconds[b];
        seconds[b] = second;
        byte[] name = names[a];
        names[a] = names[b];
        names[b] = name;
    }
}
