package io.livepush.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PopUrlUnitTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "https://ingest.example.com",
        "https://ingest.example.com/",
        "https://ingest.example.com:8443",
        "https://ingest.example.com/edge/live",
        "HTTPS://INGEST.EXAMPLE.COM",
        "Https://ingest.example.com",
        "https://192.0.2.10",
        "https://[2001:db8::1]:8443",
        "https://localhost",
        "  https://ingest.example.com  ",
    })
    void httpsBaseUrlIsAcceptedForIngestAndPlayback(String url) {
        assertThat(PopService.urlProblem(url, true)).isEmpty();
        assertThat(PopService.urlProblem(url, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://play.example.com",
        "http://play.example.com:8080/cdn",
        "HTTP://PLAY.EXAMPLE.COM",
        "http://[::1]",
    })
    void plainHttpBaseUrlIsAcceptedForPlaybackOnly(String url) {
        assertThat(PopService.urlProblem(url, false)).isEmpty();
        assertThat(PopService.urlProblem(url, true))
                .contains("'" + url + "' must start with https:// because publishing needs HTTPS");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ftp://files.example.com",
        "file:///srv/live",
        "ws://ingest.example.com",
        "mailto:ops@example.com",
        "javascript:alert(1)",
        "ingest.example.com",
        "//ingest.example.com",
        "/push",
    })
    void baseUrlWithoutHttpSchemeIsRejected(String url) {
        assertThat(PopService.urlProblem(url, false)).contains("'" + url + "' must start with http:// or https://");
        assertThat(PopService.urlProblem(url, true))
                .contains("'" + url + "' must start with https:// because publishing needs HTTPS");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://user@ingest.example.com",
        "https://user:secret@ingest.example.com",
        "https://ingest.example.com?token=1",
        "https://ingest.example.com/edge?",
        "https://ingest.example.com#top",
        "https://ingest.example.com/#",
        "https:///edge",
        "https:ingest.example.com",
        "https://ingest_node.example.com",
        "https://ingest.example.com:port",
    })
    void baseUrlThatIsNotAPlainHostAndPathIsRejected(String url) {
        for (boolean httpsOnly : new boolean[] {true, false}) {
            assertThat(PopService.urlProblem(url, httpsOnly))
                    .contains("'" + url + "' must be a plain base URL: a host and an optional path");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://",
        "https://ingest example.com",
        "https://ingest.example.com/a b",
        "https://ingest.example.com/%zz",
        "::::",
        "%%%",
        "https://[2001:db8::1",
        "http://exa\u0000mple.com",
    })
    void garbageIsNotAUrl(String url) {
        for (boolean httpsOnly : new boolean[] {true, false}) {
            assertThat(PopService.urlProblem(url, httpsOnly)).contains("'" + url + "' is not a URL");
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t", " \n "})
    void blankBaseUrlIsRequired(String url) {
        assertThat(PopService.urlProblem(url, true)).contains("A base URL is required");
        assertThat(PopService.urlProblem(url, false)).contains("A base URL is required");
    }
}
