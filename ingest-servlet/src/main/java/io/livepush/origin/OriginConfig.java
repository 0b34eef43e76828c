package io.livepush.origin;

import io.livepush.ingest.IngestPath;
import jakarta.servlet.ServletContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The configuration of the {@code live} web application, read once at startup from context parameters (defaults in
 * {@code web.xml}, overrides in the context file with {@code <Parameter override="false"/>}). A bad value stops the
 * deployment with every problem named.
 *
 * @param storageRoot          where slots' files live: {@code {storageRoot}/{shortname}/{slot}/{path}}; default
 *                             {@code ${catalina.base}/livepush-storage}
 * @param nodeId               this node's name in heartbeats; unique per node
 * @param pop                  the PoP this node serves; slots of other PoPs are not served here
 * @param maxObjectBytes       largest object one PUT may store (413 above)
 * @param maxPathDepth         most path segments below the slot (400 above)
 * @param allowedExtensions    file extensions an encoder may store (415 otherwise); {@code init*} names always pass;
 *                             {@code *} lets every name pass, with any extension or none
 * @param autoCreateCollections whether PUT creates missing parent directories (ffmpeg never sends MKCOL)
 * @param slotRefreshSeconds   how often slot rules are reloaded and heartbeats sent
 * @param bitrateTolerance     factor over a slot's total bitrate that counts as over-bitrate
 * @param enforceBitrate       whether over-bitrate pushes are refused with 429
 */
public record OriginConfig(Path storageRoot, String nodeId, String pop, long maxObjectBytes, int maxPathDepth,
        Set<String> allowedExtensions, boolean autoCreateCollections, int slotRefreshSeconds, double bitrateTolerance,
        boolean enforceBitrate) {

    public static final String STORAGE_ROOT = "storage.root";
    public static final String NODE_ID = "origin.nodeId";
    public static final String POP = "origin.pop";
    public static final String MAX_OBJECT_BYTES = "ingest.maxSegmentBytes";
    public static final String MAX_PATH_DEPTH = "ingest.maxPathDepth";
    public static final String ALLOWED_EXTENSIONS = "ingest.allowedExtensions";
    public static final String AUTO_CREATE_COLLECTIONS = "ingest.autoCreateCollections";
    public static final String SLOT_REFRESH_SECONDS = "origin.slotRefreshSeconds";
    public static final String BITRATE_TOLERANCE = "ingest.bitrateTolerance";
    public static final String ENFORCE_BITRATE = "ingest.enforceBitrate";

    /** The extensions of SPEC §4. */
    public static final String DEFAULT_EXTENSIONS = "m3u8 mpd ts m4s mp4 m4a m4v cmfv cmfa cmft aac ac3 ec3 mp3 vtt"
            + " webvtt ttml dfxp srt key json xml init";

    public OriginConfig {
        allowedExtensions = Set.copyOf(allowedExtensions);
    }

    /** Reads the configuration, throwing {@link IllegalStateException} that lists every bad or missing value. */
    public static OriginConfig from(ServletContext context) {
        return from(context::getInitParameter);
    }

    /** Reads the configuration from any parameter source (tests use a map). */
    public static OriginConfig from(Function<String, String> parameters) {
        List<String> problems = new ArrayList<>();
        Reader reader = new Reader(parameters, problems);
        String root = Optional.ofNullable(parameters.apply(STORAGE_ROOT)).filter(value -> !value.isBlank())
                .orElseGet(() -> Path.of(System.getProperty("catalina.base", "."), "livepush-storage").toString());
        String nodeId = reader.required(NODE_ID);
        String pop = reader.required(POP);
        long maxBytes = reader.number(MAX_OBJECT_BYTES, 100L * 1024 * 1024, 1, Long.MAX_VALUE);
        int depth = (int) reader.number(MAX_PATH_DEPTH, 8, 1, 64);
        Set<String> allowed = reader.extensions(ALLOWED_EXTENSIONS, DEFAULT_EXTENSIONS);
        boolean autoCreate = reader.flag(AUTO_CREATE_COLLECTIONS, true);
        int refresh = (int) reader.number(SLOT_REFRESH_SECONDS, 2, 1, 60);
        double tolerance = reader.decimal(BITRATE_TOLERANCE, 2.0, 1.0, 100.0);
        boolean enforce = reader.flag(ENFORCE_BITRATE, false);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Bad live configuration: " + String.join("; ", problems));
        }
        return new OriginConfig(Path.of(root).toAbsolutePath().normalize(), nodeId, pop, maxBytes, depth, allowed,
                autoCreate, refresh, tolerance, enforce);
    }

    /** Reads typed parameters and collects every problem instead of stopping at the first. */
    private record Reader(Function<String, String> parameters, List<String> problems) {

        String required(String key) {
            String value = parameters.apply(key);
            if (value == null || value.isBlank()) {
                problems.add(key + " is required");
                return "";
            }
            return value.trim();
        }

        long number(String key, long fallback, long min, long max) {
            String value = parameters.apply(key);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                long parsed = Long.parseLong(value.trim());
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below with the allowed range
            }
            problems.add(key + " must be a whole number from " + min + " to " + max + " (was '" + value + "')");
            return fallback;
        }

        double decimal(String key, double fallback, double min, double max) {
            String value = parameters.apply(key);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                double parsed = Double.parseDouble(value.trim());
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below with the allowed range
            }
            problems.add(key + " must be a number from " + min + " to " + max + " (was '" + value + "')");
            return fallback;
        }

        /**
         * A list of extensions separated by spaces or commas, lower-cased; a leading dot is tolerated. An empty entry
         * would let names ending in a dot through, so only letters and digits are accepted, and {@code *} for any
         * name ({@link IngestPath#ANY_NAME}).
         */
        Set<String> extensions(String key, String fallback) {
            String value = parameters.apply(key);
            String list = value == null || value.isBlank() ? fallback : value;
            Set<String> extensions = new HashSet<>();
            for (String entry : list.toLowerCase(Locale.ROOT).split("[\\s,]+")) {
                String extension = entry.startsWith(".") ? entry.substring(1) : entry;
                if (extension.matches("[a-z0-9]+") || entry.equals(IngestPath.ANY_NAME)) {
                    extensions.add(extension);
                } else if (!entry.isEmpty()) {
                    problems.add(key + " must list extensions of letters and digits, or * (was '" + entry + "')");
                }
            }
            if (extensions.isEmpty()) {
                problems.add(key + " must list at least one extension (was '" + value + "')");
            }
            return extensions;
        }

        boolean flag(String key, boolean fallback) {
            String value = parameters.apply(key);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> {
                    problems.add(key + " must be true or false (was '" + value + "')");
                    yield fallback;
                }
            };
        }
    }
}
