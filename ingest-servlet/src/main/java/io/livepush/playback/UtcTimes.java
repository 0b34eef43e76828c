package io.livepush.playback;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The body of the UTC time source ({@link UtcTimeServlet}): an instant as ISO 8601 in UTC with exactly three decimals,
 * {@code 2026-12-05T12:00:00.123Z}, which is both what DASH-IF's {@code urn:mpeg:dash:utc:http-iso:2014} names and a
 * valid {@code xs:dateTime} for {@code urn:mpeg:dash:utc:http-xsdate:2014}. Sub-millisecond digits are cut, never
 * rounded up, so the answer is never ahead of the clock.
 */
public final class UtcTimes {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private UtcTimes() {
    }

    /** {@code instant} in UTC to the millisecond, for example {@code 2026-12-05T12:00:00.000Z}. */
    public static String format(Instant instant) {
        return ISO_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
