package io.livepush.llhls;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * How an encoder names the segments of one playlist, learnt from the last segment URI it listed: a prefix, a run of
 * digits (the counter) and a suffix, in the playlist's directory ({@code chunk-stream0-00042.m4s},
 * {@code index7.m4s}). Tells which upload is a later segment of the playlist and what the next one is called. Only
 * plain relative URIs of fMP4 segments qualify (no scheme, query, parent directory or other directory). Pure logic.
 *
 * @param directory the playlist's directory, where the segments are
 * @param prefix    the name before the counter
 * @param width     the counter's width when zero-padded (its length in the last URI)
 * @param suffix    the name after the counter
 */
record SegmentNaming(Path directory, String prefix, int width, String suffix) {

    /** Extensions of fMP4/CMAF media segments, whose fragments can be scanned. */
    private static final String[] FMP4 = {".m4s", ".mp4", ".m4v", ".m4a", ".cmfv", ".cmfa"};

    /** The naming of {@code uri} in {@code directory}; {@code null} when the URI does not qualify. */
    static SegmentNaming of(Path directory, String uri) {
        if (uri.contains("/") || uri.contains("?") || uri.contains(":") || uri.contains("%") || uri.startsWith(".")
                || !isFmp4(uri)) {
            return null;
        }
        int dot = uri.lastIndexOf('.');
        int end = dot;
        while (end > 0 && !Character.isDigit(uri.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isDigit(uri.charAt(start - 1))) {
            start--;
        }
        if (start == end || end - start > 18) {
            return null;
        }
        return new SegmentNaming(directory.toAbsolutePath().normalize(), uri.substring(0, start), end - start,
                uri.substring(end));
    }

    /** The counter of {@code fileName} when it is named this way. */
    OptionalLong counter(String fileName) {
        if (!fileName.startsWith(prefix) || !fileName.endsWith(suffix)
                || fileName.length() <= prefix.length() + suffix.length()) {
            return OptionalLong.empty();
        }
        String digits = fileName.substring(prefix.length(), fileName.length() - suffix.length());
        if (digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)
                || digits.length() < width && digits.length() != Long.toString(Long.parseLong(digits)).length()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
    }

    /** The name of segment {@code counter}. */
    String name(long counter) {
        String digits = Long.toString(counter);
        return prefix + "0".repeat(Math.max(0, width - digits.length())) + digits + suffix;
    }

    /** Whether {@code target} is a segment of this naming in its directory. */
    boolean names(Path target) {
        return directory.equals(target.getParent()) && counter(target.getFileName().toString()).isPresent();
    }

    private static boolean isFmp4(String uri) {
        String lower = uri.toLowerCase(java.util.Locale.ROOT);
        for (String extension : FMP4) {
            if (lower.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }
}
