package io.livepush.mediavault;

/**
 * A path-based token found in a request path (reference/mediavault.md §13, this project's normative layout).
 * <p>
 * Exactly one path segment starts with the marker (a marker that contains {@code /} spans several segments; the
 * token then runs to the next {@code /}). The rest of it is the term list with the delimiter in place of {@code &},
 * and its last term is {@code h}. Normalisation deletes the token and the {@code /} before it and turns the terms
 * into the leading part of the query.
 *
 * @param path      without a token: the request path; with one: the path without the token segment; when
 *                  malformed: the path before the first token segment, so that no token reaches a log
 * @param terms     the terms joined with {@code &}; empty unless present
 * @param present   whether a usable token segment was found
 * @param malformed whether the path holds more than one token segment or one that does not end with {@code h}
 */
record PathToken(String path, String terms, boolean present, boolean malformed) {

    /** Finds the token segment of {@code path}; {@code marker} never starts with {@code /}. */
    static PathToken find(String path, String marker, char delimiter) {
        int found = -1;
        int foundEnd = -1;
        int at = path.indexOf(marker);
        while (at >= 0) {
            if (at > 0 && path.charAt(at - 1) == '/') {
                if (found >= 0) {
                    return malformed(path, found);
                }
                found = at;
                int slash = path.indexOf('/', at + marker.length());
                foundEnd = slash < 0 ? path.length() : slash;
                at = path.indexOf(marker, foundEnd);
            } else {
                at = path.indexOf(marker, at + 1);
            }
        }
        if (found < 0) {
            return new PathToken(path, "", false, false);
        }
        String terms = path.substring(found + marker.length(), foundEnd).replace(delimiter, '&');
        if (!terms.startsWith("h=", terms.lastIndexOf('&') + 1)) {
            return malformed(path, found);
        }
        String stripped = path.substring(0, found - 1) + path.substring(foundEnd);
        return new PathToken(stripped.isEmpty() ? "/" : stripped, terms, true, false);
    }

    private static PathToken malformed(String path, int tokenStart) {
        return new PathToken(path.substring(0, tokenStart), "", false, true);
    }

    /** Returns the query the normalised URL carries: the token's terms, then the request's own query, if any. */
    String query(String requestQuery) {
        return requestQuery.isEmpty() ? terms : terms + "&" + requestQuery;
    }
}
