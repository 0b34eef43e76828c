package io.livepush.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class SlotNameTest {

    static Stream<String> goodNames() {
        return Stream.of(
                "a",
                "Z",
                "0",
                "live",
                "Live-Event-2024",
                "event-1",
                "a-b",
                "a--b",
                "9news",
                "ABCxyz019",
                "a".repeat(SlotName.MAX_LENGTH),
                "a" + "-".repeat(SlotName.MAX_LENGTH - 2) + "z");
    }

    @ParameterizedTest
    @MethodSource("goodNames")
    void nameOfLettersDigitsAndInnerHyphensUpTo63CharactersIsValid(String text) {
        assertThat(SlotName.problem(text)).isEmpty();
        assertThat(SlotName.isValid(text)).isTrue();
        assertThat(SlotName.parse(text).value()).isEqualTo(text);
        assertThat(SlotName.parse(text)).hasToString(text);
    }

    static Stream<String> badNames() {
        return Stream.of(
                "a".repeat(SlotName.MAX_LENGTH + 1),
                "a".repeat(200),
                "-",
                "--",
                "-a",
                "a-",
                "-a-",
                " ",
                " a",
                "a ",
                "a b",
                "a\tb",
                "\t",
                "é",
                "caf\u00e9",
                "cafe\u0301",
                "\uff41bc",
                "\u0661\u0662",
                "stra\u00dfe",
                "\ud83d\ude00",
                "a_b",
                "_a",
                "a.b",
                "a/b",
                "a\\b",
                "..",
                "a%20b",
                "a+b",
                "a:b",
                "a@b",
                "a\u0000b",
                "a\nb",
                "a\rb",
                "a\u007fb",
                "a\u0085b",
                "a\u200bb");
    }

    @ParameterizedTest
    @MethodSource("badNames")
    void nameOutsideTheRuleIsRejected(String text) {
        assertThat(SlotName.problem(text)).isPresent();
        assertThat(SlotName.isValid(text)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> SlotName.parse(text))
                .withMessage(SlotName.problem(text).orElseThrow());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingNameIsRequired(String text) {
        assertThat(SlotName.problem(text)).contains("A slot name is required");
        assertThatIllegalArgumentException().isThrownBy(() -> new SlotName(text))
                .withMessage("A slot name is required");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a_b     | 'a_b' may contain only letters, digits and '-'
            caf\u00e9  | 'caf\u00e9' may contain only letters, digits and '-'
            a b     | 'a b' may contain only letters, digits and '-'
            -live   | '-live' must not start or end with '-'
            live-   | 'live-' must not start or end with '-'
            WEB-INF | 'WEB-INF' is reserved
            web-inf | 'web-inf' is reserved
            Meta-Inf | 'Meta-Inf' is reserved
            """)
    void problemQuotesTheName(String text, String message) {
        assertThat(SlotName.problem(text)).contains(message);
    }

    @Test
    void nameOf63CharactersIsAcceptedAnd64IsRejected() {
        String longest = "x".repeat(63);
        String tooLong = "x".repeat(64);

        assertThat(SlotName.isValid(longest)).isTrue();
        assertThat(SlotName.problem(tooLong)).contains("'" + tooLong + "' is longer than 63 characters");
    }

    @Test
    void quotedLongNameIsCutAfter70Characters() {
        String text = "n".repeat(100);

        assertThat(SlotName.problem(text)).contains("'" + "n".repeat(70) + "…' is longer than 63 characters");
    }

    @Test
    void quotedControlCharacterIsMadePrintable() {
        assertThat(SlotName.problem("bad\nname"))
                .contains("'bad?name' may contain only letters, digits and '-'");
    }

    @Test
    void namesDifferingOnlyInCaseShareTheUniquenessKey() {
        SlotName mixed = SlotName.parse("Live-Event");
        SlotName lower = SlotName.parse("live-event");

        assertThat(mixed.key()).isEqualTo("live-event").isEqualTo(lower.key());
        assertThat(mixed).isNotEqualTo(lower);
        assertThat(mixed.value()).isEqualTo("Live-Event");
    }
}
