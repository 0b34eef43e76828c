package io.livepush.mediavault;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.mediavault.MediaVaultSigner.Term;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Cookie mode (reference/mediavault.md §11, §3). */
class MediaVaultCookieTest {

    private static final String SECRET = "livepushsecret";
    private static final long NOW = 1_700_000_000L;
    private static final long FINAL = 1_700_007_200L;
    private static final String MASTER = "https://play.example.com/live/slot1/master.m3u8";
    private static final String SEGMENT = "https://play.example.com/live/slot1/720p/seg_00043.ts";
    private static final String CLIENT = "192.0.2.10";

    private final MediaVaultSigner signer = new MediaVaultSigner(SECRET);
    private final MediaVaultVerifier verifier = verifier(MediaVaultMode.COOKIE);

    private static MediaVaultVerifier verifier(MediaVaultMode mode) {
        return new MediaVaultVerifier(MediaVaultSettings.builder().mode(mode).primarySecret(SECRET)
                .secondarySecret("rotatedsecret2").build());
    }

    private Verdict request(String url, String client, String referer, String cookieHeader, long now) {
        return verifier.check(new MediaVaultRequest(url, client, referer,
                MediaVaultRequest.parseCookieHeader(cookieHeader)), path -> true, now);
    }

    private String firstCookie(Term... extra) {
        Term[] terms = new Term[extra.length + 4];
        terms[0] = Term.prefix(36);
        terms[1] = Term.cookieDuration(6);
        terms[2] = Term.end(NOW + 30);
        terms[3] = Term.cookieFinal(FINAL);
        System.arraycopy(extra, 0, terms, 4, extra.length);
        Verdict first = request(signer.sign(MASTER, terms), CLIENT, null, null, NOW);
        assertThat(first.allowed()).as(first.toString()).isTrue();
        return pair(first.setCookie());
    }

    private static String pair(String setCookie) {
        assertThat(setCookie).isNotNull();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void firstRequestSetsExactlyTheCookieOfTheSpecExample() {
        String url = signer.sign(MASTER, Term.prefix(36), Term.cookieInitial(20), Term.cookieDuration(6),
                Term.end(1_700_000_030L), Term.cookieFinal(FINAL));

        Verdict verdict = request(url, CLIENT, null, null, NOW);

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.setCookie()).isEqualTo("_llnw_hashsecret=p=36&e=1700000020&cd=6&cf=1700007200"
                + "&h=da9a18aaed661a33f80cedbbf326ad78; Path=/live/slot1/; Expires=Tue, 14 Nov 2023 22:15:40 GMT; "
                + "HttpOnly; Secure; SameSite=None");
    }

    @Test
    void validCookieIsRenewedWithENowPlusCd() {
        String cookie = "_llnw_hashsecret=p=36&e=1700000006&cd=6&cf=1700007200&h=6fb5bc643b43850b737d0f199f86d99b";

        Verdict verdict = request(SEGMENT, CLIENT, null, cookie, NOW + 3);

        assertThat(verdict.allowed()).isTrue();
        assertThat(pair(verdict.setCookie())).startsWith("_llnw_hashsecret=p=36&e=1700000009&cd=6&cf=1700007200&h=");
    }

    @Test
    void cookieMintedOnTheManifestOpensSegmentsOfTheSameDirectory() {
        String cookie = firstCookie();

        Verdict verdict = request(SEGMENT, CLIENT, null, cookie, NOW + 5);

        assertThat(verdict.allowed()).as(verdict.toString()).isTrue();
        assertThat(verdict.setCookie()).contains("e=" + (NOW + 11));
    }

    @Test
    void renewedCookieNeverOutlivesCf() {
        Verdict first = request(signer.sign(MASTER, Term.prefix(36), Term.cookieDuration(600),
                Term.cookieFinal(NOW + 100)), CLIENT, null, null, NOW);

        assertThat(first.setCookie()).contains("e=" + (NOW + 100) + "&");
        Verdict afterFinal = request(SEGMENT, CLIENT, null, pair(first.setCookie()), NOW + 101);
        assertThat(afterFinal.reason()).isEqualTo(MediaVaultReason.MV_EXPIRED);
    }

    @Test
    void cookieIsRejectedOneSecondAfterItsE() {
        String cookie = firstCookie();

        assertThat(request(SEGMENT, CLIENT, null, cookie, NOW + 6).allowed()).isTrue();
        assertThat(request(SEGMENT, CLIENT, null, cookie, NOW + 7).reason()).isEqualTo(MediaVaultReason.MV_EXPIRED);
    }

    @Test
    void cookieNameWithTwoUnderscoresIsAccepted() {
        String cookie = "_" + firstCookie();

        assertThat(cookie).startsWith("__llnw_hashsecret=");
        assertThat(request(SEGMENT, CLIENT, null, cookie, NOW + 1).allowed()).isTrue();
    }

    @Test
    void quotedCookieValueIsAccepted() {
        String cookie = firstCookie().replace("_llnw_hashsecret=", "_llnw_hashsecret=\"") + "\"";

        assertThat(request(SEGMENT, CLIENT, null, cookie, NOW + 1).allowed()).isTrue();
    }

    @Test
    void anyValidCookieAmongSeveralIsEnough() {
        String cookie = "other=1; _llnw_hashsecret=p=36&e=1&cd=6&cf=2&h=" + "0".repeat(32) + "; " + firstCookie();

        assertThat(request(SEGMENT, CLIENT, null, cookie, NOW + 1).allowed()).isTrue();
    }

    @Test
    void cookieIsIgnoredOutsideCookieMode() {
        MediaVaultRequest request = new MediaVaultRequest(SEGMENT, CLIENT, null,
                MediaVaultRequest.parseCookieHeader(firstCookie()));

        Verdict verdict = verifier(MediaVaultMode.URL_ALL).check(request, path -> true, NOW + 1);

        assertThat(verdict.reason()).isEqualTo(MediaVaultReason.MV_MISSING);
    }

    @Test
    void queryTokenFailingOnTheHashIsNotRescuedByAValidCookie() {
        String tampered = signer.sign(SEGMENT, Term.end(NOW + 60)).replace("e=" + (NOW + 60), "e=" + (NOW + 600));

        Verdict verdict = request(tampered, CLIENT, null, firstCookie(), NOW + 1);

        assertThat(verdict.reason()).isEqualTo(MediaVaultReason.MV_HASH);
        assertThat(verdict.setCookie()).isNull();
    }

    @Test
    void queryTokenFailingOnlyOnTimeFallsBackToTheCookie() {
        String expired = signer.sign(SEGMENT, Term.end(NOW - 60));

        Verdict withCookie = request(expired, CLIENT, null, firstCookie(), NOW + 1);
        Verdict withoutCookie = request(expired, CLIENT, null, null, NOW + 1);

        assertThat(withCookie.allowed()).isTrue();
        assertThat(withCookie.setCookie()).isNotNull();
        assertThat(withoutCookie.reason()).isEqualTo(MediaVaultReason.MV_EXPIRED);
    }

    @Test
    void ipRestrictionIsCarriedIntoTheCookieAndEnforced() {
        String cookie = firstCookie(Term.ip("192.0.2.0/24"));

        assertThat(cookie).contains("&ip=192.0.2.0/24&h=");
        assertThat(request(SEGMENT, "192.0.2.77", null, cookie, NOW + 1).allowed()).isTrue();
        assertThat(request(SEGMENT, "198.51.100.7", null, cookie, NOW + 1).reason())
                .isEqualTo(MediaVaultReason.MV_IP);
    }

    @Test
    void referrerRestrictionIsCarriedIntoTheCookieWithItsCommaEscaped() {
        String cookie = firstCookie(Term.referrers("example.com", "example.org"));

        assertThat(cookie).contains("&r=example.com%2Cexample.org&h=");
        assertThat(request(SEGMENT, CLIENT, "https://www.example.org/p", cookie, NOW + 1).allowed()).isTrue();
        assertThat(request(SEGMENT, CLIENT, "https://evil.test/", cookie, NOW + 1).reason())
                .isEqualTo(MediaVaultReason.MV_REFERRER);
    }

    @Test
    void cookiePathPatternsLimitWhichFilesTheTokenOpens() {
        String cookie = firstCookie(Term.cookiePaths("/live/slot1/*.m3u8", "/live/slot1/720p/*"));

        assertThat(request(SEGMENT, CLIENT, null, cookie, NOW + 1).allowed()).isTrue();
        assertThat(request(SEGMENT.replace("720p", "1080p"), CLIENT, null, cookie, NOW + 1).reason())
                .isEqualTo(MediaVaultReason.MV_PATH);
    }

    @Test
    void queryTokenWithCookiePathsIsRejectedOnAFileOutsideThem() {
        String url = signer.sign(MASTER, Term.prefix(36), Term.cookieDuration(6), Term.cookieFinal(FINAL),
                Term.cookiePaths("/live/slot1/720p/*"));

        assertThat(request(url, CLIENT, null, null, NOW).reason()).isEqualTo(MediaVaultReason.MV_PATH);
    }

    @Test
    void cookieOverPlainHttpIsNeitherSecureNorSameSiteNone() {
        String url = signer.sign(MASTER.replace("https:", "http:"), Term.prefix(35), Term.cookieDuration(6),
                Term.cookieFinal(FINAL));

        String setCookie = request(url, CLIENT, null, null, NOW).setCookie();

        assertThat(setCookie).endsWith("; HttpOnly").doesNotContain("Secure").doesNotContain("SameSite");
    }

    @Test
    void cookiePathIsThePrefixPathCutBackToItsLastSlash() {
        assertThat(VaultCookies.cookiePath("https://play.example.com/live/slot1/", 24)).isEqualTo("/live/slot1/");
        assertThat(VaultCookies.cookiePath("https://play.example.com/live/slot1/72", 24)).isEqualTo("/live/slot1/");
        assertThat(VaultCookies.cookiePath("https://play.example.com/live/slot1", 24)).isEqualTo("/live/");
        assertThat(VaultCookies.cookiePath("https://play.exam", 24)).isEqualTo("/");
        assertThat(VaultCookies.cookiePath("https://play.example.com/a;b/c/", 24)).isEqualTo("/");
    }

    @Test
    void queryTokenWithoutCdAndCfSetsNoCookie() {
        Verdict verdict = request(signer.sign(MASTER, Term.end(NOW + 60)), CLIENT, null, null, NOW);

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.setCookie()).isNull();
    }

    @Test
    void cookieWithoutCdIsMalformed() {
        String terms = "p=36&e=" + (NOW + 6) + "&cf=" + FINAL;
        String digest = TokenDigests.hex(TokenDigests.md5(SECRET.getBytes(StandardCharsets.UTF_8),
                "https://play.example.com/live/slot1/", "=", terms));

        Verdict verdict = request(SEGMENT, CLIENT, null, "_llnw_hashsecret=" + terms + "&h=" + digest, NOW);

        assertThat(verdict.reason()).isEqualTo(MediaVaultReason.MV_MALFORMED);
    }

    @Test
    void cookieMintedWithTheSecondarySecretIsAcceptedAndRenewedWithThePrimary() {
        String terms = "p=36&e=" + (NOW + 6) + "&cd=6&cf=" + FINAL;
        String digest = TokenDigests.hex(TokenDigests.md5("rotatedsecret2".getBytes(StandardCharsets.UTF_8),
                "https://play.example.com/live/slot1/", "=", terms));

        Verdict verdict = request(SEGMENT, CLIENT, null, "_llnw_hashsecret=" + terms + "&h=" + digest, NOW);

        assertThat(verdict.allowed()).isTrue();
        assertThat(request(SEGMENT, CLIENT, null, pair(verdict.setCookie()), NOW + 1).allowed()).isTrue();
        assertThat(pair(verdict.setCookie())).doesNotContain(digest);
    }

    @Test
    void requestWithNeitherTokenNorCookieIsMissing() {
        assertThat(request(SEGMENT, CLIENT, null, "other=1", NOW).reason()).isEqualTo(MediaVaultReason.MV_MISSING);
    }

    @Test
    void deniedRequestCarriesNoCookieAndTheDenyStatus() {
        Verdict verdict = request(SEGMENT, CLIENT, null, null, NOW);

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.status()).isEqualTo(400);
        assertThat(verdict.setCookie()).isNull();
        assertThat(verdict.toString()).doesNotContain("hashsecret");
    }

    @Test
    void verdictToStringHidesTheCookie() {
        Verdict verdict = request(SEGMENT, CLIENT, null, firstCookie(), NOW + 1);

        assertThat(verdict.hasSetCookie()).isTrue();
        assertThat(verdict.toString()).doesNotContain("hashsecret").contains("(hidden)");
    }
}
