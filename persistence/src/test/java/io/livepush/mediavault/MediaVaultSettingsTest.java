package io.livepush.mediavault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaVaultSettingsTest {

    private static final String SECRET = "livepushsecret";
    private static final String OTHER_SECRET = "rotatedsecret2";

    private static MediaVaultSettings.Builder on() {
        return MediaVaultSettings.builder().mode(MediaVaultMode.URL).primarySecret(SECRET);
    }

    @Test
    void defaultsAreModeNoneDenyStatus400MarkerTokenDelimiterTildeNoSkew() {
        MediaVaultSettings settings = MediaVaultSettings.disabled();

        assertThat(settings.mode()).isEqualTo(MediaVaultMode.NONE);
        assertThat(settings.primarySecret()).isNull();
        assertThat(settings.secondarySecret()).isNull();
        assertThat(settings.denyStatus()).isEqualTo(400);
        assertThat(settings.pathBased()).isFalse();
        assertThat(settings.pathToken()).isEqualTo("token=");
        assertThat(settings.pathDelim()).isEqualTo("~");
        assertThat(settings.strictReferrer()).isFalse();
        assertThat(settings.clockSkewSeconds()).isZero();
    }

    @Test
    void modeIsRequired() {
        assertThat(on().mode(null).problems()).containsOnlyKeys(MediaVaultSettings.MODE);
    }

    @Test
    void modeOtherThanNoneNeedsAPrimarySecret() {
        assertThat(on().primarySecret(null).problems()).containsOnlyKeys(MediaVaultSettings.PRIMARY_SECRET);
        assertThat(on().primarySecret("").problems()).containsOnlyKeys(MediaVaultSettings.PRIMARY_SECRET);
        assertThat(on().problems()).isEmpty();
    }

    @Test
    void modeNoneNeedsNoSecret() {
        assertThat(MediaVaultSettings.builder().problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcd1234", "livepushsecret", "ABCdef0123456789"})
    void secretOfEightTo128LettersOrDigitsIsAccepted(String secret) {
        assertThat(on().primarySecret(secret).problems()).isEmpty();
        assertThat(MediaVaultSettings.isValidSecret(secret)).isTrue();
    }

    @Test
    void secretOf128CharactersIsAcceptedAnd129IsNot() {
        assertThat(MediaVaultSettings.isValidSecret("a".repeat(128))).isTrue();
        assertThat(MediaVaultSettings.isValidSecret("a".repeat(129))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc1234", "with space1", "dash-secret", "under_score1", "umlautsä123", "semi;colon1"})
    void secretThatIsShortOrNotAlphanumericIsRejected(String secret) {
        assertThat(on().primarySecret(secret).problems()).containsOnlyKeys(MediaVaultSettings.PRIMARY_SECRET);
        assertThat(on().secondarySecret(secret).problems()).containsOnlyKeys(MediaVaultSettings.SECONDARY_SECRET);
    }

    @Test
    void secondarySecretNeedsAPrimarySecret() {
        MediaVaultSettings.Builder draft = MediaVaultSettings.builder().secondarySecret(OTHER_SECRET);

        assertThat(draft.problems()).containsOnlyKeys(MediaVaultSettings.SECONDARY_SECRET);
        assertThat(on().secondarySecret(OTHER_SECRET).problems()).isEmpty();
    }

    @Test
    void secondarySecretMustDifferFromPrimary() {
        assertThat(on().secondarySecret(SECRET).problems()).containsOnlyKeys(MediaVaultSettings.SECONDARY_SECRET);
    }

    @Test
    void emptySecondarySecretMeansNone() {
        MediaVaultSettings settings = on().secondarySecret("").build();

        assertThat(settings.secondarySecret()).isNull();
        assertThat(settings.hasSecondarySecret()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410, 451, 500, 503, 599})
    void denyStatusFrom400To599IsAccepted(int status) {
        assertThat(on().denyStatus(status).problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 200, 302, 399, 600, -400})
    void denyStatusOutside400To599IsRejected(int status) {
        assertThat(on().denyStatus(status).problems()).containsOnlyKeys(MediaVaultSettings.DENY_STATUS);
    }

    @Test
    void pathBasedIsRejectedWithModeNone() {
        assertThat(MediaVaultSettings.builder().pathBased(true).problems())
                .containsOnlyKeys(MediaVaultSettings.PATH_BASED);
        assertThat(on().pathBased(true).problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"token=", "tok=", "mvtoken12345", "a/b=", "TOKEN", "1234"})
    void pathTokenOfFourToTwelveLettersDigitsSlashOrEqualsIsAccepted(String marker) {
        assertThat(on().pathToken(marker).problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "to=", "token=token=1", "tok~n=", "tok-n=", "tok%3D", "////", "/token=", "token/",
        "to//ken="})
    void pathTokenWithBadLengthCharactersOrSlashesIsRejected(String marker) {
        assertThat(on().pathToken(marker).problems()).containsOnlyKeys(MediaVaultSettings.PATH_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"~", "|", "^", "{"})
    void pathDelimOfOneUnreservedNonValueCharacterIsAccepted(String delimiter) {
        assertThat(on().pathDelim(delimiter).problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "~~", "!", ":", "/", "?", "#", "[", "]", "@", "$", "&", "'", "(", ")", "*", "+", ",",
        ";", "=", "%", ".", "-", "_", "a", "7", " ", "é"})
    void pathDelimThatIsReservedAlphanumericOrNotOneCharacterIsRejected(String delimiter) {
        assertThat(on().pathDelim(delimiter).problems()).containsOnlyKeys(MediaVaultSettings.PATH_DELIM);
    }

    @Test
    void nullPathTokenAndDelimiterTakeTheDefaultsInTheConstructor() {
        MediaVaultSettings settings = new MediaVaultSettings(MediaVaultMode.URL, SECRET, null, 400, true, null, null,
                false, 0);

        assertThat(settings.pathToken()).isEqualTo(MediaVaultSettings.DEFAULT_PATH_TOKEN);
        assertThat(settings.pathDelim()).isEqualTo(MediaVaultSettings.DEFAULT_PATH_DELIM);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 30, 300})
    void clockSkewFromZeroTo300SecondsIsAccepted(int skew) {
        assertThat(on().clockSkewSeconds(skew).problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 301, 3600})
    void clockSkewOutsideZeroTo300SecondsIsRejected(int skew) {
        assertThat(on().clockSkewSeconds(skew).problems()).containsOnlyKeys(MediaVaultSettings.CLOCK_SKEW_SECONDS);
    }

    @Test
    void problemsListsEveryBadFieldInFieldOrder() {
        var problems = MediaVaultSettings.problems(MediaVaultMode.NONE, "short", "bad-secret", 200, true, "x", "&",
                -1);

        assertThat(problems.keySet()).containsExactly(MediaVaultSettings.PRIMARY_SECRET,
                MediaVaultSettings.SECONDARY_SECRET, MediaVaultSettings.DENY_STATUS, MediaVaultSettings.PATH_BASED,
                MediaVaultSettings.PATH_TOKEN, MediaVaultSettings.PATH_DELIM, MediaVaultSettings.CLOCK_SKEW_SECONDS);
    }

    @Test
    void constructorRejectsInvalidSettingsWithoutEchoingTheSecret() {
        assertThatThrownBy(() -> on().primarySecret("sh0rt").secondarySecret("also-bad!").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(MediaVaultSettings.PRIMARY_SECRET)
                .hasMessageNotContaining("sh0rt")
                .hasMessageNotContaining("also-bad!");
    }

    @Test
    void toStringRedactsSecrets() {
        MediaVaultSettings settings = on().secondarySecret(OTHER_SECRET).build();

        assertThat(settings.toString()).doesNotContain(SECRET).doesNotContain(OTHER_SECRET).contains("(set)");
    }

    @Test
    void equalSettingsAreEqualAndDifferentSecretsAreNot() {
        assertThat(on().build()).isEqualTo(on().build()).hasSameHashCodeAs(on().build());
        assertThat(on().build()).isNotEqualTo(on().primarySecret(OTHER_SECRET).build());
    }

    @Test
    void toBuilderRoundTrips() {
        MediaVaultSettings settings = on().secondarySecret(OTHER_SECRET).denyStatus(403).pathBased(true)
                .pathToken("tok=").pathDelim("|").strictReferrer(true).clockSkewSeconds(5).build();

        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }
}
