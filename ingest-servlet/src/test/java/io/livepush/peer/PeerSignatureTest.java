package io.livepush.peer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeerSignatureTest {

    private static final String PATH = "/live/play/acme/news/stream_0/seg_00001.ts";
    private static final long NOW = 1_800_000_000L;
    private final PeerSignature signature = new PeerSignature("cluster-secret-0123456789");

    @Test
    void aSignatureMadeWithTheSharedSecretIsValid() {
        assertThat(signature.verify(signature.sign(PATH, NOW), PATH, NOW)).isTrue();
    }

    @Test
    void aSignatureIsValidWithinTheWindowEitherWay() {
        assertThat(signature.verify(signature.sign(PATH, NOW - 60), PATH, NOW)).isTrue();
        assertThat(signature.verify(signature.sign(PATH, NOW + 60), PATH, NOW)).isTrue();
        assertThat(signature.verify(signature.sign(PATH, NOW - 61), PATH, NOW)).isFalse();
        assertThat(signature.verify(signature.sign(PATH, NOW + 61), PATH, NOW)).isFalse();
    }

    @Test
    void aSignatureIsForOnePath() {
        assertThat(signature.verify(signature.sign(PATH, NOW), "/live/play/acme/news/stream_0/seg_00002.ts", NOW))
                .isFalse();
    }

    @Test
    void anotherSecretsSignatureIsInvalid() {
        String forged = new PeerSignature("another-secret-0123456789").sign(PATH, NOW);

        assertThat(signature.verify(forged, PATH, NOW)).isFalse();
    }

    @Test
    void aChangedTimeInvalidatesTheSignature() {
        String signed = signature.sign(PATH, NOW);
        String moved = (NOW + 1) + signed.substring(signed.indexOf(':'));

        assertThat(signature.verify(moved, PATH, NOW)).isFalse();
    }

    @Test
    void malformedHeadersAreInvalid() {
        for (String header : new String[] {"", ":", "abc", "1800000000", "x:AAAA", "1800000000:***",
                "99999999999999999999:AAAA", ":" + signature.sign(PATH, NOW)}) {
            assertThat(signature.verify(header, PATH, NOW)).as(header).isFalse();
        }
        assertThat(signature.verify(null, PATH, NOW)).isFalse();
    }

    @Test
    void theSecretNeverShowsInToString() {
        assertThat(signature.toString()).doesNotContain("cluster-secret");
    }
}
