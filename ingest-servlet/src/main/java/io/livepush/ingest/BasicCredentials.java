package io.livepush.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The user name and password of an {@code Authorization: Basic} header (RFC 7617, UTF-8). {@link #toString()} never
 * shows the password.
 */
public record BasicCredentials(String username, String password) {

    private static final String SCHEME = "basic";

    /**
     * Parses the header value; empty when it is missing, names another scheme, is not strict Base64, is not UTF-8,
     * has no colon or contains a control character.
     */
    public static Optional<BasicCredentials> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space != SCHEME.length() || !value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String encoded = value.substring(space + 1).strip();
        try {
            byte[] decoded = Base64.getDecoder().decode(encoded);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded))
                    .toString();
            int colon = text.indexOf(':');
            if (colon < 0 || hasControlCharacter(text)) {
                return Optional.empty();
            }
            return Optional.of(new BasicCredentials(text.substring(0, colon), text.substring(colon + 1)));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** RFC 7617 §2: neither the user-id nor the password may contain control characters. */
    private static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + ", password=****]";
    }
}
