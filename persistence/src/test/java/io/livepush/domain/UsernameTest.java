package io.livepush.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class UsernameTest {

    static Stream<String> goodUsernames() {
        return Stream.of(
                "a",
                "Z",
                "0",
                ".",
                "_",
                "-",
                "...",
                "encoder",
                "Encoder01",
                "user.name",
                "user_name",
                "user-name",
                "-leading",
                "trailing-",
                ".hidden",
                "A.b_C-d.9",
                "u".repeat(Username.MAX_LENGTH));
    }

    @ParameterizedTest
    @MethodSource("goodUsernames")
    void nameOfUpTo64LettersDigitsDotsUnderscoresAndHyphensIsValid(String text) {
        assertThat(Username.problem(text)).isEmpty();
        assertThat(Username.isValid(text)).isTrue();
        assertThat(Username.parse(text).value()).isEqualTo(text);
        assertThat(Username.parse(text)).hasToString(text);
    }

    static Stream<String> badUsernames() {
        return Stream.of(
                "u".repeat(Username.MAX_LENGTH + 1),
                "u".repeat(500),
                " ",
                " user",
                "user ",
                "us er",
                "us\ter",
                "us\u00e9r",
                "\u00e9",
                "\uff55ser",
                "\u0661",
                "\ud83d\ude00",
                "user@example.com",
                "user:pass",
                "us/er",
                "us\\er",
                "us%20er",
                "us+er",
                "us,er",
                "us;er",
                "us'er",
                "us\"er",
                "us\u0000er",
                "user\n",
                "us\rer",
                "us\u007fer",
                "us\u200ber");
    }

    @ParameterizedTest
    @MethodSource("badUsernames")
    void nameOutsideTheRuleIsRejected(String text) {
        assertThat(Username.problem(text)).isPresent();
        assertThat(Username.isValid(text)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> Username.parse(text))
                .withMessage(Username.problem(text).orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("badUsernames")
    void problemQuotesTheNameInPrintableForm(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        String quoted = printable.length() > 70 ? printable.substring(0, 70) + "…" : printable;

        assertThat(Username.problem(text).orElseThrow()).startsWith("'" + quoted + "' ");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingNameIsRequired(String text) {
        assertThat(Username.problem(text)).contains("A user name is required");
        assertThatIllegalArgumentException().isThrownBy(() -> new Username(text))
                .withMessage("A user name is required");
    }

    @Test
    void nameOf64CharactersIsAcceptedAnd65IsRejected() {
        String longest = "n".repeat(64);
        String tooLong = "n".repeat(65);

        assertThat(Username.isValid(longest)).isTrue();
        assertThat(Username.problem(tooLong)).contains("'" + tooLong + "' is longer than 64 characters");
    }

    @Test
    void colonIsRejectedBecauseBasicAuthenticationSplitsOnIt() {
        assertThat(Username.problem("enc:oder"))
                .contains("'enc:oder' may contain only letters, digits, '.', '_' and '-'");
    }

    @Test
    void namesAreComparedCaseSensitively() {
        assertThat(Username.parse("Encoder")).isNotEqualTo(Username.parse("encoder"));
        assertThat(Username.parse("encoder")).isEqualTo(Username.parse("encoder"));
    }
}
