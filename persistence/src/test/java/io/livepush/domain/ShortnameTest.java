package io.livepush.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class ShortnameTest {

    static Stream<String> goodShortnames() {
        return Stream.of(
                "ab",
                "a1",
                "acme",
                "demo",
                "z9z9",
                "news24",
                "a0000",
                "a" + "b".repeat(Shortname.MAX_LENGTH - 1));
    }

    @ParameterizedTest
    @MethodSource("goodShortnames")
    void lowerCaseLetterThenOneTo31LowerCaseLettersOrDigitsIsValid(String text) {
        assertThat(Shortname.problem(text)).isEmpty();
        assertThat(Shortname.isValid(text)).isTrue();
        assertThat(Shortname.parse(text).value()).isEqualTo(text);
        assertThat(Shortname.parse(text)).hasToString(text);
    }

    static Stream<String> badShortnames() {
        return Stream.of(
                "a",
                "z",
                "1",
                "a".repeat(Shortname.MAX_LENGTH + 1),
                "a".repeat(100),
                "Acme",
                "aCme",
                "ACME",
                "acmE",
                "1acme",
                "9a",
                "-acme",
                "acme-",
                "ac-me",
                "ac_me",
                "_acme",
                "ac.me",
                "ac me",
                " acme",
                "acme ",
                "  ",
                "acm\u00e9",
                "\u00e9t\u00e9",
                "\uff41cme",
                "a\u0661",
                "ac\u0000me",
                "ac\tme",
                "acme\n",
                "ac/me",
                "ac%me");
    }

    @ParameterizedTest
    @MethodSource("badShortnames")
    void shortnameOutsideTheRuleIsRejected(String text) {
        assertThat(Shortname.problem(text)).isPresent();
        assertThat(Shortname.isValid(text)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> Shortname.parse(text))
                .withMessage(Shortname.problem(text).orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("badShortnames")
    void problemQuotesTheShortnameInPrintableForm(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        String quoted = printable.length() > 70 ? printable.substring(0, 70) + "…" : printable;

        assertThat(Shortname.problem(text).orElseThrow()).startsWith("'" + quoted + "' ");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingShortnameIsRequired(String text) {
        assertThat(Shortname.problem(text)).contains("A shortname is required");
        assertThatIllegalArgumentException().isThrownBy(() -> new Shortname(text))
                .withMessage("A shortname is required");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a      | 'a' must be 2 to 32 characters long
            Acme   | 'Acme' must start with a lower-case letter
            1acme  | '1acme' must start with a lower-case letter
            aCme   | 'aCme' may contain only lower-case letters and digits
            ac-me  | 'ac-me' may contain only lower-case letters and digits
            """)
    void problemSaysWhatIsWrong(String text, String message) {
        assertThat(Shortname.problem(text)).contains(message);
    }

    @Test
    void shortnameOf32CharactersIsAcceptedAnd33IsRejected() {
        String longest = "s".repeat(32);
        String tooLong = "s".repeat(33);

        assertThat(Shortname.isValid(longest)).isTrue();
        assertThat(Shortname.problem(tooLong)).contains("'" + tooLong + "' must be 2 to 32 characters long");
    }
}
