package io.livepush.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            token      | token      | true
            ''         | ''         | true
            p\u00e4ss  | p\u00e4ss  | true
            token      | Token      | false
            token      | token1     | false
            token1     | token      | false
            ''         | token      | false
            NULL       | token      | false
            token      | NULL       | false
            NULL       | NULL       | false
            p\u00e4ss  | pa\u0308ss | false
            """)
    void constantTimeEqualsComparesUtf8Bytes(String presented, String expected, boolean equal) {
        assertThat(Secrets.constantTimeEquals(presented, expected)).isEqualTo(equal);
    }

    @Test
    void randomHexOfSixteenBytesIsSlotId() {
        assertThat(Secrets.randomHex(16)).matches("[0-9a-f]{32}");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 32, 64})
    void randomHexHasTwoLowerCaseDigitsPerByte(int bytes) {
        assertThat(Secrets.randomHex(bytes)).matches("[0-9a-f]{" + 2 * bytes + "}");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 16, 32})
    void randomTokenIsUrlSafeBase64WithoutPadding(int bytes) {
        int length = (4 * bytes + 2) / 3;

        assertThat(Secrets.randomToken(bytes)).matches("[A-Za-z0-9_-]{" + length + "}");
    }

    @Test
    void randomValuesDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(Secrets.randomHex(16))).isTrue();
            assertThat(seen.add(Secrets.randomToken(16))).isTrue();
        }
    }

    @Test
    void randomHexUsesEveryDigit() {
        // 4 KiB of random hex misses one of 16 digits with probability about 16 * (15/16)^8192: never.
        assertThat(Secrets.randomHex(4096).chars().distinct().count()).isEqualTo(16);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void nonPositiveLengthIsRejected(int bytes) {
        assertThatThrownBy(() -> Secrets.randomHex(bytes)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Secrets.randomToken(bytes)).isInstanceOf(IllegalArgumentException.class);
    }
}
