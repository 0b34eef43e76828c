package io.livepush.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class PasswordPolicyTest {

    private static final String USER = "encoder";

    static Stream<String> acceptablePasswords() {
        return Stream.of(
                "abcdefghijkl",
                "Tr0ub4dor&3x",
                "correct horse battery staple",
                "p\u00e4ssw\u00f6rd-\u00fcn\u00efc\u00f6de",
                "aaaaaaaaaaab",
                "abababababab",
                "           x",
                "\ud83d\ude00\ud83d\ude01\ud83d\ude02\ud83d\ude03\ud83d\ude04\ud83d\ude05"
                        + "\ud83d\ude06\ud83d\ude07\ud83d\ude08\ud83d\ude09\ud83d\ude0a\ud83d\ude0b",
                "x".repeat(127) + "y",
                "abc-ENCODE-r9");
    }

    @ParameterizedTest
    @MethodSource("acceptablePasswords")
    void passwordOf12To128CharactersWithoutControlsRepetitionOrUserNameIsAcceptable(String password) {
        assertThat(PasswordPolicy.problem(password, USER)).isEmpty();
        assertThat(PasswordPolicy.isAcceptable(password, USER)).isTrue();
        assertThatNoException().isThrownBy(() -> PasswordPolicy.check(password, USER));
    }

    static Stream<Arguments> unacceptablePasswords() {
        return Stream.of(
                Arguments.of("x1", "The password must be at least 12 characters long"),
                Arguments.of("abcdefghijk", "The password must be at least 12 characters long"),
                Arguments.of("           ", "The password must be at least 12 characters long"),
                Arguments.of("\ud83d\ude00\ud83d\ude01\ud83d\ude02\ud83d\ude03\ud83d\ude04\ud83d\ude05"
                        + "\ud83d\ude06\ud83d\ude07\ud83d\ude08\ud83d\ude09\ud83d\ude0a",
                        "The password must be at least 12 characters long"),
                Arguments.of("x".repeat(128) + "y", "The password must be at most 128 characters long"),
                Arguments.of("xy".repeat(500), "The password must be at most 128 characters long"),
                Arguments.of("abcdefghijk\u0000", "The password must not contain control characters"),
                Arguments.of("abcdef\tghijkl", "The password must not contain control characters"),
                Arguments.of("abcdefghijkl\n", "The password must not contain control characters"),
                Arguments.of("\rabcdefghijkl", "The password must not contain control characters"),
                Arguments.of("abcdef\u007fghijkl", "The password must not contain control characters"),
                Arguments.of("abcdef\u0085ghijkl", "The password must not contain control characters"),
                Arguments.of("\u001b[31mabcdefghijkl", "The password must not contain control characters"),
                Arguments.of("aaaaaaaaaaaa", "The password must not repeat a single character"),
                Arguments.of("            ", "The password must not repeat a single character"),
                Arguments.of("7".repeat(128), "The password must not repeat a single character"),
                Arguments.of("my-encoder-password", "The password must not contain the user name"),
                Arguments.of("MY-ENCODER-PASSWORD", "The password must not contain the user name"),
                Arguments.of("encoder12345", "The password must not contain the user name"),
                Arguments.of("12345EnCoDeR", "The password must not contain the user name"));
    }

    @ParameterizedTest
    @MethodSource("unacceptablePasswords")
    void passwordBreakingThePolicyIsRejectedWithTheReason(String password, String message) {
        assertThat(PasswordPolicy.problem(password, USER)).contains(message);
        assertThat(PasswordPolicy.isAcceptable(password, USER)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> PasswordPolicy.check(password, USER))
                .withMessage(message);
    }

    @ParameterizedTest
    @MethodSource("unacceptablePasswords")
    void messageNeverContainsThePassword(String password, String ignored) {
        String message = PasswordPolicy.problem(password, USER).orElseThrow();

        assertThat(message).doesNotContain(password).doesNotContain("'").isIn(
                "The password must be at least 12 characters long",
                "The password must be at most 128 characters long",
                "The password must not contain control characters",
                "The password must not repeat a single character",
                "The password must not contain the user name");
    }

    @Test
    void messageNeverContainsADistinctivePassword() {
        String tooShort = "Zq9#";
        String tooLong = "Zq9#".repeat(40);
        String withControl = "Zq9#Zq9#Zq9#\u0000";

        for (String password : new String[] {tooShort, tooLong, withControl, "Zq9#encoderZq9#"}) {
            assertThat(PasswordPolicy.problem(password, USER).orElseThrow()).doesNotContain("Zq9#");
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingPasswordIsRequired(String password) {
        assertThat(PasswordPolicy.problem(password, USER)).contains("A password is required");
        assertThat(PasswordPolicy.isAcceptable(password, USER)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void withoutUserNameOnlyTheOtherRulesApply(String username) {
        assertThat(PasswordPolicy.problem("encoder-password", username)).isEmpty();
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        String elevenEmoji = "\ud83c\udfb5".repeat(5) + "\ud83c\udfb6".repeat(6);
        String twelveEmoji = elevenEmoji + "\ud83c\udfb5";

        assertThat(PasswordPolicy.isAcceptable(elevenEmoji, USER)).isFalse();
        assertThat(PasswordPolicy.isAcceptable(twelveEmoji, USER)).isTrue();
    }

    @Test
    void passwordOfOneRepeatedSupplementaryCharacterIsRejected() {
        String password = "\ud83d\ude00".repeat(12);

        assertThat(PasswordPolicy.problem(password, USER)).contains("The password must not repeat a single character");
    }
}
