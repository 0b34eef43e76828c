package io.livepush.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livepush.origin.OriginConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one ingest path grammar (SPEC §4): what {@code getPathInfo()} may hold after Tomcat decoded and normalised it.
 * Every hostile path is a 400; the valid ones parse into shortname, slot and the names below the slot.
 */
class IngestPathTest {

    private static final int DEPTH = 8;
    private static final Set<String> EXTENSIONS = OriginConfig.from(key -> switch (key) {
        case OriginConfig.NODE_ID -> "n1";
        case OriginConfig.POP -> "eu1";
        default -> null;
    }).allowedExtensions();

    /** 255 UTF-8 bytes: the longest name allowed. */
    private static final String ASCII_255 = "a".repeat(252) + ".ts";
    private static final String TWO_BYTE_255 = "é".repeat(125) + "ab.ts";
    private static final String THREE_BYTE_255 = "日".repeat(85);
    /** 256 UTF-8 bytes: one too many, though fewer than 256 characters when multibyte. */
    private static final String ASCII_256 = "a".repeat(253) + ".ts";
    private static final String TWO_BYTE_256 = "é".repeat(128);
    private static final String THREE_BYTE_256 = "日".repeat(85) + "a";
    private static final String FOUR_BYTE_256 = "🎥".repeat(64);

    static Stream<Arguments> hostilePaths() {
        return Stream.of(
                Arguments.of("null", null),
                Arguments.of("empty", ""),
                Arguments.of("root only", "/"),
                Arguments.of("no leading slash", "acme/cam1/a.ts"),
                Arguments.of("account only", "/acme"),
                Arguments.of("account collection only", "/acme/"),
                Arguments.of("parent segment", "/acme/cam1/../x.ts"),
                Arguments.of("parent as last segment", "/acme/cam1/.."),
                Arguments.of("parent escaping the slot", "/acme/cam1/720p/../../cam2/x.ts"),
                Arguments.of("parent as account", "/../acme/cam1/x.ts"),
                Arguments.of("parent as slot", "/acme/../cam1/x.ts"),
                Arguments.of("current segment", "/acme/cam1/./x.ts"),
                Arguments.of("current as last segment", "/acme/cam1/."),
                Arguments.of("current as slot", "/acme/./x.ts"),
                Arguments.of("empty segment", "/acme/cam1//x.ts"),
                Arguments.of("empty leading segment", "//acme/cam1/x.ts"),
                Arguments.of("double trailing slash", "/acme/cam1/720p//"),
                Arguments.of("dot-file", "/acme/cam1/.hidden.ts"),
                Arguments.of("upload temp file", "/acme/cam1/.upload-5f3a9c"),
                Arguments.of("dot-directory", "/acme/cam1/.git/config.json"),
                Arguments.of("backslash", "/acme/cam1/a\\b.ts"),
                Arguments.of("backslash traversal", "/acme/cam1/..\\..\\etc\\passwd.ts"),
                Arguments.of("NUL", "/acme/cam1/a\u0000.ts"),
                Arguments.of("NUL truncating the extension", "/acme/cam1/a.ts\u0000.exe"),
                Arguments.of("line feed", "/acme/cam1/a\n.ts"),
                Arguments.of("carriage return line feed", "/acme/cam1/a\r\nX-Injected: 1.ts"),
                Arguments.of("tab", "/acme/cam1/a\t.ts"),
                Arguments.of("escape sequence", "/acme/cam1/a\u001b[31m.ts"),
                Arguments.of("DEL", "/acme/cam1/a\u007f.ts"),
                Arguments.of("C1 next line", "/acme/cam1/a\u0085.ts"),
                Arguments.of("line separator U+2028", "/acme/cam1/a\u2028.ts"),
                Arguments.of("paragraph separator U+2029", "/acme/cam1/a\u2029.ts"),
                Arguments.of("unpaired high surrogate", "/acme/cam1/a\uD83C.ts"),
                Arguments.of("unpaired low surrogate", "/acme/cam1/a\uDFA5.ts"),
                Arguments.of("swapped surrogates", "/acme/cam1/\uDFA5\uD83C.ts"),
                Arguments.of("256 ASCII bytes", "/acme/cam1/" + ASCII_256),
                Arguments.of("256 bytes of two-byte characters", "/acme/cam1/" + TWO_BYTE_256),
                Arguments.of("256 bytes of three-byte characters", "/acme/cam1/" + THREE_BYTE_256),
                Arguments.of("256 bytes of four-byte characters", "/acme/cam1/" + FOUR_BYTE_256),
                Arguments.of("overlong directory name", "/acme/cam1/" + ASCII_256 + "/a.ts"),
                Arguments.of("nine levels deep", "/acme/cam1/a/b/c/d/e/f/g/h/i.ts"),
                Arguments.of("nine levels deep as a collection", "/acme/cam1/a/b/c/d/e/f/g/h/i/"),
                Arguments.of("upper-case shortname", "/ACME/cam1/a.ts"),
                Arguments.of("one-letter shortname", "/a/cam1/a.ts"),
                Arguments.of("shortname starting with a digit", "/1acme/cam1/a.ts"),
                Arguments.of("shortname with a hyphen", "/ac-me/cam1/a.ts"),
                Arguments.of("shortname of 33 characters", "/a" + "b".repeat(32) + "/cam1/a.ts"),
                Arguments.of("slot starting with a hyphen", "/acme/-cam1/a.ts"),
                Arguments.of("slot ending with a hyphen", "/acme/cam1-/a.ts"),
                Arguments.of("slot with an underscore", "/acme/cam_1/a.ts"),
                Arguments.of("slot with a dot", "/acme/cam.1/a.ts"),
                Arguments.of("slot with a space", "/acme/cam 1/a.ts"),
                Arguments.of("slot of 64 characters", "/acme/" + "c".repeat(64) + "/a.ts"),
                Arguments.of("non-ASCII slot", "/acme/kämera/a.ts"),
                Arguments.of("WEB-INF directory", "/acme/cam1/WEB-INF/web.xml"),
                Arguments.of("web-inf in lower case", "/acme/cam1/web-inf/a.ts"),
                Arguments.of("META-INF in mixed case", "/acme/cam1/Meta-Inf/a.json"),
                Arguments.of("WEB-INF as slot", "/acme/WEB-INF/a.ts"),
                Arguments.of("WEB-INF as file", "/acme/cam1/720p/WEB-INF"),
                Arguments.of("left-to-right embedding U+202A", "/acme/cam1/a\u202A.ts"),
                Arguments.of("right-to-left override U+202E", "/acme/cam1/evil\u202Ests.exe"),
                Arguments.of("pop directional formatting U+202C", "/acme/cam1/a\u202C.ts"),
                Arguments.of("left-to-right isolate U+2066", "/acme/cam1/a\u2066.ts"),
                Arguments.of("pop directional isolate U+2069", "/acme/cam1/a\u2069.ts"),
                Arguments.of("zero-width space U+200B", "/acme/cam1/seg\u200B_1.ts"),
                Arguments.of("zero-width joiner U+200D", "/acme/cam1/a\u200D.ts"),
                Arguments.of("right-to-left mark U+200F", "/acme/cam1/a\u200F.ts"),
                Arguments.of("byte order mark U+FEFF", "/acme/cam1/\uFEFFindex.m3u8"),
                Arguments.of("soft hyphen U+00AD", "/acme/cam1/in\u00ADdex.m3u8"),
                Arguments.of("word joiner U+2060", "/acme/cam1/a\u2060.ts"),
                Arguments.of("tag character U+E0041", "/acme/cam1/a\uDB40\uDC41.ts"),
                Arguments.of("bidi override in a directory", "/acme/cam1/72\u202E0p/a.ts"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePaths")
    void hostilePathIsRejected(String rule, String pathInfo) {
        assertThatIllegalArgumentException().as(rule).isThrownBy(() -> IngestPath.parse(pathInfo, DEPTH))
                .withMessageNotContaining("\u0000").withMessageNotContaining("\n");
    }

    static Stream<Arguments> validPaths() {
        return Stream.of(
                Arguments.of("playlist", "/acme/cam1/index.m3u8", "cam1", List.of("index.m3u8"), false),
                Arguments.of("segment in a rendition", "/acme/cam1/720p/seg_00042.m4s", "cam1",
                        List.of("720p", "seg_00042.m4s"), false),
                Arguments.of("slot itself", "/acme/cam1", "cam1", List.of(), false),
                Arguments.of("slot collection", "/acme/cam1/", "cam1", List.of(), true),
                Arguments.of("trailing slash names a collection", "/acme/cam1/720p/", "cam1", List.of("720p"), true),
                Arguments.of("nested collection", "/acme/cam1/a/b/", "cam1", List.of("a", "b"), true),
                Arguments.of("eight levels deep", "/acme/cam1/a/b/c/d/e/f/g/h.ts", "cam1",
                        List.of("a", "b", "c", "d", "e", "f", "g", "h.ts"), false),
                Arguments.of("eight levels deep as a collection", "/acme/cam1/a/b/c/d/e/f/g/h/", "cam1",
                        List.of("a", "b", "c", "d", "e", "f", "g", "h"), true),
                Arguments.of("255 ASCII bytes", "/acme/cam1/" + ASCII_255, "cam1", List.of(ASCII_255), false),
                Arguments.of("255 bytes of two-byte characters", "/acme/cam1/" + TWO_BYTE_255, "cam1",
                        List.of(TWO_BYTE_255), false),
                Arguments.of("255 bytes of three-byte characters", "/acme/cam1/" + THREE_BYTE_255, "cam1",
                        List.of(THREE_BYTE_255), false),
                Arguments.of("unicode names", "/acme/cam1/日本/ストリーム.m3u8", "cam1",
                        List.of("日本", "ストリーム.m3u8"), false),
                Arguments.of("accented name", "/acme/cam1/café.ts", "cam1", List.of("café.ts"), false),
                Arguments.of("emoji as a surrogate pair", "/acme/cam1/🎥.ts", "cam1", List.of("🎥.ts"), false),
                Arguments.of("dots inside a name", "/acme/cam1/a..b.ts", "cam1", List.of("a..b.ts"), false),
                Arguments.of("WEB-INF inside a name", "/acme/cam1/WEB-INF.ts", "cam1", List.of("WEB-INF.ts"), false),
                Arguments.of("right-to-left script", "/acme/cam1/بث.ts", "cam1", List.of("بث.ts"), false),
                Arguments.of("name ending with dots", "/acme/cam1/seg..", "cam1", List.of("seg.."), false),
                Arguments.of("space inside a name", "/acme/cam1/my seg.ts", "cam1", List.of("my seg.ts"), false),
                Arguments.of("init segment", "/acme/cam1/init-stream0.m4s", "cam1", List.of("init-stream0.m4s"),
                        false),
                Arguments.of("slot name with upper case and hyphen", "/acme/Cam-1/a.ts", "Cam-1", List.of("a.ts"),
                        false),
                Arguments.of("slot of 63 characters", "/acme/" + "c".repeat(63) + "/a.ts", "c".repeat(63),
                        List.of("a.ts"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validPaths")
    void validPathParsesIntoSlotAndNames(String rule, String pathInfo, String slot, List<String> segments,
            boolean collection) {
        IngestPath path = IngestPath.parse(pathInfo, DEPTH);

        assertThat(path.shortname()).as(rule).isEqualTo("acme");
        assertThat(path.slot()).as(rule).isEqualTo(slot);
        assertThat(path.segments()).as(rule).isEqualTo(segments);
        assertThat(path.collection()).as(rule).isEqualTo(collection);
        assertThat(path.relative()).as(rule).isEqualTo(String.join("/", segments));
        assertThat(path.isSlotRoot()).as(rule).isEqualTo(segments.isEmpty());
        assertThat(path.fileName()).as(rule).isEqualTo(segments.isEmpty() ? "" : segments.get(segments.size() - 1));
    }

    @Test
    void lengthLimitCountsUtf8BytesNotCharacters() {
        assertThat(ASCII_255.getBytes(StandardCharsets.UTF_8)).hasSize(IngestPath.MAX_SEGMENT_BYTES);
        assertThat(TWO_BYTE_255.getBytes(StandardCharsets.UTF_8)).hasSize(IngestPath.MAX_SEGMENT_BYTES);
        assertThat(THREE_BYTE_255.getBytes(StandardCharsets.UTF_8)).hasSize(IngestPath.MAX_SEGMENT_BYTES);
        assertThat(List.of(ASCII_256, TWO_BYTE_256, THREE_BYTE_256, FOUR_BYTE_256))
                .allSatisfy(name -> assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSize(256));
        assertThat(TWO_BYTE_256).hasSizeLessThan(256);
    }

    @Test
    void depthLimitIsTheConfiguredOne() {
        assertThat(IngestPath.parse("/acme/cam1/a/b.ts", 2).segments()).hasSize(2);
        assertThatIllegalArgumentException().isThrownBy(() -> IngestPath.parse("/acme/cam1/a/b/c.ts", 2))
                .withMessageContaining("deeper than 2");
    }

    @Test
    void pathsAreValueObjectsWithImmutableSegments() {
        IngestPath path = IngestPath.parse("/acme/cam1/720p/a.ts", DEPTH);

        assertThat(path).isEqualTo(IngestPath.parse("/acme/cam1/720p/a.ts", DEPTH));
        assertThat(path).isNotEqualTo(IngestPath.parse("/acme/cam1/720p/a.ts/", DEPTH));
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> path.segments().add("x"));
    }

    @ParameterizedTest(name = "{0} allowed: {1}")
    @CsvSource({
        "index.m3u8,           true",
        "manifest.mpd,         true",
        "seg_1.ts,             true",
        "chunk-0-00001.m4s,    true",
        "audio.aac,            true",
        "subs.webvtt,          true",
        "captions.vtt,         true",
        "stream.key,           true",
        "meta.json,            true",
        "video.cmfv,           true",
        "stream.init,          true",
        "SEG_1.TS,             true",
        "Index.M3U8,           true",
        "seg.M4s,              true",
        "a.exe.ts,             true",
        "init,                 true",
        "init-stream0.m4s,     true",
        "INIT_720p,            true",
        "init.mp4,             true",
        "a.ts.exe,             false",
        "a.m3u8.php,           false",
        "noextension,          false",
        "seg.,                 false",
        "index.html,           false",
        "shell.jsp,            false",
        "ts,                   false",
        "m3u8,                 false",
        "seg.tsx,              false",
        "segment.t s,          false",
        "my-init.m4v.exe,      false",
    })
    void extensionAllowListIsCaseInsensitiveAndLooksAtTheLastExtension(String name, boolean allowed) {
        assertThat(IngestPath.isAllowedFile(name, EXTENSIONS)).as(name).isEqualTo(allowed);
    }

    @Test
    void namesStartingWithInitPassWhateverTheirExtension() {
        assertThat(IngestPath.isAllowedFile("init_0.bin", Set.of("ts"))).isTrue();
        assertThat(IngestPath.isAllowedFile("Init.dat", Set.of())).isTrue();
        assertThat(IngestPath.isAllowedFile("segment.bin", Set.of("ts"))).isFalse();
    }

    // The raw (still encoded) form of the grammar, used by playback after a path token is cut out.

    @ParameterizedTest
    @CsvSource({"/acme/cam1/720p/seg_1.ts, 720p/seg_1.ts", "/acme/cam1/caf%C3%A9.ts, café.ts",
            "/acme/cam1/a%20b/seg+1.ts, a b/seg+1.ts", "/acme/cam1/%7Etilde.ts, ~tilde.ts"})
    void encodedPathsAreDecodedThenParsedByTheSameGrammar(String raw, String relative) {
        IngestPath path = IngestPath.parseEncoded(raw, 8);

        assertThat(path.shortname()).isEqualTo("acme");
        assertThat(path.slot()).isEqualTo("cam1");
        assertThat(path.relative()).isEqualTo(relative);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/acme/cam1/a%2Fb.ts", "/acme/cam1/a%2fb.ts", "/acme/cam1/a%5Cb.ts", "/acme/cam1/a%00.ts",
            "/acme/cam1/%2e%2e/x.ts", "/acme/cam1/%2Eupload-1", "/acme/cam1/a%zz.ts", "/acme/cam1/a%4",
            "/acme/cam1/%C3", "/acme/cam1/%FF.ts", "/acme/cam1/a%0A.ts"})
    void encodedSlashesTraversalDotFilesAndBadEscapesAreRefused(String raw) {
        assertThatThrownBy(() -> IngestPath.parseEncoded(raw, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/acme/cam1/a.ts;jsessionid=x", "/acme/cam1;x=y/a.ts", "/acme/cam1/.;x/a.ts",
            "/acme/cam1/a%E2%80%AE.ts", "/acme/cam1/%57EB-INF/a.ts"})
    void encodedPathParametersBidiOverridesAndWebInfAreRefused(String raw) {
        assertThatThrownBy(() -> IngestPath.parseEncoded(raw, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEncodedSemicolonIsPartOfAName() {
        assertThat(IngestPath.parseEncoded("/acme/cam1/a%3Bb.ts", 8).fileName()).isEqualTo("a;b.ts");
    }

    // The request form: the raw request URI, as the client sent it, below the context path and the mount.

    @ParameterizedTest
    @CsvSource({"/live/push/acme/cam1/720p/seg_1.ts, 720p/seg_1.ts", "/live/push/acme/cam1/caf%C3%A9.ts, café.ts",
            "/live/pu%73h/acme/cam1/a.ts, a.ts", "/live/push/acme/cam1/, ''"})
    void requestPathsParseBelowTheContextAndTheMount(String requestUri, String relative) {
        IngestPath path = IngestPath.parseRequest(requestUri, "/live", "/push", 8);

        assertThat(List.of(path.shortname(), path.slot(), path.relative())).isEqualTo(List.of("acme", "cam1",
                relative));
    }

    /** What Tomcat's getPathInfo() would have normalised into an acceptable path (issue 11). */
    @ParameterizedTest
    @ValueSource(strings = {"/live/push/acme/cam1/a//b.ts", "/live/push/acme/cam1/a/./b.ts",
            "/live/push/acme/cam1/a/../b.ts", "/live/push/acme/cam1/a/%2e%2e/b.ts", "/live/push/acme/cam1/a/%2E/b.ts",
            "/live/push/acme/cam1//b.ts", "/live/push/acme/cam1/b.ts/.", "/live/push/acme/cam1/b.ts;jsessionid=x",
            "/live/push/acme/cam1/a;v=1/b.ts", "/live/push/acme/cam1/.;x/b.ts", "/live/push/acme/cam1/..;/b.ts",
            "/live//push/acme/cam1/b.ts", "/live/push//acme/cam1/b.ts", "/live/push/./acme/cam1/b.ts",
            "/live/push/acme/./cam1/b.ts", "/live/push", "/live/push/", "/live/pushx/acme/cam1/b.ts",
            "/live/play/acme/cam1/b.ts", "/other/push/acme/cam1/b.ts", "/live/push/acme/cam1/a%2Fb.ts"})
    void requestPathsTomcatWouldNormaliseAreRefused(String requestUri) {
        assertThatIllegalArgumentException().as(requestUri)
                .isThrownBy(() -> IngestPath.parseRequest(requestUri, "/live", "/push", 8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/acme/cam1/.upload-1a2b3c", "/acme/cam1/720p/.upload-ff", "/acme/cam1/../x.ts",
            "/acme/cam1//x.ts"})
    void temporaryUploadsAndTraversalNeverParse(String path) {
        assertThatThrownBy(() -> IngestPath.parse(path, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"/acme/cam1/, true", "/acme/cam1, false"})
    void theSlotItselfHasNoSegments(String path, boolean collection) {
        IngestPath parsed = IngestPath.parse(path, 8);

        assertThat(parsed.segments()).isEqualTo(List.of());
        assertThat(parsed.collection()).isEqualTo(collection);
    }
}
