package io.livepush.playback;

import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The validators Tomcat's default servlet gives a stored file: a weak {@code ETag} {@code W/"<size>-<modified ms>"}
 * and {@code Last-Modified} in IMF-fixdate. Answers written here carry the same ones, so a cache that got either
 * answer revalidates it with the default servlet, which answers conditional requests.
 */
final class Validators {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private Validators() {
    }

    /** The entity tag of a file of {@code size} bytes last modified at {@code modified}. */
    static String etag(long size, FileTime modified) {
        return "W/\"" + size + "-" + modified.toMillis() + "\"";
    }

    /** {@code time} as an HTTP date. */
    static String httpDate(Instant time) {
        return HTTP_DATE.format(time);
    }
}
