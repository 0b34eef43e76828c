package io.livepush.mediavault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livepush.mediavault.MediaVaultSigner.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MediaVaultSignerTest {

    private static final String SECRET = "livepushsecret";
    private static final long NOW = 1_700_000_000L;
    private static final String MASTER = "https://play.example.com/live/slot1/master.m3u8";
    private static final String SEGMENT = "https://play.example.com/live/slot1/720p/seg_00042.ts";

    private final MediaVaultSigner signer = new MediaVaultSigner(SECRET);

    private static MediaVaultVerifier verifier(MediaVaultMode mode, boolean pathBased) {
        return new MediaVaultVerifier(MediaVaultSettings.builder().mode(mode).primarySecret(SECRET)
                .pathBased(pathBased).build());
    }

    private static Verdict check(MediaVaultVerifier verifier, String url) {
        return verifier.check(MediaVaultRequest.of(url, "192.0.2.10", null), path -> true, NOW);
    }

    @Test
    void signerReproducesEdgiosPublishedBashExample() {
        String signed = new MediaVaultSigner("mediavaulthash").sign("http://published.test.com/directory/file.txt",
                Term.start(1_672_531_200L), Term.end(1_988_150_400L));

        assertThat(signed).isEqualTo("http://published.test.com/directory/file.txt?s=1672531200&e=1988150400"
                + "&h=bd164af2cf67f89cdd5095bf2a4f8c4f");
    }

    @Test
    void signerReproducesTheCookieModeFirstRequestExample() {
        String signed = signer.sign(MASTER, Term.prefix(36), Term.cookieInitial(20), Term.cookieDuration(6),
                Term.end(1_700_000_030L), Term.cookieFinal(1_700_007_200L));

        assertThat(signed).isEqualTo(MASTER + "?p=36&ci=20&cd=6&e=1700000030&cf=1700007200"
                + "&h=acb3d225d231f5e7c42ca73e8f890250");
    }

    @Test
    void pathBasedFormReproducesTheSpecExampleAndVerifies() {
        String signed = signer.sign(SEGMENT, Term.start(1_699_999_700L), Term.end(1_700_003_600L), Term.prefix(36));

        String pathBased = MediaVaultSigner.toPathBased(signed, 36, "token=", "~");

        assertThat(pathBased).isEqualTo("https://play.example.com/live/slot1/token=s=1699999700~e=1700003600~p=36"
                + "~h=5badbfcc6f415a7f49d482da0d511720/720p/seg_00042.ts");
        Verdict verdict = check(verifier(MediaVaultMode.URL_ALL, true), pathBased);
        assertThat(verdict.allowed()).as(verdict.toString()).isTrue();
        assertThat(verdict.path()).isEqualTo("/live/slot1/720p/seg_00042.ts");
    }

    @Test
    void pathBasedFormKeepsUnsignedTermsInTheQuery() {
        String signed = signer.sign(SEGMENT, Term.end(1_700_003_600L), Term.prefix(25)) + "&_=123";

        String pathBased = MediaVaultSigner.toPathBased(signed, 25, "token=", "~");

        assertThat(pathBased).startsWith("https://play.example.com/token=e=1700003600~p=25~h=").endsWith(
                "/live/slot1/720p/seg_00042.ts?_=123");
        assertThat(check(verifier(MediaVaultMode.URL_ALL, true), pathBased).allowed()).isTrue();
    }

    @Test
    void pathBasedFormRefusesAPositionNotAfterASlashOfThePath() {
        String signed = signer.sign(SEGMENT, Term.end(1_700_003_600L));

        assertThatThrownBy(() -> MediaVaultSigner.toPathBased(signed, 33, "token=", "~"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MediaVaultSigner.toPathBased(signed, 25 - 1, "token=", "~"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathBasedFormRefusesTermsWithASlash() {
        String signed = signer.sign(SEGMENT, Term.ip("203.0.113.0/24"));

        assertThatThrownBy(() -> MediaVaultSigner.toPathBased(signed, 36, "token=", "~"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void legacyFormReproducesTheSpecExample() {
        assertThat(signer.signLegacy(MASTER, 1_700_003_600L))
                .isEqualTo(MASTER + "?t=1700003600_8a348460f736d9806f0f28fdeb967c38");
    }

    @Test
    void signingWithoutTermsAppendsQuestionMarkH() {
        assertThat(signer.sign(MASTER)).isEqualTo(MASTER + "?h=2c92d275c457f8a135d7c3fc903636b5");
    }

    @Test
    void customerQueryTermsAreSignedAheadOfMediaVaultTerms() {
        String signed = signer.sign(MASTER + "?lang=en", Term.end(1_700_003_600L));

        assertThat(signed).startsWith(MASTER + "?lang=en&e=1700003600&h=");
        assertThat(check(verifier(MediaVaultMode.URL_ALL, false), signed).allowed()).isTrue();
    }

    @Test
    void signerLowerCasesTheHostAndDropsTheDefaultPort() {
        String signed = signer.sign("HTTPS://Play.Example.COM:443/live/slot1/master.m3u8", Term.end(1_700_003_600L));

        assertThat(signed).startsWith(MASTER + "?e=1700003600&h=");
    }

    @Test
    void signedUrlWithEveryRestrictionVerifiesForTheRightClient() {
        String signed = signer.sign(MASTER, Term.start(NOW - 10), Term.end(NOW + 10), Term.prefix(36),
                Term.ip("192.0.2.0/24"), Term.referrers("example.com", "example.org"));
        MediaVaultVerifier verifier = verifier(MediaVaultMode.URL_ALL, false);
        String segment = SEGMENT + signed.substring(signed.indexOf('?'));

        Verdict verdict = verifier.check(new MediaVaultRequest(segment, "192.0.2.99", "https://www.example.org/",
                List.of()), path -> true, NOW);

        assertThat(verdict.allowed()).as(verdict.toString()).isTrue();
    }

    @Test
    void directoryPrefixLengthCoversTheUrlUpToItsLastSlash() {
        assertThat(MediaVaultSigner.directoryPrefixLength(MASTER)).isEqualTo(36);
        assertThat(MediaVaultSigner.directoryPrefixLength(SEGMENT)).isEqualTo(41);
    }

    @Test
    void signerRefusesAnAlreadySignedUrl() {
        String signed = signer.sign(MASTER);

        assertThatThrownBy(() -> signer.sign(signed, Term.end(NOW))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signerRefusesTermsTheVerifierWouldRejectAsMalformed() {
        assertThatThrownBy(() -> signer.sign(MASTER, Term.end(NOW), Term.end(NOW + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign(MASTER, Term.cookieInitial(20)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign(MASTER, Term.end(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signerRefusesAnIpRangeLikeVectorV40() {
        assertThatThrownBy(() -> signer.sign(MASTER, Term.end(1_700_003_600L), Term.ip("203.0.113.0-203.0.113.255")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void termNamedHOrHoldingAnAmpersandIsRefused() {
        assertThatThrownBy(() -> new Term("h", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Term("lang", "a&b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signerRefusesAnInvalidSecretWithoutEchoingIt() {
        assertThatThrownBy(() -> new MediaVaultSigner("bad secret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("bad secret");
    }

    @Test
    void toStringHidesTheSecret() {
        assertThat(signer.toString()).doesNotContain(SECRET);
    }

    /**
     * Every query-form vector whose digest the signer made, except V40, whose dash range the signer refuses just as
     * the verifier does: re-signing its terms gives the same URL.
     */
    static Stream<MediaVaultVectorsTest.Vector> signedQueryVectors() {
        return MediaVaultVectorsTest.vectors().stream()
                .filter(v -> "yes".equals(v.md5InputMatchesH()) && v.cookie().isEmpty() && v.url().contains("?"))
                .filter(v -> !"V40".equals(v.id()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedQueryVectors")
    void signerReproducesEverySignedQueryVector(MediaVaultVectorsTest.Vector vector) {
        String url = vector.url();
        int question = url.indexOf('?');
        int hStart = url.indexOf("h=", question);
        int hEnd = url.indexOf('&', hStart) < 0 ? url.length() : url.indexOf('&', hStart);
        List<Term> terms = new ArrayList<>();
        if (hStart > question + 1) {
            for (String term : url.substring(question + 1, hStart - 1).split("&")) {
                int eq = term.indexOf('=');
                terms.add(new Term(term.substring(0, eq), term.substring(eq + 1)));
            }
        }

        String signed = new MediaVaultSigner(vector.signSecret()).sign(url.substring(0, question), terms);

        assertThat(signed).isEqualToIgnoringCase(url.substring(0, hEnd));
    }
}
