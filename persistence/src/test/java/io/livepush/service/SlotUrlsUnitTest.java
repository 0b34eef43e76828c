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
            https://play.example.com:8443/cdn | http  | http://play.example.com:8443/cdn/play/acme/event-1/
            http://[2001:db8::2]/live         | https | https://[2001:db8::2]/live/play/acme/event-1/
            """)
    void playbackUrlSwapsTheSchemeOfThePlaybackBase(String base, String scheme, String expected) {
        PopRecord pop = pop("https://ingest.example.com", base);

        assertThat(SlotUrls.playback(pop, "acme", "event-1", scheme)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://ingest.example.com | https://play.example.com
            https://ingest.example.com | http://play.example.com
            """)
    void ingestUrlUsesTheIngestBaseAndPlaybackUrlThePlaybackBase(String ingestBase, String playbackBase) {
        PopRecord pop = pop(ingestBase, playbackBase);

        assertThat(SlotUrls.ingest(pop, "acme", "s1")).startsWith("https://ingest.example.com/push/");
        assertThat(SlotUrls.playback(pop, "acme", "s1", "http")).startsWith("http://play.example.com/play/");
        assertThat(SlotUrls.playback(pop, "acme", "s1", "https")).startsWith("https://play.example.com/play/");
    }
}
