package io.livepush.peer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Node-to-node authentication of peer-fill requests: header {@value #HEADER} carries
 * {@code {epochSeconds}:{base64url(HMAC-SHA256(secret, rawPath + "\n" + epochSeconds))}} made with the cluster secret
 * every {@code live.war} node shares ({@code peerFill.secret}). A valid header lets one read of one path bypass the
 * viewer rules and MediaVault, and marks the request as a peer's, which this node never answers by filling from its own
 * peer (no loops). Checks compare in constant time; the secret and header values are never logged.
 */
public final class PeerSignature {

    /** The request header of a peer-fill fetch. */
    public static final String HEADER = "X-Livepush-Peer";
    /** How far a signature's time may be from this node's clock, either way. */
    public static final long WINDOW_SECONDS = 60;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param secret the cluster secret; at least {@value PeerFillConfig#MIN_SECRET_LENGTH} characters */
    public PeerSignature(String secret) {
        key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The header value for a fetch of {@code rawPath} (the percent-encoded path of the URL) at {@code epochSeconds}. */
    public String sign(String rawPath, long epochSeconds) {
        return epochSeconds + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(rawPath, epochSeconds));
    }

    /** Whether {@code header} is a valid signature of {@code rawPath} made within the window around {@code now}. */
    public boolean verify(String header, String rawPath, long nowEpochSeconds) {
        if (header == null) {
            return false;
        }
        int colon = header.indexOf(':');
        if (colon <= 0 || colon > 19) {
            return false;
        }
        long signedAt;
        byte[] presented;
        try {
            signedAt = Long.parseLong(header.substring(0, colon));
            presented = Base64.getUrlDecoder().decode(header.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (Math.abs(nowEpochSeconds - signedAt) > WINDOW_SECONDS) {
            return false;
        }
        return MessageDigest.isEqual(mac(rawPath, signedAt), presented);
    }

    private byte[] mac(String rawPath, long epochSeconds) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal((rawPath + "\n" + epochSeconds).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "PeerSignature[secret hidden]";
    }
}
