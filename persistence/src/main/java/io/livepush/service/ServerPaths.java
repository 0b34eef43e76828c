package io.livepush.service;

import io.livepush.domain.Actor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the server's file-system layout from account admins: in texts that ingest nodes report (a slot's status
 * reason, such as a storage directory that cannot be created), every absolute path is written as {@value #HIDDEN}.
 * Operators, who run the servers, see the text as reported.
 */
public final class ServerPaths {

    /** What replaces a path for an account admin. */
    public static final String HIDDEN = "[server path]";

    /**
     * An absolute Unix path ({@code /srv/x}) that does not continue a word, URL, address block or relative path
     * ({@code 10.0.0.0/8}, {@code https://host/x}, {@code a/b}), or a Windows path ({@code C:\x}).
     */
    private static final Pattern PATH = Pattern.compile("(?<![\\w.:/~\\\\-])/[^\\s'\"<>|]+|\\b[A-Za-z]:\\\\[^\\s'\"<>|]*");
    /** Punctuation that ends a sentence rather than the path. */
    private static final String TRAILING = ":.,;)]'";

    private ServerPaths() {
    }

    /** {@code text} as {@code actor} may read it; {@code null} stays {@code null}. */
    public static String shownTo(Actor actor, String text) {
        if (text == null || actor.isOperator()) {
            return text;
        }
        Matcher matcher = PATH.matcher(text);
        StringBuilder shown = new StringBuilder();
        while (matcher.find()) {
            String path = matcher.group();
            int end = path.length();
            while (end > 1 && TRAILING.indexOf(path.charAt(end - 1)) >= 0) {
                end--;
            }
            matcher.appendReplacement(shown, Matcher.quoteReplacement(HIDDEN + path.substring(end)));
        }
        matcher.appendTail(shown);
        return shown.toString();
    }
}
