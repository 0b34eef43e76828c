package io.livepush.mediavault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livepush.mediavault.MediaVaultSigner.Term;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The rules of {@link VerdictCache}, one per test; the property test compares it with the verifier at large. */
class VerdictCacheTest {

    private static final long NOW = 1_700_000_000L;
    private static final String DIRECTORY = "https://play.example.com/live/play/acme/cam1/";
    private static final String CLIENT = "203.0.113.7";
    private static final Predicate<String> ANY_MASTER = path -> true;
    private static final MediaVaultSigner SIGNER = new MediaVaultSigner("livepushsecret");

    private final MediaVaultVerifier verifier = verifier(MediaVaultMode.URL_ALL, "livepushsecret");
    private final VerdictCache cache = new VerdictCache(1024);

    @Test
    void aRepeatedTokenIsAnsweredFromTheCache() {
        MediaVaultRequest request = request(SIGNER.sign(DIRECTORY + "index.m3u8", Term.end(NOW + 60)), null);

        Verdict first = cache.check(verifier, request, ANY_MASTER, NOW);
        Verdict second = cache.check(verifier, request, ANY_MASTER, NOW + 1);

        assertThat(first.allowed()).isTrue();
        assertThat(second).isEqualTo(first);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void aCachedAllowBecomesTheExpiredRefusalInTheSameSecondAsUncached() {
        MediaVaultRequest request = request(SIGNER.sign(DIRECTORY + "index.m3u8", Term.end(NOW + 10)), null);
        cache.check(verifier, request, ANY_MASTER, NOW);

        assertThat(cache.check(verifier, request, ANY_MASTER, NOW + 10).allowed()).isTrue();
        Verdict expired = cache.check(verifier, request, ANY_MASTER, NOW + 11);

        assertThat(expired).isEqualTo(verifier.check(request, ANY_MASTER, NOW + 11));
        assertThat(expired.reason()).isEqualTo(MediaVaultReason.MV_EXPIRED);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aClockSetBackBeforeTheStartRefusesACachedToken() {
        MediaVaultRequest request = request(SIGNER.sign(DIRECTORY + "index.m3u8", Term.start(NOW - 5)), null);
        cache.check(verifier, request, ANY_MASTER, NOW);

        Verdict early = cache.check(verifier, request, ANY_MASTER, NOW - 6);

        assertThat(early.reason()).isEqualTo(MediaVaultReason.MV_NOT_YET);
    }

    @Test
    void aDirectoryTokenHitsForEveryObjectBelowItsPrefixOnly() {
        String query = query(SIGNER.sign(DIRECTORY + "index.m3u8", Term.end(NOW + 60),
                Term.prefix(MediaVaultSigner.directoryPrefixLength(DIRECTORY))));
        cache.check(verifier, request(DIRECTORY + "index.m3u8" + query, null), ANY_MASTER, NOW);

        Verdict segment = cache.check(verifier, request(DIRECTORY + "720p/seg_00042.ts" + query, null), ANY_MASTER,
                NOW);
        Verdict elsewhere = cache.check(verifier, request(DIRECTORY.replace("cam1", "cam2") + "index.m3u8" + query,
                null), ANY_MASTER, NOW);

        assertThat(segment).isEqualTo(Verdict.allow("/live/play/acme/cam1/720p/seg_00042.ts", null));
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(elsewhere.reason()).isEqualTo(MediaVaultReason.MV_HASH);
    }

    @Test
    void theClientAddressIsPartOfTheKey() {
        String url = SIGNER.sign(DIRECTORY + "index.m3u8", Term.ip("203.0.113.7"));
        cache.check(verifier, request(url, null), ANY_MASTER, NOW);

        Verdict other = cache.check(verifier, MediaVaultRequest.of(url, "198.51.100.7", null), ANY_MASTER, NOW);

        assertThat(other.reason()).isEqualTo(MediaVaultReason.MV_IP);
    }

    @Test
    void anotherRefererIsCheckedAgainWhenTheTokenHasAReferrerRule() {
        String url = SIGNER.sign(DIRECTORY + "index.m3u8", Term.referrers("example.com"));
        cache.check(verifier, request(url, "https://www.example.com/"), ANY_MASTER, NOW);

        Verdict evil = cache.check(verifier, request(url, "https://evilexample.com/"), ANY_MASTER, NOW);

        assertThat(evil.reason()).isEqualTo(MediaVaultReason.MV_REFERRER);
        assertThat(cache.hits()).isZero();
    }

    @Test
    void aNewVerifierNeverSeesTheOldOnesEntries() {
        MediaVaultRequest request = request(SIGNER.sign(DIRECTORY + "index.m3u8"), null);
        cache.check(verifier, request, ANY_MASTER, NOW);
        MediaVaultVerifier rotated = verifier(MediaVaultMode.URL_ALL, "newsecret1234");

        Verdict afterRotation = cache.check(rotated, request, ANY_MASTER, NOW);

        assertThat(afterRotation.reason()).isEqualTo(MediaVaultReason.MV_HASH);
    }

    @Test
    void refusalsAreNotCached() {
        MediaVaultRequest request = request(DIRECTORY + "index.m3u8?e=" + NOW + "&h=" + "0".repeat(32), null);

        cache.check(verifier, request, ANY_MASTER, NOW);
        cache.check(verifier, request, ANY_MASTER, NOW);

        assertThat(cache.size()).isZero();
        assertThat(cache.hits()).isZero();
    }

    @Test
    void anUnprotectedObjectIsNotCachedSoAPlaylistThatBecomesAMasterNeedsItsToken() {
        MediaVaultVerifier urlMode = verifier(MediaVaultMode.URL, "livepushsecret");
        MediaVaultRequest request = request(DIRECTORY + "index.m3u8?e=" + NOW + "&h=" + "0".repeat(32), null);

        assertThat(cache.check(urlMode, request, path -> false, NOW).allowed()).isTrue();
        Verdict asMaster = cache.check(urlMode, request, path -> true, NOW);

        assertThat(asMaster.reason()).isEqualTo(MediaVaultReason.MV_HASH);
    }

    @Test
    void cookieModeGoesToTheVerifierEveryTime() {
        MediaVaultVerifier cookieMode = verifier(MediaVaultMode.COOKIE, "livepushsecret");
        MediaVaultRequest request = request(SIGNER.sign(DIRECTORY + "index.m3u8", Term.cookieFinal(NOW + 600),
                Term.cookieDuration(60)), null);

        Verdict first = cache.check(cookieMode, request, ANY_MASTER, NOW);
        Verdict later = cache.check(cookieMode, request, ANY_MASTER, NOW + 5);

        assertThat(later).isEqualTo(cookieMode.check(request, ANY_MASTER, NOW + 5));
        assertThat(later.setCookie()).isNotEqualTo(first.setCookie());
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheHoldsAtMostMaxEntries() {
        VerdictCache small = new VerdictCache(100);
        for (int i = 0; i < 1_000; i++) {
            small.check(verifier, request(SIGNER.sign(DIRECTORY + "seg_" + i + ".ts"), null), ANY_MASTER, NOW);
        }
        assertThat(small.size()).isBetween(1, 100);
    }

    @Test
    void zeroEntriesTurnsTheCacheOff() {
        VerdictCache off = new VerdictCache(0);
        MediaVaultRequest request = request(SIGNER.sign(DIRECTORY + "index.m3u8"), null);

        off.check(verifier, request, ANY_MASTER, NOW);
        Verdict again = off.check(verifier, request, ANY_MASTER, NOW);

        assertThat(again.allowed()).isTrue();
        assertThat(off.size()).isZero();
        assertThat(off.hits() + off.misses()).isZero();
    }

    @Test
    void aNegativeSizeIsRefused() {
        assertThatThrownBy(() -> new VerdictCache(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    private static MediaVaultVerifier verifier(MediaVaultMode mode, String secret) {
        return new MediaVaultVerifier(MediaVaultSettings.builder().mode(mode).primarySecret(secret).build());
    }

    private static MediaVaultRequest request(String url, String referer) {
        return MediaVaultRequest.of(url, CLIENT, referer);
    }

    private static String query(String url) {
        return url.substring(url.indexOf('?'));
    }
}
