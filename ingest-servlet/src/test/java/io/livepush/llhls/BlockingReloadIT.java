package io.livepush.llhls;

import static io.livepush.ingest.LiveFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.ingest.LiveFixture;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.mediavault.MediaVaultSettings;
import io.livepush.mediavault.MediaVaultSigner;
import io.livepush.mediavault.MediaVaultSigner.Term;
import io.livepush.net.AddressRule.Action;
import io.livepush.service.MediaVaultInput;
import io.livepush.service.SlotDraft;
import io.livepush.service.SlotRecord;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LL-HLS blocking playlist reloads through the real {@code live.war} (draft-pantos-hls-rfc8216bis §6.2.5): each rule
 * one by one, with playlists published through ingest as an encoder would, one-second target durations so that the
 * 503 comes after three seconds.
 */
class BlockingReloadIT {

    private static final String SECRET = "llhlssecret1";
    private static final MediaVaultSigner SIGNER = new MediaVaultSigner(SECRET);
    /** How long a request that must be held is watched before the playlist that releases it is published. */
    private static final long HELD_MILLIS = 700;

    @TempDir
    static Path baseDir;
    private static LiveFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new LiveFixture(baseDir, Map.of());
        List<SlotDraft> drafts = List.of(fx.draft("open", List.of(), Action.ALLOW, null),
                fx.draft("vault", List.of(), Action.ALLOW, vault(false)),
                fx.draft("pathtok", List.of(), Action.ALLOW, vault(true)));
        List<SlotRecord> created = new ArrayList<>();
        for (SlotDraft draft : drafts) {
            created.add(fx.slots.create(OPERATOR, "acme", draft));
        }
        for (SlotRecord slot : created) {
            fx.awaitServed(slot);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    private static MediaVaultInput vault(boolean pathBased) {
        return new MediaVaultInput(MediaVaultMode.URL_ALL, SECRET, null, 403, pathBased,
                MediaVaultSettings.DEFAULT_PATH_TOKEN, MediaVaultSettings.DEFAULT_PATH_DELIM, false, 0);
    }

    /** A live playlist offering blocking reloads, segments {@code first}..{@code last}, one second each. */
    static String playlist(String serverControl, long first, long last, String tail) {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-TARGETDURATION:1\n"
                + serverControl + "#EXT-X-MEDIA-SEQUENCE:" + first + "\n");
        for (long msn = first; msn <= last; msn++) {
            text.append("#EXTINF:1.000000,\ns").append(msn).append(".m4s\n");
        }
        return text.append(tail).toString();
    }

    private static String blocking(long first, long last) {
        return playlist("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES\n", first, last, "");
    }

    private static String url(String path) {
        return fx.tomcat.http(path).toString();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return fx.client.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString());
    }

    private static CompletableFuture<HttpResponse<String>> getLater(String url) {
        return fx.client.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                BodyHandlers.ofString());
    }

    private static void publish(String path, String body) throws Exception {
        assertThat(fx.publish(path, body).statusCode()).isBetween(200, 204);
    }

    /** Asks for {@code query}, checks the request is held, publishes {@code release}, and returns the answer. */
    private static HttpResponse<String> holdThenRelease(String url, String path, String release) throws Exception {
        CompletableFuture<HttpResponse<String>> held = getLater(url);
        Thread.sleep(HELD_MILLIS);
        assertThat(held).as("held until the playlist has it").isNotDone();
        publish(path, release);
        return held.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aRequestForTheNextSegmentIsHeldUntilItIsPublished() throws Exception {
        publish("open/hold/index.m3u8", blocking(10, 11));

        HttpResponse<String> answer = holdThenRelease(url("/play/acme/open/hold/index.m3u8?_HLS_msn=12"),
                "open/hold/index.m3u8", blocking(10, 12));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(blocking(10, 12));
        assertThat(answer.headers().firstValue("Cache-Control")).contains("max-age=6");
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/vnd.apple.mpegurl");
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    }

    @Test
    void aListedSegmentIsAnsweredAtOnceAndAPlainRequestKeepsThePlaylistCacheControl() throws Exception {
        publish("open/listed/index.m3u8", blocking(10, 12));

        HttpResponse<String> listed = get(url("/play/acme/open/listed/index.m3u8?_HLS_msn=11"));
        HttpResponse<String> plain = get(url("/play/acme/open/listed/index.m3u8"));

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).isEqualTo(blocking(10, 12));
        assertThat(plain.headers().firstValue("Cache-Control")).contains("max-age=1");
    }

    @Test
    void aPartWithoutAnMsnOrARequestTooFarAheadIsRefused() throws Exception {
        publish("open/far/index.m3u8", blocking(10, 11));

        HttpResponse<String> partAlone = get(url("/play/acme/open/far/index.m3u8?_HLS_part=1"));
        HttpResponse<String> farAhead = get(url("/play/acme/open/far/index.m3u8?_HLS_msn=14"));
        HttpResponse<String> malformed = get(url("/play/acme/open/far/index.m3u8?_HLS_msn=x"));

        assertThat(partAlone.statusCode()).isEqualTo(400);
        assertThat(farAhead.statusCode()).isEqualTo(400);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(farAhead.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void aRequestStillHeldAfterThreeTargetDurationsGets503() throws Exception {
        publish("open/late/index.m3u8", blocking(10, 11));
        long start = System.nanoTime();

        HttpResponse<String> answer = get(url("/play/acme/open/late/index.m3u8?_HLS_msn=13"));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(waited).isBetween(Duration.ofMillis(2900), Duration.ofMillis(4500));
    }

    @Test
    void directivesAreIgnoredOnceThePlaylistHasEnded() throws Exception {
        String ended = playlist("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES\n", 10, 11, "#EXT-X-ENDLIST\n");
        publish("open/ended/index.m3u8", ended);

        HttpResponse<String> answer = get(url("/play/acme/open/ended/index.m3u8?_HLS_msn=40&_HLS_part=2"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(ended);
    }

    @Test
    void aPlaylistWithoutBlockingReloadsIgnoresTheDirectives() throws Exception {
        String plain = playlist("", 10, 11, "");
        publish("open/plain/index.m3u8", plain);

        assertThat(get(url("/play/acme/open/plain/index.m3u8?_HLS_msn=12")).body()).isEqualTo(plain);
    }

    @Test
    void skipGetsADeltaUpdateOnlyWhenCanSkipUntilIsOffered() throws Exception {
        String skippable = playlist("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,CAN-SKIP-UNTIL=6.0\n", 10, 21, "");
        publish("open/skip/index.m3u8", skippable);
        publish("open/noskip/index.m3u8", blocking(10, 21));

        HttpResponse<String> delta = get(url("/play/acme/open/skip/index.m3u8?_HLS_msn=21&_HLS_skip=YES"));
        HttpResponse<String> v2 = get(url("/play/acme/open/skip/index.m3u8?_HLS_skip=v2"));
        HttpResponse<String> whole = get(url("/play/acme/open/noskip/index.m3u8?_HLS_msn=21&_HLS_skip=YES"));

        assertThat(delta.body()).contains("#EXT-X-VERSION:9\n").contains("#EXT-X-SKIP:SKIPPED-SEGMENTS=6\n")
                .doesNotContain("s15.m4s").contains("s16.m4s\n").endsWith("s21.m4s\n");
        assertThat(v2.body()).isEqualTo(delta.body());
        assertThat(whole.body()).isEqualTo(blocking(10, 21));
    }

    @Test
    void anEncodersOwnPartsPassThroughUnchangedAndHoldForTheNextPart() throws Exception {
        String header = "#EXTM3U\n#EXT-X-VERSION:9\n#EXT-X-TARGETDURATION:1\n"
                + "#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=1.5\n#EXT-X-PART-INF:PART-TARGET=0.5\n"
                + "#EXT-X-MEDIA-SEQUENCE:10\n#EXTINF:1.0,\ns10.m4s\n"
                + "#EXT-X-PART:DURATION=0.5,URI=\"p11.0.m4s\",INDEPENDENT=YES\n";
        String onePart = header + "#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"p11.1.m4s\"\n";
        String twoParts = header + "#EXT-X-PART:DURATION=0.5,URI=\"p11.1.m4s\"\n"
                + "#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"s11.m4s\"\n";
        publish("open/parts/index.m3u8", onePart);

        HttpResponse<String> plain = get(url("/play/acme/open/parts/index.m3u8"));
        HttpResponse<String> answer = holdThenRelease(url("/play/acme/open/parts/index.m3u8?_HLS_msn=11&_HLS_part=1"),
                "open/parts/index.m3u8", twoParts);

        assertThat(plain.body()).isEqualTo(onePart);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(twoParts);
    }

    @Test
    void aQueryTokenFollowedByDirectivesIsVerifiedAndTheRequestHeld() throws Exception {
        publish("vault/q/index.m3u8", blocking(10, 11));
        String signed = SIGNER.sign(url("/play/acme/vault/q/index.m3u8"), Term.end(in(60)));

        HttpResponse<String> answer = holdThenRelease(signed + "&_HLS_msn=12&_HLS_part=0",
                "vault/q/index.m3u8", blocking(10, 12));
        HttpResponse<String> unsigned = get(url("/play/acme/vault/q/index.m3u8?_HLS_msn=12"));
        HttpResponse<String> expired = get(SIGNER.sign(url("/play/acme/vault/q/index.m3u8"), Term.end(in(-10)))
                + "&_HLS_msn=12");
        HttpResponse<String> termAfterHash = get(signed + "&_HLS_msn=12&e=" + in(3600));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(blocking(10, 12));
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(termAfterHash.statusCode()).isEqualTo(403);
    }

    @Test
    void aPathTokenWithDirectivesInTheQueryIsVerifiedAndTheRequestHeld() throws Exception {
        publish("pathtok/p/index.m3u8", blocking(10, 11));
        String playlist = url("/play/acme/pathtok/p/index.m3u8");
        int prefix = MediaVaultSigner.directoryPrefixLength(playlist);
        String pathBased = MediaVaultSigner.toPathBased(SIGNER.sign(playlist, Term.prefix(prefix), Term.end(in(60))),
                prefix, "token=", "~");

        HttpResponse<String> answer = holdThenRelease(pathBased + "?_HLS_msn=12", "pathtok/p/index.m3u8",
                blocking(10, 12));
        HttpResponse<String> tampered = get(pathBased.replace("~h=", "~h=0") + "?_HLS_msn=12");

        assertThat(pathBased).contains("/token=");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(blocking(10, 12));
        assertThat(tampered.statusCode()).isEqualTo(403);
    }

    @Test
    void headOfABlockingRequestHasTheHeadersWithoutABody() throws Exception {
        publish("open/head/index.m3u8", blocking(10, 11));

        HttpResponse<String> head = fx.client.send(HttpRequest.newBuilder(URI.create(
                url("/play/acme/open/head/index.m3u8?_HLS_msn=11"))).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build(), BodyHandlers.ofString());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(blocking(10, 11).length());
        assertThat(Files.exists(fx.storage.resolve("acme/open/head/index.m3u8"))).isTrue();
    }

    private static long in(long seconds) {
        return System.currentTimeMillis() / 1000 + seconds;
    }
}
