package io.livepush.playlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses HLS media playlists (RFC 8216 and draft-pantos-hls-rfc8216bis) into a {@link MediaPlaylist}. Unknown tags
 * and comments are kept with the segment they precede; blank lines are dropped; {@code CR LF} line ends are accepted.
 * A master playlist, a missing {@code #EXTM3U} or {@code EXT-X-TARGETDURATION}, a URI without {@code EXTINF} and
 * malformed numbers are refused with an {@link IllegalArgumentException} that quotes the offending line.
 */
public final class MediaPlaylists {

    /** Tags that describe the whole playlist and stay in its header. */
    private static final Set<String> HEADER_TAGS = Set.of("#EXTM3U", "#EXT-X-VERSION", "#EXT-X-TARGETDURATION",
            "#EXT-X-MEDIA-SEQUENCE", "#EXT-X-DISCONTINUITY-SEQUENCE", "#EXT-X-PLAYLIST-TYPE", "#EXT-X-I-FRAMES-ONLY",
            "#EXT-X-PART-INF", "#EXT-X-SERVER-CONTROL", "#EXT-X-INDEPENDENT-SEGMENTS", "#EXT-X-START", "#EXT-X-DEFINE",
            "#EXT-X-ALLOW-CACHE");
    /** Tags that follow the segments. */
    private static final Set<String> TRAILER_TAGS = Set.of("#EXT-X-PRELOAD-HINT", "#EXT-X-RENDITION-REPORT",
            "#EXT-X-ENDLIST");
    /** Tags only a master playlist has. */
    private static final Set<String> MASTER_TAGS = Set.of("#EXT-X-STREAM-INF", "#EXT-X-I-FRAME-STREAM-INF",
            "#EXT-X-MEDIA", "#EXT-X-SESSION-DATA", "#EXT-X-SESSION-KEY");

    private MediaPlaylists() {
    }

    /** Returns whether {@code text} parses as a media playlist. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Parses the media playlist {@code text}.
     *
     * @throws IllegalArgumentException when it is not a media playlist, quoting the line at fault
     */
    public static MediaPlaylist parse(String text) {
        Builder builder = new Builder();
        boolean first = true;
        for (String raw : text.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isBlank()) {
                continue;
            }
            if (first && !line.equals("#EXTM3U")) {
                throw new IllegalArgumentException("'" + line + "' is not #EXTM3U: not a playlist");
            }
            first = false;
            builder.accept(line);
        }
        if (first) {
            throw new IllegalArgumentException("An empty playlist");
        }
        return builder.build();
    }

    /** Parses a decimal number of attribute or tag {@code name}. */
    static double decimal(String value, String name) {
        try {
            double number = Double.parseDouble(value.trim());
            if (!Double.isFinite(number) || number < 0) {
                throw new NumberFormatException("not a finite non-negative number");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number for " + name, e);
        }
    }

    private static long integer(String value, String name) {
        try {
            long number = Long.parseLong(value.trim());
            if (number < 0) {
                throw new NumberFormatException("negative");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not an integer for " + name, e);
        }
    }

    private static String tagName(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? line : line.substring(0, colon);
    }

    private static String tagValue(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(colon + 1);
    }

    /** The state of one parse. */
    private static final class Builder {
        private int version = 1;
        private int targetDuration = -1;
        private long mediaSequence;
        private long discontinuitySequence;
        private long skipped;
        private double partTarget;
        private ServerControl serverControl = ServerControl.NONE;
        private boolean endList;
        private final List<Segment> segments = new ArrayList<>();
        private final List<PreloadHint> hints = new ArrayList<>();
        private final List<String> header = new ArrayList<>();
        private final List<String> trailer = new ArrayList<>();
        // The segment being described.
        private final List<String> lines = new ArrayList<>();
        private final List<Part> parts = new ArrayList<>();
        private double duration = -1;
        private boolean discontinuity;
        private ByteRange byteRange;
        private String programDateTime;

        void accept(String line) {
            if (!line.startsWith("#")) {
                addSegment(line);
                return;
            }
            String name = tagName(line);
            if (MASTER_TAGS.contains(name)) {
                throw new IllegalArgumentException("'" + line + "' belongs to a master playlist");
            }
            if (HEADER_TAGS.contains(name)) {
                header.add(line);
                acceptHeader(name, tagValue(line));
            } else if (TRAILER_TAGS.contains(name)) {
                trailer.add(line);
                acceptTrailer(name, tagValue(line));
            } else if (name.equals("#EXT-X-SKIP")) {
                String count = AttributeLists.parse(tagValue(line)).get("SKIPPED-SEGMENTS");
                if (count == null) {
                    throw new IllegalArgumentException("'" + line + "' has no SKIPPED-SEGMENTS");
                }
                skipped = integer(count, name);
            } else {
                lines.add(line);
                acceptSegmentTag(line, name, tagValue(line));
            }
        }

        private void acceptHeader(String name, String value) {
            switch (name) {
                case "#EXT-X-VERSION" -> version = (int) integer(value, name);
                case "#EXT-X-TARGETDURATION" -> targetDuration = (int) Math.ceil(decimal(value, name));
                case "#EXT-X-MEDIA-SEQUENCE" -> mediaSequence = integer(value, name);
                case "#EXT-X-DISCONTINUITY-SEQUENCE" -> discontinuitySequence = integer(value, name);
                case "#EXT-X-PART-INF" -> partTarget = decimal(required(value, name, "PART-TARGET"), name);
                case "#EXT-X-SERVER-CONTROL" -> serverControl = ServerControl.parse(AttributeLists.parse(value));
                default -> { }
            }
        }

        private void acceptTrailer(String name, String value) {
            if (name.equals("#EXT-X-ENDLIST")) {
                endList = true;
            } else if (name.equals("#EXT-X-PRELOAD-HINT")) {
                Map<String, String> attributes = AttributeLists.parse(value);
                String length = attributes.get("BYTERANGE-LENGTH");
                String start = attributes.get("BYTERANGE-START");
                hints.add(new PreloadHint(required(value, name, "TYPE"), required(value, name, "URI"),
                        start == null ? 0 : integer(start, name), length == null ? -1 : integer(length, name)));
            }
        }

        private void acceptSegmentTag(String line, String name, String value) {
            switch (name) {
                case "#EXTINF" -> {
                    int comma = value.indexOf(',');
                    duration = decimal(comma < 0 ? value : value.substring(0, comma), name);
                }
                case "#EXT-X-DISCONTINUITY" -> discontinuity = true;
                case "#EXT-X-BYTERANGE" -> byteRange = ByteRange.parse(value);
                case "#EXT-X-PROGRAM-DATE-TIME" -> programDateTime = value;
                case "#EXT-X-PART" -> parts.add(part(line, value));
                default -> { }
            }
        }

        private static Part part(String line, String value) {
            Map<String, String> attributes = AttributeLists.parse(value);
            String range = attributes.get("BYTERANGE");
            return new Part(required(value, line, "URI"), decimal(required(value, line, "DURATION"), line),
                    "YES".equals(attributes.get("INDEPENDENT")), range == null ? null : ByteRange.parse(range),
                    "YES".equals(attributes.get("GAP")));
        }

        private static String required(String list, String tag, String attribute) {
            String value = AttributeLists.parse(list).get(attribute);
            if (value == null) {
                throw new IllegalArgumentException("'" + tag + ":" + list + "' has no " + attribute);
            }
            return value;
        }

        private void addSegment(String uri) {
            if (duration < 0) {
                throw new IllegalArgumentException("'" + uri + "' has no #EXTINF");
            }
            lines.add(uri);
            segments.add(new Segment(mediaSequence + skipped + segments.size(), uri, duration, discontinuity,
                    byteRange, programDateTime, parts, lines));
            lines.clear();
            parts.clear();
            duration = -1;
            discontinuity = false;
            byteRange = null;
            programDateTime = null;
        }

        MediaPlaylist build() {
            if (targetDuration < 0) {
                throw new IllegalArgumentException("The playlist has no #EXT-X-TARGETDURATION");
            }
            return new MediaPlaylist(version, targetDuration, mediaSequence, discontinuitySequence, skipped, segments,
                    parts, partTarget, serverControl, hints, endList, header, lines, trailer);
        }
    }
}
