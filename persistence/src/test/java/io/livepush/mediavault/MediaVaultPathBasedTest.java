package io.livepush.mediavault;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.mediavault.MediaVaultSigner.Term;
import org.junit.jupiter.api.Test;

/** Path-based tokens (reference/mediavault.md §13); the worked example is in {@link MediaVaultSignerTest}. */
class MediaVaultPathBasedTest {

    private static final String SECRET = "livepushsecret";
    private static final long NOW = 1_700_000_000L;
    private static final String BASE = "https://play.example.com/live/slot1/";
    private static final String MASTER = BASE + "master.m3u8";

    private final MediaVaultSigner signer = new MediaVaultSigner(SECRET);

    private static MediaVaultSettings.Builder settings(MediaVaultMode mode) {
        return MediaVaultSettings.builder().mode(mode).primarySecret(SECRET);
    }

    private static Verdict check(MediaVaultSettings.Builder settings, String url) {
        return new MediaVaultVerifier(settings.build()).check(MediaVaultRequest.of(url, "192.0.2.10", null),
                path -> path.endsWith("/master.m3u8"), NOW);
    }

    @Test
    void pathBasedTokensStillAcceptTheQueryForm() {
        String url = signer.sign(MASTER, Term.end(NOW + 60));

        assertThat(check(settings(MediaVaultMode.URL_ALL).pathBased(true), url).allowed()).isTrue();
    }

    @Test
    void twoPathTokenSegmentsAreMalformed() {
        String url = BASE + "token=e=1~h=0123456789abcdef0123456789abcdef/token=e=2~h=0123456789abcdef0123456789abcdef"
                + "/seg.ts";

        Verdict verdict = check(settings(MediaVaultMode.URL_ALL).pathBased(true), url);

        assertThat(verdict.reason()).isEqualTo(MediaVaultReason.MV_MALFORMED);
        assertThat(verdict.path()).as("no token in the logged path").isEqualTo("/live/slot1/");
    }

    @Test
    void pathTokenSegmentNotEndingWithHIsMalformed() {
        String url = BASE + "token=h=0123456789abcdef0123456789abcdef~e=1/seg.ts";

        assertThat(check(settings(MediaVaultMode.URL_ALL).pathBased(true), url).reason())
                .isEqualTo(MediaVaultReason.MV_MALFORMED);
    }

    @Test
    void pathTokenIsStrippedFromTheServedPathEvenWhereNoTokenIsNeeded() {
        String url = BASE + "token=e=1~h=0123456789abcdef0123456789abcdef/720p/seg.ts";

        Verdict verdict = check(settings(MediaVaultMode.URL).pathBased(true), url);

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.path()).isEqualTo("/live/slot1/720p/seg.ts");
    }

    @Test
    void pathTokenWithCustomMarkerAndDelimiterIsNormalised() {
        String signed = signer.sign(BASE + "720p/seg.ts", Term.end(NOW + 60), Term.prefix(36));
        String url = MediaVaultSigner.toPathBased(signed, 36, "mv/tok=", "|");

        assertThat(url).contains("/mv/tok=e=");
        assertThat(check(settings(MediaVaultMode.URL_ALL).pathBased(true).pathToken("mv/tok=").pathDelim("|"), url)
                .allowed()).isTrue();
    }

    @Test
    void pathMarkerInsideASegmentIsNotAToken() {
        assertThat(check(settings(MediaVaultMode.URL_ALL).pathBased(true), BASE + "mytoken=x/seg.ts").reason())
                .isEqualTo(MediaVaultReason.MV_MISSING);
    }
}
