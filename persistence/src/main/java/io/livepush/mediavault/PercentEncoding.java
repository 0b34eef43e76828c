package io.livepush.mediavault;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Percent-decoding of term values (RFC 3986, UTF-8, no {@code +} rule) and escaping for cookie values. */
final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /** Decodes {@code %XX} escapes; returns {@code null} for a broken escape or bytes that are not UTF-8. */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                continue;
            }
            int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (low < 0 || text.charAt(i + 1) > 'f' || text.charAt(i + 2) > 'f') {
                return null;
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Escapes every character outside RFC 6265 {@code cookie-octet} (space, {@code " , ; \}, controls, non-ASCII)
     * as {@code %XX}, so copied {@code ip}/{@code r}/{@code cp} values survive in a cookie; {@code %} itself is
     * kept, because the value is percent-decoded again when the cookie is checked.
     */
    static String escapeForCookie(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isCookieOctet(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX[b >> 4 & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out == null ? value : out.toString();
    }

    private static boolean isCookieOctet(char c) {
        return c > ' ' && c < 0x7f && c != '"' && c != ',' && c != ';' && c != '\\';
    }
}
