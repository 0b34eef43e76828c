package io.livepush.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestLinksTest {

    private static final Path SLOT = Path.of("/storage/acme/cam1");
    private static final Path PLAYLIST = SLOT.resolve("720p/index.m3u8");

    @Test
    void aRelativeNameResolvesBesideTheManifestWithoutItsQuery() {
        assertThat(ManifestLinks.resolve(SLOT, PLAYLIST, "seg1.ts?x=1")).isEqualTo(SLOT.resolve("720p/seg1.ts"));
        assertThat(ManifestLinks.resolve(SLOT, PLAYLIST, "../audio/a%201.aac"))
                .isEqualTo(SLOT.resolve("audio/a 1.aac"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://cdn.example.com/seg1.ts", "//cdn.example.com/seg1.ts", "/live/seg1.ts",
        "../../other/seg1.ts", "../../../globex/cam1/seg1.ts", "..", "bad uri with spaces^", ""})
    void aNameOutsideTheSlotCannotBeChecked(String reference) {
        assertThat(ManifestLinks.resolve(SLOT, PLAYLIST, reference)).isNull();
    }
}
