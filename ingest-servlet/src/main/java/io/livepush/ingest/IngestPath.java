package io.livepush.ingest;

import io.livepush.domain.Shortname;
import io.livepush.domain.SlotName;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one path grammar of the {@code live} application (SPEC §4): {@code /{shortname}/{slot}/{path}}. Requests are
 * parsed from the path exactly as the client sent it ({@link #parseRequest}), because Tomcat's {@code getPathInfo()}
 * has already removed {@code .}, {@code ..}, empty segments and {@code ;} path parameters, which the grammar must see
 * to refuse. Everything that could leave the slot's directory, hide a file or mislead a reader is refused:
 * {@code ..}, {@code .}, empty segments, dot-files (which includes upload temp files), {@code WEB-INF} and
 * {@code META-INF} in any case, backslashes, NUL and other control characters, invisible format characters (Unicode
 * category Cf: bidirectional overrides and isolates, zero-width characters, the byte order mark), unpaired
 * surrogates, segments over {@value #MAX_SEGMENT_BYTES} UTF-8 bytes and paths deeper than the configured limit. A
 * trailing {@code /} names a collection.
 *
 * @param segments   the path below the slot, one element per directory or file name; empty for the slot itself
 * @param collection whether the path ended with {@code /}
 */
public record IngestPath(String shortname, String slot, List<String> segments, boolean collection) {

    /**
     * The entry of an extension allow-list that admits every name the grammar accepts, with any extension or none
     * (for WebDAV clients such as litmus; encoders never need it).
     */
    public static final String ANY_NAME = "*";

    /** The longest file or directory name, in UTF-8 bytes. */
    public static final int MAX_SEGMENT_BYTES = 255;

    public IngestPath {
        segments = List.copyOf(segments);
    }

    /**
     * Parses a path; throws {@link IllegalArgumentException} (400) that says what is wrong, quoting nothing a client
     * could use to inject into logs.
     */
    public static IngestPath parse(String pathInfo, int maxDepth) {
        if (pathInfo == null || pathInfo.length() < 2 || pathInfo.charAt(0) != '/') {
            throw new IllegalArgumentException("The path must be /{shortname}/{slot}/{file}");
        }
        boolean collection = pathInfo.endsWith("/");
        String trimmed = pathInfo.substring(1, collection ? pathInfo.length() - 1 : pathInfo.length());
        List<String> parts = split(trimmed);
        if (parts.size() < 2) {
            throw new IllegalArgumentException("The path must name an account and a slot");
        }
        for (String part : parts) {
            checkSegment(part);
        }
        if (!Shortname.isValid(parts.get(0)) || !SlotName.isValid(parts.get(1))) {
            throw new IllegalArgumentException("The path does not start with a valid shortname and slot name");
        }
        List<String> below = parts.subList(2, parts.size());
        if (below.size() > maxDepth) {
            throw new IllegalArgumentException("The path is deeper than " + maxDepth + " levels below the slot");
        }
        return new IngestPath(parts.get(0), parts.get(1), below, collection);
    }

    /**
     * Parses a raw, still percent-encoded path (as in {@code getRequestURI()} below the servlet path) with the same
     * grammar as {@link #parse}. Encoded slashes, backslashes and NUL, malformed escapes, invalid UTF-8 and {@code ;}
     * path parameters are refused, the first ones as Tomcat refuses them in request URIs.
     */
    public static IngestPath parseEncoded(String rawPath, int maxDepth) {
        return parse(decode(rawPath), maxDepth);
    }

    /**
     * Parses the path of a request as the client sent it: {@code requestUri} and {@code contextPath} as the container
     * reports them ({@code getRequestURI()}, {@code getContextPath()}: both still encoded and not normalised), then
     * {@code mount} (such as {@code /push}) and the path of the grammar. A request URI that does not continue with
     * {@code mount/} after the context path (for example {@code /live//push/...}) is refused as well.
     */
    public static IngestPath parseRequest(String requestUri, String contextPath, String mount, int maxDepth) {
        if (requestUri == null || !requestUri.startsWith(contextPath)) {
            throw new IllegalArgumentException("The path must be /{shortname}/{slot}/{file}");
        }
        String decoded = decode(requestUri.substring(contextPath.length()));
        if (!decoded.startsWith(mount + "/")) {
            throw new IllegalArgumentException("The path must be " + mount + "/{shortname}/{slot}/{file}");
        }
        return parse(decoded.substring(mount.length()), maxDepth);
    }

    /**
     * Whether a file of this name may be stored: {@code allowed} holds {@value #ANY_NAME}, or the name's extension is
     * in {@code allowed} (case-insensitive), or the name starts with {@code init} (initialisation segments such as
     * {@code init-stream0.m4s} or {@code init_720p}).
     */
    public static boolean isAllowedFile(String name, Set<String> allowed) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("init") || allowed.contains(ANY_NAME)) {
            return true;
        }
        int dot = lower.lastIndexOf('.');
        return dot > 0 && allowed.contains(lower.substring(dot + 1));
    }

    /** The path below the slot, joined with {@code /}; empty for the slot itself. */
    public String relative() {
        return String.join("/", segments);
    }

    /** The last name of the path: the file's name; empty for the slot itself. */
    public String fileName() {
        return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    }

    /** Whether the path is the slot's own directory. */
    public boolean isSlotRoot() {
        return segments.isEmpty();
    }

    private static String decode(String raw) {
        if (raw != null && raw.indexOf(';') >= 0) {
            // Tomcat strips path parameters (a.ts;jsessionid=x) from getPathInfo(); the grammar has none.
            throw new IllegalArgumentException("The path contains a ';' path parameter");
        }
        if (raw == null || raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                byte[] plain = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(plain, 0, plain.length);
                continue;
            }
            int value = i + 2 < raw.length() ? hex(raw.charAt(i + 1)) << 4 | hex(raw.charAt(i + 2)) : -1;
            if (value < 0 || value == '/' || value == '\\' || value == 0) {
                throw new IllegalArgumentException("The path contains a malformed or forbidden escape");
            }
            bytes.write(value);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The path is not valid UTF-8", e);
        }
    }

    /** The value of a hex digit, or a large negative number so that a pair with a bad digit stays negative. */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
            return (c | 0x20) - 'a' + 10;
        }
        return -0x1000;
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '/') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return parts;
    }

    private static boolean isPairedSurrogate(String text, int index) {
        char c = text.charAt(index);
        if (Character.isHighSurrogate(c)) {
            return index + 1 < text.length() && Character.isLowSurrogate(text.charAt(index + 1));
        }
        return index > 0 && Character.isHighSurrogate(text.charAt(index - 1));
    }

    private static void checkSegment(String segment) {
        if (segment.isEmpty()) {
            throw new IllegalArgumentException("The path has an empty segment");
        }
        if (segment.charAt(0) == '.') {
            throw new IllegalArgumentException("Names starting with '.' are not allowed");
        }
        if (segment.equalsIgnoreCase("WEB-INF") || segment.equalsIgnoreCase("META-INF")) {
            throw new IllegalArgumentException("WEB-INF and META-INF are not allowed as names");
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '\\' || Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new IllegalArgumentException("The path contains a backslash or a control character");
            }
            if (Character.getType(segment.codePointAt(i)) == Character.FORMAT) {
                // Bidirectional overrides make "evil\u202Ests.exe" read as "evilexe.st"; zero-width characters and
                // the byte order mark make two names that look the same. No encoder needs them.
                throw new IllegalArgumentException("The path contains an invisible formatting character");
            }
            if (Character.isSurrogate(c) && !isPairedSurrogate(segment, i)) {
                // No UTF-8 form: the file system would refuse it later with an unchecked exception (a 500).
                throw new IllegalArgumentException("The path contains an unpaired surrogate");
            }
        }
        // A char is at most 3 UTF-8 bytes (a surrogate pair 4 for 2), so short names need no encoding to count them.
        if (segment.length() * 3 > MAX_SEGMENT_BYTES
                && segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
            throw new IllegalArgumentException("A name in the path is longer than " + MAX_SEGMENT_BYTES + " bytes");
        }
    }
}
