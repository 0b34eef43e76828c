package io.livepush.playback;

import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The playback settings of the {@code live} web application, read once when {@link PlaybackFilter} starts (defaults in
 * {@code web.xml}, overrides in the context file with {@code <Parameter override="false"/>}). A bad value stops the
 * deployment with every problem named.
 *
 * @param cors                 who may read playback responses from a browser ({@value #CORS_ORIGIN})
 * @param manifestCacheControl the {@code Cache-Control} of playlists, manifests and init files
 *                             ({@value #MANIFEST_CACHE_CONTROL})
 * @param manifestCacheBytes   how many bytes of playlists and manifests are kept in memory
 *                             ({@value #MANIFEST_CACHE_MEGABYTES}, in MiB; 0 turns it off)
 * @param verdictCacheEntries  how many MediaVault allows are remembered ({@value #VERDICT_CACHE_ENTRIES}; 0 turns
 *                             the cache off)
 * @param manifestRecheckMillis how long an in-memory manifest proven current is answered without a {@code stat()}
 *                             ({@value #MANIFEST_RECHECK_MILLIS}; 0 proves every request)
 */
public record PlaybackConfig(CorsPolicy cors, String manifestCacheControl, long manifestCacheBytes,
        int verdictCacheEntries, int manifestRecheckMillis) {

    /** {@code *} (default), a list of origins separated by spaces or commas, or {@code none}. */
    public static final String CORS_ORIGIN = "playback.corsOrigin";
    /** A {@code Cache-Control} value; default {@value #DEFAULT_MANIFEST_CACHE_CONTROL}. */
    public static final String MANIFEST_CACHE_CONTROL = "playback.manifestCacheControl";

    /** Whole MiB, 0 to 4096; default {@value #DEFAULT_MANIFEST_CACHE_MEGABYTES}. */
    public static final String MANIFEST_CACHE_MEGABYTES = "playback.manifestCacheMegabytes";

    /** Whole number, 0 to {@value #MAX_VERDICT_CACHE_ENTRIES}; default {@value #DEFAULT_VERDICT_CACHE_ENTRIES}. */
    public static final String VERDICT_CACHE_ENTRIES = "playback.verdictCacheEntries";

    /**
     * Whole milliseconds, 0 to {@value #MAX_MANIFEST_RECHECK_MILLIS}; default
     * {@value #DEFAULT_MANIFEST_RECHECK_MILLIS}; 0 where nodes share storage (docs/scale-out.md).
     */
    public static final String MANIFEST_RECHECK_MILLIS = "playback.manifestRecheckMillis";

    /** SPEC §5: a live playlist may be cached for one second at most. */
    public static final String DEFAULT_MANIFEST_CACHE_CONTROL = "max-age=1";
    /** Room for about 6 000 playlists of 10 KiB. */
    public static final int DEFAULT_MANIFEST_CACHE_MEGABYTES = 64;
    /** The largest manifest cache, in MiB. */
    public static final int MAX_MANIFEST_CACHE_MEGABYTES = 4096;
    /** Room for the tokens of about 16 000 concurrent viewers (a few hundred bytes each, about 8 MiB). */
    public static final int DEFAULT_VERDICT_CACHE_ENTRIES = 16_384;
    /** The largest verdict cache. */
    public static final int MAX_VERDICT_CACHE_ENTRIES = 4_194_304;
    /**
     * A tenth of the second a live playlist may be cached for (SPEC §5): at playback rates almost every request skips
     * its {@code stat()}, and a change made around this node's ingest is seen within 0.1 s.
     */
    public static final int DEFAULT_MANIFEST_RECHECK_MILLIS = 100;
    /** The longest recheck interval: the second a live playlist may be cached for. */
    public static final int MAX_MANIFEST_RECHECK_MILLIS = 1000;
    static final long MEBIBYTE = 1024 * 1024;

    /** Reads the configuration, throwing {@link IllegalStateException} that lists every bad value. */
    public static PlaybackConfig from(ServletContext context) {
        return from(context::getInitParameter);
    }

    /** Reads the configuration from any parameter source (tests use a map). */
    public static PlaybackConfig from(Function<String, String> parameters) {
        List<String> problems = new ArrayList<>();
        CorsPolicy cors = CorsPolicy.ANY;
        String origins = parameters.apply(CORS_ORIGIN);
        if (origins != null && !origins.isBlank()) {
            try {
                cors = CorsPolicy.parse(origins);
            } catch (IllegalArgumentException e) {
                problems.add(CORS_ORIGIN + ": " + e.getMessage());
            }
        }
        String cacheControl = parameters.apply(MANIFEST_CACHE_CONTROL);
        if (cacheControl == null || cacheControl.isBlank()) {
            cacheControl = DEFAULT_MANIFEST_CACHE_CONTROL;
        } else if (!CacheHeaders.isValidCacheControl(cacheControl.trim())) {
            problems.add(MANIFEST_CACHE_CONTROL + " must be a Cache-Control value such as 'max-age=1' or 'no-cache'"
                    + " (was '" + cacheControl.strip() + "')");
        }
        long cacheMegabytes = wholeNumber(parameters, MANIFEST_CACHE_MEGABYTES, DEFAULT_MANIFEST_CACHE_MEGABYTES,
                MAX_MANIFEST_CACHE_MEGABYTES, "MiB", problems);
        int verdictEntries = wholeNumber(parameters, VERDICT_CACHE_ENTRIES, DEFAULT_VERDICT_CACHE_ENTRIES,
                MAX_VERDICT_CACHE_ENTRIES, "entries", problems);
        int recheckMillis = wholeNumber(parameters, MANIFEST_RECHECK_MILLIS, DEFAULT_MANIFEST_RECHECK_MILLIS,
                MAX_MANIFEST_RECHECK_MILLIS, "milliseconds", problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Bad playback configuration: " + String.join("; ", problems));
        }
        return new PlaybackConfig(cors, cacheControl.trim(), cacheMegabytes * MEBIBYTE, verdictEntries,
                recheckMillis);
    }

    /** Parses a whole number from 0 to {@code max}; blank means {@code fallback}; anything else is a problem. */
    private static int wholeNumber(Function<String, String> parameters, String name, int fallback, int max,
            String unit, List<String> problems) {
        String value = parameters.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 0 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        problems.add(name + " must be a whole number of " + unit + " from 0 to " + max + " (was '" + value.strip()
                + "')");
        return fallback;
    }
}
