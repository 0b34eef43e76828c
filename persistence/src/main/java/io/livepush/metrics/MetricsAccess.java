package io.livepush.metrics;

import io.livepush.net.AddressRules;
import io.livepush.net.CidrBlock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Who may read a {@code /metrics} endpoint: clients whose address is in {@value #ALLOW} (default loopback only) need
 * nothing more, and any client that sends {@code Authorization: Bearer <token>} with the token of {@value #TOKEN}
 * passes too. The token is compared in constant time (as digests, so not even its length leaks) and is never logged;
 * {@link #toString()} hides it.
 *
 * @param allowed     the addresses that may scrape without a token; an empty list admits none
 * @param tokenDigest SHA-256 of the token, or {@code null} when no token is configured
 */
public record MetricsAccess(List<CidrBlock> allowed, byte[] tokenDigest) {

    /** Context parameter: CIDR blocks separated by commas or spaces, or {@code none}. */
    public static final String ALLOW = "metrics.allow";
    /** Context parameter: the bearer token (at least {@value #MIN_TOKEN_LENGTH} characters), or empty for none. */
    public static final String TOKEN = "metrics.token";
    /** The default of {@value #ALLOW}: loopback only. */
    public static final String DEFAULT_ALLOW = "127.0.0.0/8, ::1/128";
    static final int MIN_TOKEN_LENGTH = 16;
    private static final String BEARER = "Bearer ";

    /** What a request is answered. */
    public enum Decision {
        /** Serve the metrics. */
        ALLOWED,
        /** 401 with a Bearer challenge: a token is configured and the request did not carry it. */
        UNAUTHORIZED,
        /** 403: no token is configured and the address is not allowed. */
        FORBIDDEN
    }

    public MetricsAccess {
        allowed = List.copyOf(allowed);
        tokenDigest = tokenDigest == null ? null : tokenDigest.clone();
    }

    /**
     * Reads {@value #ALLOW} and {@value #TOKEN}; a bad block or a short token throws {@link IllegalStateException}
     * naming every problem (the token itself is never quoted).
     */
    public static MetricsAccess from(Function<String, String> parameters) {
        List<String> problems = new ArrayList<>();
        String allow = parameters.apply(ALLOW);
        String list = allow == null || allow.isBlank() ? DEFAULT_ALLOW : allow.strip();
        List<CidrBlock> blocks = new ArrayList<>();
        if (!list.toLowerCase(Locale.ROOT).equals("none")) {
            for (String entry : list.split("[\\s,]+")) {
                if (!entry.isEmpty()) {
                    CidrBlock.problem(entry).ifPresentOrElse(problem -> problems.add(ALLOW + ": " + problem),
                            () -> blocks.add(CidrBlock.parse(entry)));
                }
            }
        }
        String token = parameters.apply(TOKEN);
        byte[] digest = null;
        if (token != null && !token.isBlank()) {
            if (token.contains("${")) {
                // An unset environment variable leaves the placeholder itself, which must never become the token.
                problems.add(TOKEN + " is an unresolved placeholder: set the variable, or leave it empty for no token");
            } else if (token.strip().length() < MIN_TOKEN_LENGTH) {
                problems.add(TOKEN + " must have at least " + MIN_TOKEN_LENGTH + " characters");
            }
            digest = sha256(token.strip());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Bad metrics configuration: " + String.join("; ", problems));
        }
        return new MetricsAccess(blocks, digest);
    }

    /** Decides one request from its remote address and {@code Authorization} header (either may be null). */
    public Decision check(String remoteAddr, String authorization) {
        if (!allowed.isEmpty() && AddressRules.allowOnly(allowed).allows(remoteAddr)) {
            return Decision.ALLOWED;
        }
        if (tokenDigest == null) {
            return Decision.FORBIDDEN;
        }
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && MessageDigest.isEqual(tokenDigest, sha256(authorization.substring(BEARER.length()).strip()))) {
            return Decision.ALLOWED;
        }
        return Decision.UNAUTHORIZED;
    }

    /** Whether a token is configured. */
    public boolean hasToken() {
        return tokenDigest != null;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MetricsAccess access && allowed.equals(access.allowed)
                && MessageDigest.isEqual(tokenDigest, access.tokenDigest);
    }

    @Override
    public int hashCode() {
        return allowed.hashCode();
    }

    @Override
    public String toString() {
        return "MetricsAccess[allowed=" + allowed + ", token=" + (tokenDigest == null ? "(none)" : "(hidden)") + "]";
    }
}
