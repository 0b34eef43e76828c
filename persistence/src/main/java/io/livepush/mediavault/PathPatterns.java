package io.livepush.mediavault;

/**
 * The {@code cp} rule (reference/mediavault.md §11): a comma-separated list of path patterns in which {@code *}
 * stands for any run of characters (including {@code /}); the whole request path must match one of them.
 * Matching is linear-time backtracking over one star, not a regular expression.
 */
final class PathPatterns {

    private PathPatterns() {
    }

    /** Returns whether {@code path} matches at least one of the comma-separated {@code patterns}. */
    static boolean matchesAny(String patterns, String path) {
        int start = 0;
        while (start <= patterns.length()) {
            int comma = patterns.indexOf(',', start);
            int end = comma < 0 ? patterns.length() : comma;
            if (end > start && matches(patterns, start, end, path)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static boolean matches(String pattern, int from, int to, String path) {
        int p = from;
        int s = 0;
        int star = -1;
        int resume = 0;
        while (s < path.length()) {
            if (p < to && pattern.charAt(p) == '*') {
                star = p++;
                resume = s;
            } else if (p < to && pattern.charAt(p) == path.charAt(s)) {
                p++;
                s++;
            } else if (star >= 0) {
                p = star + 1;
                s = ++resume;
            } else {
                return false;
            }
        }
        while (p < to && pattern.charAt(p) == '*') {
            p++;
        }
        return p == to;
    }
}
