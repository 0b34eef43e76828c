package io.livepush.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PasswordHasherTest {

    private static final Argon2Settings FAST = new Argon2Settings(1024, 1, 1);
    private static final String PHC = "\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}";

    /** "password", salt "somesalt", m=1024,t=2,p=1; from the reference tool: {@code argon2 somesalt -id -t 2 -m 10}. */
    private static final String KAT_PASSWORD =
            "$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHQ$7FfsnA6vUe7qLpL/3Kqc3uR48ZJyFbUVt7jWZlf0Htk";

    /** "correct horse battery staple", salt "saltsaltsaltsalt", m=1024,t=2,p=1; from the reference tool. */
    private static final String KAT_STAPLE =
            "$argon2id$v=19$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ";

    private final PasswordHasher hasher = new PasswordHasher(FAST);

    /**
     * Vectors from the Argon2 reference implementation (Debian package {@code argon2}, 0~20171227), made with
     * {@code printf '%s' PASSWORD | argon2 SALT -id -t T -m LOG2_KIB -p P -l 32 -e}.
     */
    static Stream<Arguments> knownAnswers() {
        return Stream.of(
                Arguments.of("password", KAT_PASSWORD),
                Arguments.of("correct horse battery staple", KAT_STAPLE),
                Arguments.of("password", "$argon2id$v=19$m=2048,t=3,p=2$c29tZXNhbHRzb21lc2FsdA"
                        + "$dj7uSl5EVeemJXIGOeqr/3g9pDaAnNMMqgF0jrl/A4o"),
                Arguments.of("p\u00e4ssw\u00f6rd\u20ac \u5bc6\u7801",
                        "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$B2vlV/ZXdYoGE4xjXafW4gv9yezQ6xKa3"
                                + "+l3qCW8JRs"));
    }

    @ParameterizedTest
    @MethodSource("knownAnswers")
    void referenceImplementationHashesVerify(String password, String encoded) {
        assertThat(hasher.verify(password.toCharArray(), encoded)).isTrue();
        assertThat(hasher.verify((password + "x").toCharArray(), encoded)).isFalse();
    }

    @Test
    void hashWithFixedSaltEqualsReferenceImplementation() {
        var reference = new PasswordHasher(new Argon2Settings(1024, 2, 1));
        byte[] salt = "saltsaltsaltsalt".getBytes(StandardCharsets.US_ASCII);

        assertThat(reference.hash("correct horse battery staple".toCharArray(), salt)).isEqualTo(KAT_STAPLE);
    }

    @Test
    void hashedPasswordVerifies() {
        String encoded = hasher.hash("s3cret!".toCharArray());

        assertThat(hasher.verify("s3cret!".toCharArray(), encoded)).isTrue();
    }

    @Test
    void wrongPasswordIsRejected() {
        String encoded = hasher.hash("s3cret!".toCharArray());

        assertThat(hasher.verify("s3cret?".toCharArray(), encoded)).isFalse();
        assertThat(hasher.verify("".toCharArray(), encoded)).isFalse();
    }

    @Test
    void unicodePasswordIsHashedAsUtf8() {
        char[] password = "p\u00e4ssw\u00f6rd\u20ac \u5bc6\u7801 \ud83d\udd11".toCharArray();
        String encoded = hasher.hash(password);

        assertThat(hasher.verify(password, encoded)).isTrue();
        assertThat(hasher.verify("passwrd  ".toCharArray(), encoded)).isFalse();
    }

    @Test
    void emptyPasswordRoundTrips() {
        String encoded = hasher.hash(new char[0]);

        assertThat(hasher.verify(new char[0], encoded)).isTrue();
        assertThat(hasher.verify(" ".toCharArray(), encoded)).isFalse();
    }

    @Test
    void unpairedSurrogateCannotBeHashedAndMessageHidesPassword() {
        char[] password = {'h', 'u', 'n', 't', 'e', 'r', '\ud800'};

        assertThatThrownBy(() -> hasher.hash(password))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter");
        assertThat(hasher.verify(password, KAT_PASSWORD)).isFalse();
    }

    @Test
    void hashIsInPhcFormat() {
        assertThat(hasher.hash("password".toCharArray())).matches(PHC);
    }

    @Test
    void samePasswordHashesDifferentlyEachTime() {
        String first = hasher.hash("password".toCharArray());
        String second = hasher.hash("password".toCharArray());

        assertThat(first).isNotEqualTo(second);
        assertThat(first.split("\\$")[4]).isNotEqualTo(second.split("\\$")[4]);
    }

    @Test
    void hashLeavesCallersPasswordIntact() {
        char[] password = "password".toCharArray();
        hasher.verify(password, hasher.hash(password));

        assertThat(password).containsExactly("password".toCharArray());
    }

    @Test
    void verifyUsesStoredParametersNotOwn() {
        var other = new PasswordHasher(new Argon2Settings(2048, 2, 2));

        assertThat(other.verify("password".toCharArray(), KAT_PASSWORD)).isTrue();
    }

    static Stream<String> malformedHashes() {
        String salt = "c29tZXNhbHQ";
        String hash = "7FfsnA6vUe7qLpL/3Kqc3uR48ZJyFbUVt7jWZlf0Htk";
        return Stream.of(
                null,
                "",
                "password",
                "$argon2id$",
                // argon2i and argon2d of the same password: right password, wrong variant
                "$argon2i$v=19$m=1024,t=2,p=1$c29tZXNhbHQ$/AomWzXGuO56QhmXE3p9/0R81VDwTUaD1xQMkGw+IbQ",
                "$argon2d$v=19$m=1024,t=2,p=1$" + salt + "$" + hash,
                "$ARGON2ID$v=19$m=1024,t=2,p=1$" + salt + "$" + hash,
                "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
                // version 16 of the same password, made by the reference tool with -v 10
                "$argon2id$v=16$m=1024,t=2,p=1$c29tZXNhbHQ$DJkDlhYQjMAOfRGtyek9T6PwKEE/HIKrG4LbYkikiYw",
                "$argon2id$m=1024,t=2,p=1$" + salt + "$" + hash,
                "$argon2id$v=19$" + salt + "$" + hash,
                "$argon2id$v=19$m=1024,t=2,p=1$" + salt,
                "$argon2id$v=19$m=1024,t=2,p=1$" + salt + "$",
                "$argon2id$v=19$m=1024,t=2,p=1$$" + hash,
                "$argon2id$v=19$m=1024,t=2,p=1$" + salt + "$" + hash + "$",
                "$argon2id$v=19$m=1024,t=2,p=1$" + salt + "$" + hash + "\n",
                " $argon2id$v=19$m=1024,t=2,p=1$" + salt + "$" + hash,
                "$argon2id$v=19$t=2,m=1024,p=1$" + salt + "$" + hash,
                "$argon2id$v=19$m=1024,t=2,p=1,keyid=x$" + salt + "$" + hash,
                "$argon2id$v=19$m=01024,t=2,p=1$" + salt + "$" + hash,
                "$argon2id$v=19$m=+1024,t=2,p=1$" + salt + "$" + hash,
                "$argon2id$v=19$m=-1024,t=2,p=1$" + salt + "$" + hash,
                // absurd costs that would exhaust memory or CPU if computed
                "$argon2id$v=19$m=2147483648,t=2,p=1$" + salt + "$" + hash,
                "$argon2id$v=19$m=2147483647,t=2,p=1$" + salt + "$" + hash,
                "$argon2id$v=19$m=99999999999,t=2,p=1$" + salt + "$" + hash,
                "$argon2id$v=19$m=1048577,t=2,p=1$" + salt + "$" + hash,
                "$argon2id$v=19$m=1024,t=101,p=1$" + salt + "$" + hash,
                "$argon2id$v=19$m=1024,t=4294967295,p=1$" + salt + "$" + hash,
                "$argon2id$v=19$m=1024,t=2,p=17$" + salt + "$" + hash,
                "$argon2id$v=19$m=1024,t=0,p=1$" + salt + "$" + hash,
                "$argon2id$v=19$m=1024,t=2,p=0$" + salt + "$" + hash,
                "$argon2id$v=19$m=7,t=2,p=1$" + salt + "$" + hash,
                "$argon2id$v=19$m=1024,t=2,p=1$" + salt + "=$" + hash,
                "$argon2id$v=19$m=1024,t=2,p=1$" + salt + "$" + hash + "=",
                "$argon2id$v=19$m=1024,t=2,p=1$" + salt + "$" + hash.replace('/', '_'),
                "$argon2id$v=19$m=1024,t=2,p=1$" + salt + "!$" + hash,
                // same bytes as the valid hash, but with non-zero unused trailing bits
                "$argon2id$v=19$m=1024,t=2,p=1$" + salt + "$" + hash.substring(0, 42) + "l",
                "$argon2id$v=19$m=1024,t=2,p=1$" + salt + "$" + hash.substring(0, 41),
                "$argon2id$v=19$m=1024,t=2,p=1$c2FsdA$" + hash,
                "$argon2id$v=19$m=1024,t=2,p=1$" + salt + "$7FfsnA6vUe7qLpL",
                "$argon2id$v=19$m=1024,t=2,p=1$" + salt + "$" + hash.repeat(3),
                "$argon2id$v=19$m=1024,t=2,p=1$" + salt + "$" + "A".repeat(10_000));
    }

    @ParameterizedTest
    @MethodSource("malformedHashes")
    void malformedStoredHashNeverMatchesNorThrows(String encoded) {
        assertThat(hasher.verify("password".toCharArray(), encoded)).isFalse();
        assertThat(hasher.needsRehash(encoded)).isTrue();
        assertThat(hasher.verifyAndUpgrade("password".toCharArray(), encoded).matches()).isFalse();
    }

    @Test
    void flippedHashBitIsRejected() {
        String tampered = KAT_PASSWORD.replace("$7Ffs", "$7Ffr");

        assertThat(hasher.verify("password".toCharArray(), tampered)).isFalse();
    }

    @Test
    void needsRehashIsFalseForOwnSettings() {
        assertThat(hasher.needsRehash(hasher.hash("password".toCharArray()))).isFalse();
    }

    @Test
    void needsRehashIsTrueForOtherSettings() {
        String encoded = hasher.hash("password".toCharArray());

        assertThat(new PasswordHasher(new Argon2Settings(2048, 1, 1)).needsRehash(encoded)).isTrue();
        assertThat(new PasswordHasher(new Argon2Settings(1024, 2, 1)).needsRehash(encoded)).isTrue();
        assertThat(new PasswordHasher(new Argon2Settings(1024, 1, 2)).needsRehash(encoded)).isTrue();
    }

    @Test
    void needsRehashIsTrueForShortSalt() {
        // KAT_PASSWORD has the reference tool's 8-byte salt "somesalt".
        assertThat(new PasswordHasher(new Argon2Settings(1024, 2, 1)).needsRehash(KAT_PASSWORD)).isTrue();
    }

    @Test
    void matchWithOldSettingsYieldsUpgradedHash() {
        String old = new PasswordHasher(new Argon2Settings(512, 1, 1)).hash("password".toCharArray());

        PasswordHasher.Verification result = hasher.verifyAndUpgrade("password".toCharArray(), old);

        assertThat(result.matches()).isTrue();
        assertThat(result.upgradedHash()).hasValueSatisfying(upgraded -> {
            assertThat(upgraded).matches(PHC);
            assertThat(hasher.verify("password".toCharArray(), upgraded)).isTrue();
            assertThat(hasher.needsRehash(upgraded)).isFalse();
        });
    }

    @Test
    void matchWithCurrentSettingsYieldsNoUpgrade() {
        String current = hasher.hash("password".toCharArray());

        PasswordHasher.Verification result = hasher.verifyAndUpgrade("password".toCharArray(), current);

        assertThat(result.matches()).isTrue();
        assertThat(result.upgradedHash()).isEmpty();
    }

    @Test
    void wrongPasswordYieldsNoUpgrade() {
        String old = new PasswordHasher(new Argon2Settings(512, 1, 1)).hash("password".toCharArray());

        PasswordHasher.Verification result = hasher.verifyAndUpgrade("wrong".toCharArray(), old);

        assertThat(result.matches()).isFalse();
        assertThat(result.upgradedHash()).isEmpty();
    }

    @Test
    void verificationCannotCarryUpgradeWithoutMatch() {
        assertThatThrownBy(() -> new PasswordHasher.Verification(false, Optional.of("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void standardHasherUsesOwaspSettingsAndRoundTrips() {
        PasswordHasher standard = PasswordHasher.standard();
        String encoded = standard.hash("password".toCharArray());

        assertThat(encoded).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(standard.verify("password".toCharArray(), encoded)).isTrue();
        assertThat(standard.needsRehash(encoded)).isFalse();
    }
}
