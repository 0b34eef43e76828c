package io.livepush.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FreeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "Main stage", "Bühne – Haupteingang 🎥", "tab-free, quote \" and <html>"})
    void printableTextIsAccepted(String text) {
        assertThat(FreeText.problem(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "line\nbreak", "tab\there", "escape\u001b[31m", "del\u007f", "c1\u0085"})
    void controlCharactersAreRefused(String text) {
        assertThat(FreeText.problem(text)).hasValueSatisfying(message -> assertThat(message)
                .startsWith("Control characters are not allowed (found U+"));
    }
}
