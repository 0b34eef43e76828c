package io.livepush.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Authorization: Basic} parsing per RFC 7617 with UTF-8 (SPEC §4). */
class BasicCredentialsTest {

    private static String encode(String userPass) {
        return Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static Stream<Arguments> acceptedHeaders() {
        String token = encode("encoder1:secret-pass");
        return Stream.of(
                Arguments.of("canonical", "Basic " + token, "encoder1", "secret-pass"),
                Arguments.of("lower-case scheme", "basic " + token, "encoder1", "secret-pass"),
                Arguments.of("upper-case scheme", "BASIC " + token, "encoder1", "secret-pass"),
                Arguments.of("mixed-case scheme", "bAsIc " + token, "encoder1", "secret-pass"),
                Arguments.of("several spaces after the scheme", "Basic    " + token, "encoder1", "secret-pass"),
                Arguments.of("surrounding white space", "  Basic " + token + "  ", "encoder1", "secret-pass"),
                Arguments.of("password containing colons", "Basic " + encode("encoder1:pa:ss:word"), "encoder1",
                        "pa:ss:word"),
                Arguments.of("empty password", "Basic " + encode("encoder1:"), "encoder1", ""),
                Arguments.of("empty user", "Basic " + encode(":secret-pass"), "", "secret-pass"),
                Arguments.of("accented UTF-8 user", "Basic " + encode("josé:secret-pass"), "josé", "secret-pass"),
                Arguments.of("CJK UTF-8 user", "Basic " + encode("日本:パスワード"), "日本", "パスワード"),
                Arguments.of("emoji password", "Basic " + encode("encoder1:🎥🎥🎥"), "encoder1", "🎥🎥🎥"),
                Arguments.of("unpadded Base64", "Basic " + encode("ab:c").replace("=", ""), "ab", "c"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedHeaders")
    void wellFormedHeaderYieldsUserAndPassword(String rule, String header, String username, String password) {
        assertThat(BasicCredentials.parse(header)).as(rule).contains(new BasicCredentials(username, password));
    }

    static Stream<Arguments> rejectedHeaders() {
        String token = encode("encoder1:secret-pass");
        return Stream.of(
                Arguments.of("missing", null),
                Arguments.of("empty", ""),
                Arguments.of("blank", "   "),
                Arguments.of("scheme only", "Basic"),
                Arguments.of("scheme and space only", "Basic   "),
                Arguments.of("bearer scheme", "Bearer " + token),
                Arguments.of("digest scheme", "Digest username=\"encoder1\""),
                Arguments.of("scheme with a suffix", "Basicx " + token),
                Arguments.of("scheme with a prefix", "XBasic " + token),
                Arguments.of("no space after the scheme", "Basic" + token),
                Arguments.of("tab after the scheme", "Basic\t" + token),
                Arguments.of("token without scheme", token),
                Arguments.of("not Base64", "Basic !!!not-base64!!!"),
                Arguments.of("URL-safe Base64 alphabet", "Basic " + encode("ab:~~~").replace('+', '-')),
                Arguments.of("Base64 with an inner space", "Basic ZW5jb2Rl cjE6c2VjcmV0"),
                Arguments.of("Base64 with bad padding", "Basic " + token + "="),
                Arguments.of("Base64 of one stray character", "Basic Z"),
                Arguments.of("two tokens", "Basic " + token + " " + token),
                Arguments.of("no colon", "Basic " + encode("encoder1secret")),
                Arguments.of("empty token", "Basic " + encode("")),
                Arguments.of("ISO-8859-1 user instead of UTF-8",
                        "Basic " + encode("josé:pw".getBytes(StandardCharsets.ISO_8859_1))),
                Arguments.of("invalid UTF-8 byte", "Basic " + encode(new byte[] {'u', (byte) 0xff, ':', 'p'})),
                Arguments.of("overlong UTF-8 slash", "Basic " + encode(new byte[] {'u', (byte) 0xc0, (byte) 0xaf,
                    ':', 'p'})),
                Arguments.of("truncated UTF-8 sequence", "Basic " + encode(new byte[] {'u', ':', (byte) 0xe6,
                    (byte) 0x97})),
                Arguments.of("UTF-8 encoded surrogate", "Basic " + encode(new byte[] {'u', ':', (byte) 0xed,
                    (byte) 0xa0, (byte) 0x80})),
                Arguments.of("control character in the user", "Basic " + encode("enc\noder1:secret-pass")),
                Arguments.of("NUL in the password", "Basic " + encode("encoder1:secret\u0000pass")),
                Arguments.of("DEL in the password", "Basic " + encode("encoder1:secret\u007f")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedHeaders")
    void malformedHeaderYieldsNothing(String rule, String header) {
        assertThat(BasicCredentials.parse(header)).as(rule).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret-pass", "pa:ss", "日本語のパスワード"})
    void toStringNeverShowsThePassword(String password) {
        BasicCredentials credentials = BasicCredentials.parse("Basic " + encode("encoder1:" + password)).orElseThrow();

        assertThat(credentials.toString()).contains("encoder1").doesNotContain(password).contains("****");
    }

    @Test
    void credentialsWithTheSameUserAndPasswordAreEqual() {
        assertThat(BasicCredentials.parse("basic " + encode("a:b")))
                .isEqualTo(BasicCredentials.parse("Basic  " + encode("a:b")));
    }
}
