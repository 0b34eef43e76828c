package io.livepush.mediavault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livepush.mediavault.MediaVaultSigner.Term;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules of reference/mediavault.md that the vector file does not pin down. */
class MediaVaultVerifierTest {

    private static final String SECRET = "livepushsecret";
    private static final long NOW = 1_700_000_000L;
    private static final String BASE = "https://play.example.com/live/slot1/";
    private static final String MASTER = BASE + "master.m3u8";
    private static final String CLIENT = "192.0.2.10";
    private static final Predicate<String> MASTER_ONLY = path -> path.endsWith("/master.m3u8");

    private final MediaVaultSigner signer = new MediaVaultSigner(SECRET);

    private static MediaVaultSettings.Builder settings(MediaVaultMode mode) {
        return MediaVaultSettings.builder().mode(mode).primarySecret(SECRET);
    }

    private static Verdict check(MediaVaultSettings.Builder settings, String url) {
        return check(settings, url, null);
    }

    private static Verdict check(MediaVaultSettings.Builder settings, String url, String referer) {
        return new MediaVaultVerifier(settings.build()).check(MediaVaultRequest.of(url, CLIENT, referer), MASTER_ONLY,
                NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"master.m3u8", "720p/index.m3u8", "manifest.mpd", "720p/seg_1.ts"})
    void modeNoneLetsEveryObjectPassUnsigned(String file) {
        assertThat(check(settings(MediaVaultMode.NONE), BASE + file).allowed()).isTrue();
    }

    @Test
    void modeUrlProtectsOnlyMainManifests() {
        MediaVaultSettings.Builder url = settings(MediaVaultMode.URL);

        assertThat(check(url, MASTER).reason()).isEqualTo(MediaVaultReason.MV_MISSING);
        assertThat(check(url, BASE + "manifest.MPD").reason()).isEqualTo(MediaVaultReason.MV_MISSING);
        assertThat(check(url, BASE + "720p/index.m3u8").allowed()).isTrue();
        assertThat(check(url, BASE + "720p/seg_1.m4s").allowed()).isTrue();
    }

    @Test
    void modeUrlWithSubManifestsProtectsEveryManifestButNoSegment() {
        MediaVaultSettings.Builder sub = settings(MediaVaultMode.URL_WITH_SUB_MANIFESTS);

        assertThat(check(sub, MASTER).reason()).isEqualTo(MediaVaultReason.MV_MISSING);
        assertThat(check(sub, BASE + "720p/index.m3u8").reason()).isEqualTo(MediaVaultReason.MV_MISSING);
        assertThat(check(sub, BASE + "manifest.mpd").reason()).isEqualTo(MediaVaultReason.MV_MISSING);
        assertThat(check(sub, BASE + "720p/init.mp4").allowed()).isTrue();
        assertThat(check(sub, BASE + "720p/seg_1.ts").allowed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"URL_ALL", "COOKIE"})
    void modesUrlAllAndCookieProtectEveryObject(MediaVaultMode mode) {
        assertThat(check(settings(mode), BASE + "720p/seg_1.ts").reason()).isEqualTo(MediaVaultReason.MV_MISSING);
        assertThat(check(settings(mode), BASE + "720p/index.m3u8").reason()).isEqualTo(MediaVaultReason.MV_MISSING);
    }

    @Test
    void masterPlaylistProbeIsAskedOnlyInUrlModeAndOnlyForHlsPlaylists() {
        List<String> asked = new ArrayList<>();
        Predicate<String> probe = path -> asked.add(path) && false;
        for (MediaVaultMode mode : MediaVaultMode.values()) {
            MediaVaultVerifier verifier = new MediaVaultVerifier(settings(mode).build());
            for (String file : List.of("master.m3u8", "manifest.mpd", "seg.ts")) {
                verifier.check(MediaVaultRequest.of(BASE + file, CLIENT, null), probe, NOW);
            }
        }

        assertThat(asked).containsExactly("/live/slot1/master.m3u8");
    }

    @Test
    void hlsMasterPlaylistIsRecognisedByStreamInfTag() {
        assertThat(MediaVaultMode.isHlsMasterPlaylist("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\n720p/index.m3u8\n"))
                .isTrue();
        assertThat(MediaVaultMode.isHlsMasterPlaylist("#EXTM3U\n#EXTINF:2.0,\nseg_1.ts\n")).isFalse();
    }

    @Test
    void clockSkewWidensTheWindowOnBothEnds() {
        String notYet = signer.sign(MASTER, Term.start(NOW + 5));
        String expired = signer.sign(MASTER, Term.end(NOW - 5));

        assertThat(check(settings(MediaVaultMode.URL_ALL), notYet).reason()).isEqualTo(MediaVaultReason.MV_NOT_YET);
        assertThat(check(settings(MediaVaultMode.URL_ALL).clockSkewSeconds(5), notYet).allowed()).isTrue();
        assertThat(check(settings(MediaVaultMode.URL_ALL), expired).reason()).isEqualTo(MediaVaultReason.MV_EXPIRED);
        assertThat(check(settings(MediaVaultMode.URL_ALL).clockSkewSeconds(5), expired).allowed()).isTrue();
        assertThat(check(settings(MediaVaultMode.URL_ALL).clockSkewSeconds(4), expired).allowed()).isFalse();
    }

    @Test
    void strictReferrerRejectsAMissingOrUnparsableReferer() {
        String url = signer.sign(MASTER, Term.referrers("example.com"));
        MediaVaultSettings.Builder strict = settings(MediaVaultMode.URL_ALL).strictReferrer(true);

        assertThat(check(strict, url).reason()).isEqualTo(MediaVaultReason.MV_REFERRER);
        assertThat(check(strict, url, "not a url").reason()).isEqualTo(MediaVaultReason.MV_REFERRER);
        assertThat(check(strict, url, "https://example.com:8443/x").allowed()).isTrue();
        assertThat(check(settings(MediaVaultMode.URL_ALL), url, "not a url").allowed()).isTrue();
    }

    @Test
    void referrerMatchesAnyListedDomainWithoutRegardToCase() {
        String url = signer.sign(MASTER, Term.referrers("example.com", "Example.ORG"));

        assertThat(check(settings(MediaVaultMode.URL_ALL), url, "https://user@WWW.EXAMPLE.org./p").allowed()).isTrue();
        assertThat(check(settings(MediaVaultMode.URL_ALL), url, "https://example.net/").reason())
                .isEqualTo(MediaVaultReason.MV_REFERRER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s=1&s=2", "e=1&s=2&e=1", "e=-1", "e=+1", "e= 1", "e=", "e", "e=99999999999999999999",
        "e=9223372036854775808", "p=1x", "va=1", "t=1_0", "ci=5", "ip=", "ip=10.0.0.256", "ip=10.0.0.0/33",
        "ip=010.0.0.1", "ip=example.com", "ip=10.0.0.0%2", "r=%zz", "cp=%E0%A4"})
    void syntaxErrorBeforeHIsMalformedEvenWhenTheDigestIsRight(String terms) {
        String url = signedRaw(MASTER, terms);

        assertThat(check(settings(MediaVaultMode.URL_ALL), url).reason()).isEqualTo(MediaVaultReason.MV_MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"&e=1800000000", "&h=0123456789abcdef0123456789abcdef", "&ip=192.0.2.10", "&x=1&p=3"})
    void mediaVaultTermAfterHIsMalformed(String trailing) {
        String url = signer.sign(MASTER, Term.end(NOW + 60)) + trailing;

        assertThat(check(settings(MediaVaultMode.URL_ALL), url).reason()).isEqualTo(MediaVaultReason.MV_MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h=", "h=xyz", "h=0123456789abcdef0123456789abcdeg", "h=0123456789abcdef0123456789abcdef0"})
    void hThatIsNotThirtyTwoHexDigitsIsMalformed(String h) {
        assertThat(check(settings(MediaVaultMode.URL_ALL), MASTER + "?" + h).reason())
                .isEqualTo(MediaVaultReason.MV_MALFORMED);
    }

    @Test
    void ipRuleTreatsAnIpv4MappedClientAsIpv4() {
        String url = signer.sign(MASTER, Term.ip("192.0.2.0/24"));
        MediaVaultVerifier verifier = new MediaVaultVerifier(settings(MediaVaultMode.URL_ALL).build());

        assertThat(verifier.check(MediaVaultRequest.of(url, "::ffff:192.0.2.7", null), MASTER_ONLY, NOW).allowed())
                .isTrue();
        assertThat(verifier.check(MediaVaultRequest.of(url, "not-an-ip", null), MASTER_ONLY, NOW).reason())
                .isEqualTo(MediaVaultReason.MV_IP);
        assertThat(verifier.check(MediaVaultRequest.of(url, null, null), MASTER_ONLY, NOW).reason())
                .isEqualTo(MediaVaultReason.MV_IP);
    }

    @Test
    void percentEncodedIpValueIsDecodedBeforeParsing() {
        String url = signedRaw(MASTER, "ip=192.0.2.0%2F24");

        assertThat(check(settings(MediaVaultMode.URL_ALL), url).allowed()).isTrue();
    }

    @Test
    void hostCaseAndDefaultPortDoNotBreakTheSignature() {
        String signed = signer.sign(MASTER, Term.end(NOW + 60));
        String variant = signed.replace("https://play.example.com/", "HTTPS://Play.Example.com:443/");

        assertThat(check(settings(MediaVaultMode.URL_ALL), variant).allowed()).isTrue();
        assertThat(check(settings(MediaVaultMode.URL_ALL), signed.replace(".com/", ".com:8443/")).reason())
                .isEqualTo(MediaVaultReason.MV_HASH);
    }

    @Test
    void requestUrlBuilderNormalisesHostAndPort() {
        assertThat(MediaVaultRequest.url("HTTPS", "Play.Example.com", 443, "/live/a.m3u8", "e=1&h=x"))
                .isEqualTo("https://play.example.com/live/a.m3u8?e=1&h=x");
        assertThat(MediaVaultRequest.url("http", "::1", 8080, "/a", null)).isEqualTo("http://[::1]:8080/a");
    }

    @Test
    void denyUsesTheConfiguredStatus() {
        Verdict verdict = check(settings(MediaVaultMode.URL_ALL).denyStatus(403), MASTER);

        assertThat(verdict.status()).isEqualTo(403);
        assertThat(verdict.reason()).isEqualTo(MediaVaultReason.MV_MISSING);
    }

    @Test
    void legacyEhashIsHonouredOnlyWhenEnabled() {
        String url = signer.signLegacy(MASTER, NOW + 60);
        MediaVaultSettings settings = settings(MediaVaultMode.URL_ALL).build();
        Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
        MediaVaultRequest request = MediaVaultRequest.of(url, CLIENT, null);

        assertThat(new MediaVaultVerifier(settings, clock).check(request, MASTER_ONLY).reason())
                .isEqualTo(MediaVaultReason.MV_MISSING);
        assertThat(new MediaVaultVerifier(settings, clock, true).check(request, MASTER_ONLY).allowed()).isTrue();
        assertThat(new MediaVaultVerifier(settings, clock, true).check(request, MASTER_ONLY, NOW + 61).reason())
                .isEqualTo(MediaVaultReason.MV_EXPIRED);
        MediaVaultRequest other = MediaVaultRequest.of(url.replace("master", "backup"), CLIENT, null);
        assertThat(new MediaVaultVerifier(settings, clock, true).check(other, MASTER_ONLY).reason())
                .isEqualTo(MediaVaultReason.MV_HASH);
    }

    @Test
    void clockIsReadWhenNoTimeIsGiven() {
        String url = signer.sign(MASTER, Term.end(NOW));
        MediaVaultSettings settings = settings(MediaVaultMode.URL_ALL).build();
        MediaVaultRequest request = MediaVaultRequest.of(url, CLIENT, null);

        assertThat(new MediaVaultVerifier(settings, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
                .check(request, MASTER_ONLY).allowed()).isTrue();
        assertThat(new MediaVaultVerifier(settings, Clock.fixed(Instant.ofEpochSecond(NOW + 1), ZoneOffset.UTC))
                .check(request, MASTER_ONLY).allowed()).isFalse();
    }

    @Test
    void relativeUrlIsAProgrammingError() {
        MediaVaultVerifier verifier = new MediaVaultVerifier(settings(MediaVaultMode.URL_ALL).build());

        assertThatThrownBy(() -> verifier.check(MediaVaultRequest.of("/live/a.m3u8?h=secretish", CLIENT, null),
                MASTER_ONLY, NOW)).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secretish");
    }

    @Test
    void toStringsRevealNoSecretOrToken() {
        String url = signer.sign(MASTER, Term.end(NOW));
        MediaVaultRequest request = new MediaVaultRequest(url, CLIENT, null,
                MediaVaultRequest.parseCookieHeader("_llnw_hashsecret=p=1&h=abc"));

        assertThat(new MediaVaultVerifier(settings(MediaVaultMode.URL_ALL).build()).toString()).doesNotContain(SECRET);
        assertThat(request.toString()).doesNotContain("h=").doesNotContain("p=1");
    }

    /** Signs {@code terms} verbatim (bypassing the signer's own checks) so that syntax errors carry a valid h. */
    private static String signedRaw(String url, String terms) {
        String digest = TokenDigests.hex(TokenDigests.md5(SECRET.getBytes(StandardCharsets.UTF_8), url, "?", terms));
        return url + "?" + terms + "&h=" + digest;
    }
}
