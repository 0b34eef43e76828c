package io.livepush.admin.ui.slot;

import io.livepush.service.LiveActivity;
import io.livepush.service.ViewerRule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the slot screens write times, statuses and viewer rules. */
final class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    static String dateTime(Instant instant) {
        return instant == null ? "–" : DATE_TIME.format(instant);
    }

    /** Active, Inactive or Error, as the portal and the API write them. */
    static String activity(LiveActivity activity) {
        if (activity == null) {
            return "";
        }
        return switch (activity) {
            case ACTIVE -> "Active";
            case INACTIVE -> "Inactive";
            case ERROR -> "Error";
        };
    }

    /** A viewer rule as the forms take it and the details show it: {@code allow 192.0.2.0/24}. */
    static String viewerRule(ViewerRule rule) {
        return rule.action().name().toLowerCase(Locale.ROOT) + " " + rule.cidr();
    }
}
