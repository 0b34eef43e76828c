package io.livepush.mediavault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * MD5 over {@code secret + parts...} (reference/mediavault.md §4), hex conversion and constant-time comparison.
 * MD5 is weak, but it is the wire protocol.
 */
final class TokenDigests {

    /** Length of {@code h} in hex digits. */
    static final int HEX_LENGTH = 32;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * One digest per thread: looking up a provider costs more than hashing a URL, and playback verifies on every
     * request. {@link MessageDigest#digest()} resets it for the next use. Holds no class of ours, so it does not pin a
     * web application's class loader to the container's threads.
     */
    private static final ThreadLocal<MessageDigest> MD5 = new ThreadLocal<>();

    private TokenDigests() {
    }

    /** Returns MD5 of the secret bytes followed by the UTF-8 bytes of each part. */
    static byte[] md5(byte[] secret, String... parts) {
        MessageDigest md5 = MD5.get();
        if (md5 == null) {
            md5 = newMd5();
            MD5.set(md5);
        }
        md5.update(secret);
        for (String part : parts) {
            md5.update(part.getBytes(StandardCharsets.UTF_8));
        }
        return md5.digest();
    }

    /** Returns whether {@code received} equals the digest of either secret, comparing in constant time. */
    static boolean matchesEither(byte[] received, byte[] primary, byte[] secondary, String... parts) {
        if (MessageDigest.isEqual(received, md5(primary, parts))) {
            return true;
        }
        return secondary != null && MessageDigest.isEqual(received, md5(secondary, parts));
    }

    /** Returns lower-case hex. */
    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[i * 2] = HEX[bytes[i] >> 4 & 0xf];
            out[i * 2 + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /** Decodes exactly 32 hex digits of either case from {@code text[from, to)}; {@code null} otherwise. */
    static byte[] unhex(String text, int from, int to) {
        if (to - from != HEX_LENGTH) {
            return null;
        }
        byte[] out = new byte[HEX_LENGTH / 2];
        for (int i = 0; i < out.length; i++) {
            int high = hexDigit(text.charAt(from + i * 2));
            int low = hexDigit(text.charAt(from + i * 2 + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            out[i] = (byte) (high << 4 | low);
        }
        return out;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide MD5, so this could never happen; fail loudly if it does.
            throw new IllegalStateException("MD5 is not available", e);
        }
    }
}
