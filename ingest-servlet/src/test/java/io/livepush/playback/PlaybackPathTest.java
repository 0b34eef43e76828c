package io.livepush.playback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How {@link PlaybackFilter} finds the path below {@code /play} in what Tomcat reports. */
class PlaybackPathTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            // default servlet (mapped to /): everything is in the servlet path
            "/play/acme/cam1/index.m3u8, NULL, /acme/cam1/index.m3u8",
            // a servlet mapped to /play/*
            "/play, /acme/cam1/720p/seg_1.ts, /acme/cam1/720p/seg_1.ts",
            "/play, NULL, ''",
            "/play/, NULL, /",
            // not below the mount
            "/playback/acme/cam1/x.ts, NULL, NULL",
            "/push/acme/cam1/x.ts, NULL, NULL"})
    void thePathBelowTheMountIsFoundHoweverTheRequestIsMapped(String servletPath, String pathInfo, String expected) {
        assertThat(PlaybackFilter.belowMount(servletPath, pathInfo)).isEqualTo(expected);
    }
}
