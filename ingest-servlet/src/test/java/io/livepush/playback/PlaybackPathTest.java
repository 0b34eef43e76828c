package io.livepush.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.ingest.IngestPath;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How {@link PlaybackFilter} reads the path below {@code /play}: from the raw request URI with the one grammar of
 * {@link IngestPath}, so what Tomcat would normalise away ({@code //}, {@code .}, {@code ..}, path parameters) is a
 * 400 here as on ingest.
 */
class PlaybackPathTest {

    private static final int INGEST_DEPTH = 8;

    @ParameterizedTest
    @CsvSource({
            "/live/play/acme/cam1/index.m3u8, index.m3u8",
            "/live/play/acme/cam1/720p/seg_1.ts, 720p/seg_1.ts",
            "/live/play/acme/cam1/caf%C3%A9.ts, café.ts",
            // an encoded unreserved character names the same path
            "/live/pl%61y/acme/cam1/a.ts, a.ts",
            // one level more than ingest allows: room for a path-based token
            "/live/play/acme/cam1/a/b/c/d/e/f/g/h/i.ts, a/b/c/d/e/f/g/h/i.ts"})
    void pathBelowTheMountParsesWithTheIngestGrammar(String raw, String relative) {
        IngestPath path = PlaybackFilter.parsePath(raw, "/live", INGEST_DEPTH);

        assertThat(path).as(raw).isNotNull();
        assertThat(List.of(path.shortname(), path.slot(), path.relative())).isEqualTo(List.of("acme", "cam1",
                relative));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/live/play/acme/cam1//index.m3u8",
            "/live/play/acme/cam1/./index.m3u8",
            "/live/play/acme/cam1/720p/../index.m3u8",
            "/live/play/acme/cam1/%2e%2e/cam2/index.m3u8",
            "/live/play/acme/cam1/%2E/index.m3u8",
            "/live/play/acme/cam1/index.m3u8;jsessionid=x",
            "/live/play/acme/cam1;x=y/index.m3u8",
            "/live/play/acme/cam1/a%2Fb.ts",
            "/live/play/acme/cam1/WEB-INF/web.xml",
            "/live/play/acme/cam1/meta-inf/context.xml",
            "/live/play/acme/cam1/evil%E2%80%AEst.ts",
            "/live/play/acme/cam1/.upload-1a2b",
            "/live//play/acme/cam1/index.m3u8",
            "/live/playback/acme/cam1/index.m3u8",
            "/live/push/acme/cam1/index.m3u8",
            "/live/play",
            "/other/play/acme/cam1/index.m3u8",
            "/live/play/acme/cam1/a/b/c/d/e/f/g/h/i/j.ts"})
    void pathsTomcatWouldNormaliseOrThatBreakTheGrammarAreRefused(String raw) {
        assertThat(PlaybackFilter.parsePath(raw, "/live", INGEST_DEPTH)).as(raw).isNull();
    }
}
