package io.livepush.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;

class ManifestResponsesTest {

    private static final long MODIFIED = 1_795_741_262_674L;
    private static final Manifest MANIFEST = new Manifest(new byte[8], null, FileTime.fromMillis(MODIFIED), null,
            "W/\"8-1795741262674\"", "Fri, 27 Nov 2026 01:01:02 GMT", false);

    @Test
    void nothingConditionalIsModified() {
        assertThat(ManifestResponses.notModified(null, -1, MANIFEST)).isFalse();
    }

    @Test
    void aMatchingEntityTagWeakOrStrongIsNotModified() {
        assertThat(ManifestResponses.notModified("W/\"8-1795741262674\"", -1, MANIFEST)).isTrue();
        assertThat(ManifestResponses.notModified("\"8-1795741262674\"", -1, MANIFEST)).isTrue();
        assertThat(ManifestResponses.notModified("\"other\", W/\"8-1795741262674\"", -1, MANIFEST)).isTrue();
        assertThat(ManifestResponses.notModified("*", -1, MANIFEST)).isTrue();
    }

    @Test
    void anotherEntityTagIsModifiedEvenWhenTheDateSaysOtherwise() {
        assertThat(ManifestResponses.notModified("W/\"8-1\"", MODIFIED + 60_000, MANIFEST)).isFalse();
    }

    @Test
    void theDateComparesInWholeSeconds() {
        long second = MODIFIED / 1000 * 1000;

        assertThat(ManifestResponses.notModified(null, second, MANIFEST)).isTrue();
        assertThat(ManifestResponses.notModified(null, second + 5_000, MANIFEST)).isTrue();
        assertThat(ManifestResponses.notModified(null, second - 1_000, MANIFEST)).isFalse();
    }
}
