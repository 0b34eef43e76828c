package io.livepush.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.domain.Region;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlotUrlsUnitTest {

    private static PopRecord pop(String ingestBaseUrl, String playbackBaseUrl) {
        return new PopRecord(1, "fra1", Region.EUROPE, ingestBaseUrl, playbackBaseUrl);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://in.fra1.example.com      | acme | event-1 | https://in.fra1.example.com/push/acme/event-1/
            https://in.fra1.example.com:8443 | acme | Live-2  | https://in.fra1.example.com:8443/push/acme/Live-2/
            https://cdn.example.com/edge     | news | a       | https://cdn.example.com/edge/push/news/a/
            https://[2001:db8::1]:8443       | demo | s1      | https://[2001:db8::1]:8443/push/demo/s1/
            """)
    void ingestUrlIsBasePushShortnameSlot(String base, String shortname, String slot, String expected) {
        PopRecord pop = pop(base, "https://play.example.com");

        assertThat(SlotUrls.ingest(pop, shortname, slot)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://play.example.com          | https | https://play.example.com/play/acme/event-1/
            https://play.example.com          | http  | http://play.example.com/play/acme/event-1/
            http://play.example.com           | https | https://play.example.com/play/acme/event-1/
            http://play.example.com           | http  | http://play.example.com/play/acme/event-1/
            https://play.example.com:8443/cdn | https | https://play.example.com:8443/cdn/play/acme/event-1/
            http://play.example.com:8080/live | http  | http://play.example.com:8080/live/play/acme/event-1/
            http://[2001:db8::2]/live         | https | https://[2001:db8::2]/live/play/acme/event-1/
            """)
    void playbackUrlOfTheOtherSchemeIsDerivedOnlyFromABaseWithoutPort(String base, String scheme, String expected) {
        PopRecord pop = pop("https://ingest.example.com", base);

        assertThat(SlotUrls.playback(pop, "acme", "event-1", scheme)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://127.0.0.1:8080/live        | https
            http://play.example.com:80/live   | https
            https://play.example.com:8443/cdn | http
            """)
    void noPlaybackUrlOfTheOtherSchemeIsShownWhenTheBaseNamesAPort(String base, String scheme) {
        PopRecord pop = pop("https://ingest.example.com", base);

        assertThat(SlotUrls.playback(pop, "acme", "event-1", scheme)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://127.0.0.1:8080/live   | https://127.0.0.1:8443/live     | https://127.0.0.1:8443/live/play/a/b/
            http://play.example.com      | https://tls.example.com/edge    | https://tls.example.com/edge/play/a/b/
            https://play.example.com     | https://other.example.com:9443  | https://other.example.com:9443/play/a/b/
            """)
    void httpsPlaybackBaseWinsForHttpsAndLeavesHttpAlone(String base, String httpsBase, String expected) {
        PopRecord pop = new PopRecord(1, "fra1", Region.EUROPE, "https://ingest.example.com", base, httpsBase);

        assertThat(SlotUrls.playback(pop, "a", "b", "https")).contains(expected);
        assertThat(SlotUrls.playback(pop, "a", "b", "http"))
                .isEqualTo(SlotUrls.playback(pop("https://ingest.example.com", base), "a", "b", "http"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://ingest.example.com | https://play.example.com
            https://ingest.example.com | http://play.example.com
            """)
    void ingestUrlUsesTheIngestBaseAndPlaybackUrlThePlaybackBase(String ingestBase, String playbackBase) {
        PopRecord pop = pop(ingestBase, playbackBase);

        assertThat(SlotUrls.ingest(pop, "acme", "s1")).startsWith("https://ingest.example.com/push/");
        assertThat(SlotUrls.playback(pop, "acme", "s1", "http")).get().asString()
                .startsWith("http://play.example.com/play/");
        assertThat(SlotUrls.playback(pop, "acme", "s1", "https")).get().asString()
                .startsWith("https://play.example.com/play/");
    }
}
