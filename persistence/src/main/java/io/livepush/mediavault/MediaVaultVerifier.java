package io.livepush.mediavault;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Applies a slot's MediaVault settings to one playback request, exactly as reference/mediavault.md describes.
 * <p>
 * Order (§3, §6): a path-based token segment, if enabled, is cut out and turned into the leading query terms (§13);
 * objects the mode does not protect pass (§12); otherwise the query token is checked — syntax
 * ({@code MV_MALFORMED}), digest with the primary then the secondary secret ({@code MV_HASH}, constant-time), time
 * window with the configured skew ({@code MV_NOT_YET}, {@code MV_EXPIRED}; {@code cf} too in cookie mode),
 * {@code ip} ({@code MV_IP}), {@code r} ({@code MV_REFERRER}) and, in cookie mode, {@code cp} ({@code MV_PATH}).
 * In {@link MediaVaultMode#COOKIE} mode, a request without a query token, or whose token failed only on time, is
 * tried with each {@code _llnw_hashsecret}/{@code __llnw_hashsecret} cookie in the order sent; success by query
 * token (with {@code cd} and {@code cf}) or by cookie yields a fresh cookie (§11). A protected request with
 * neither token nor MediaVault cookie is {@code MV_MISSING}; one whose only cookies fail gets the cookie's reason.
 * <p>
 * Guarantees: no DNS (addresses are parsed by hand), no regular expressions, no I/O, no logging, no shared mutable
 * state (instances are safe for concurrent use), and no secret or token in any message. {@code now} is read once
 * per request. The legacy {@code t=} form (§14) is honoured only when enabled at construction; otherwise such a
 * request has no token ({@code MV_MISSING}).
 */
public final class MediaVaultVerifier {

    private final MediaVaultSettings settings;
    private final Clock clock;
    private final boolean legacyEhash;
    private final byte[] primary;
    private final byte[] secondary;
    private final char delimiter;

    /** Creates a verifier on the system clock, legacy {@code t=} off. */
    public MediaVaultVerifier(MediaVaultSettings settings) {
        this(settings, Clock.systemUTC(), false);
    }

    /** Creates a verifier on {@code clock}, legacy {@code t=} off. */
    public MediaVaultVerifier(MediaVaultSettings settings, Clock clock) {
        this(settings, clock, false);
    }

    /**
     * Creates a verifier.
     *
     * @param settings    the slot's settings
     * @param clock       source of {@code now}
     * @param legacyEhash whether {@code t=<end>_<md5>} tokens are accepted (§14; off by default)
     */
    public MediaVaultVerifier(MediaVaultSettings settings, Clock clock, boolean legacyEhash) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.legacyEhash = legacyEhash;
        this.primary = bytes(settings.primarySecret());
        this.secondary = bytes(settings.secondarySecret());
        this.delimiter = settings.pathDelim().charAt(0);
    }

    /** Returns the settings this verifier applies. */
    public MediaVaultSettings settings() {
        return settings;
    }

    /**
     * Checks {@code request} at the clock's current second.
     *
     * @see #check(MediaVaultRequest, Predicate, long)
     */
    public Verdict check(MediaVaultRequest request, Predicate<String> isMasterPlaylist) {
        return check(request, isMasterPlaylist, clock.instant().getEpochSecond());
    }

    /**
     * Checks {@code request}.
     *
     * @param request          the request
     * @param isMasterPlaylist consulted only in {@link MediaVaultMode#URL} mode for {@code .m3u8} paths: whether the
     *                         stored playlist at that raw path (token segment removed) is an HLS master playlist
     * @param now              the current time in epoch seconds
     * @return the verdict, never {@code null}
     * @throws IllegalArgumentException if the request URL is not absolute
     */
    public Verdict check(MediaVaultRequest request, Predicate<String> isMasterPlaylist, long now) {
        return check(locate(request.url()), request, isMasterPlaylist, now).verdict();
    }

    /**
     * Parses {@code url} and cuts out a path-based token segment when path-based tokens are on: the first step of every
     * check, shared with {@link VerdictCache} so that both read the token from the same place.
     *
     * @throws IllegalArgumentException if the URL is not absolute
     */
    Located locate(String url) {
        RequestUrl parsed = RequestUrl.parse(url);
        PathToken token = settings.pathBased()
                ? PathToken.find(parsed.path(), settings.pathToken(), delimiter)
                : new PathToken(parsed.path(), "", false, false);
        return new Located(parsed, token);
    }

    /**
     * Checks a located request; besides the verdict, returns what an allow earned by a query, path or legacy token
     * rests on ({@link TokenGrant}), outside cookie mode only (there each allow mints a cookie that depends on
     * {@code now}). An allow because the mode does not protect the object carries no grant.
     */
    Checked check(Located located, MediaVaultRequest request, Predicate<String> isMasterPlaylist, long now) {
        String path = located.path();
        if (located.token().malformed()) {
            return new Checked(deny(MediaVaultReason.MV_MALFORMED, path), null);
        }
        if (!settings.mode().requiresToken(path, isMasterPlaylist)) {
            return new Checked(Verdict.allow(path, null), null);
        }
        RequestUrl url = located.url();
        Call call = new Call(url, url.base(path), path, request, now);
        TokenTerms terms = TokenTerms.parse(located.query());
        MediaVaultReason failure;
        if (terms.hasDigest()) {
            failure = checkQueryToken(terms, call);
        } else if (legacyEhash && terms.isLegacyOnly()) {
            failure = checkLegacyToken(terms, call);
        } else {
            failure = MediaVaultReason.MV_MISSING;
        }
        if (failure == null) {
            return usesCookies()
                    ? new Checked(Verdict.allow(path, terms.hasDigest() ? firstCookie(terms, call) : null), null)
                    : new Checked(Verdict.allow(path, null), TokenGrant.of(terms, call.base(), request.referer()));
        }
        if (usesCookies() && (failure == MediaVaultReason.MV_MISSING || failure.isSoft())) {
            Verdict byCookie = checkCookies(call);
            if (byCookie != null && byCookie.allowed()) {
                return new Checked(byCookie, null);
            }
            // A failed cookie explains a request without a query token better than "missing".
            if (byCookie != null && failure == MediaVaultReason.MV_MISSING) {
                failure = byCookie.reason();
            }
        }
        return new Checked(deny(failure, path), null);
    }

    private MediaVaultReason checkQueryToken(TokenTerms terms, Call call) {
        if (terms.isMalformed()) {
            return MediaVaultReason.MV_MALFORMED;
        }
        String prefix = RequestUrl.prefixOf(call.base(), terms.prefix());
        String signed = terms.signedPart();
        boolean matches = signed.isEmpty()
                ? TokenDigests.matchesEither(terms.digest(), primary, secondary, prefix)
                : TokenDigests.matchesEither(terms.digest(), primary, secondary, prefix, "?", signed);
        return matches ? checkClaims(terms, call) : MediaVaultReason.MV_HASH;
    }

    private MediaVaultReason checkLegacyToken(TokenTerms terms, Call call) {
        if (terms.legacyDigest() == null) {
            return MediaVaultReason.MV_MALFORMED;
        }
        if (!TokenDigests.matchesEither(terms.legacyDigest(), primary, secondary, call.base(),
                "?e=" + terms.legacyEnd())) {
            return MediaVaultReason.MV_HASH;
        }
        return isAfterEnd(terms.legacyEnd(), call.now(), settings.clockSkewSeconds()) ? MediaVaultReason.MV_EXPIRED
                : null;
    }

    /** Tries every MediaVault cookie in order; returns the first allow, else the first deny, else null (none). */
    private Verdict checkCookies(Call call) {
        Verdict firstDeny = null;
        for (MediaVaultRequest.Cookie cookie : call.request().cookies()) {
            if (!VaultCookies.isVaultCookie(cookie.name())) {
                continue;
            }
            TokenTerms terms = TokenTerms.parse(VaultCookies.unquote(cookie.value()));
            MediaVaultReason failure = checkCookieToken(terms, call);
            if (failure == null) {
                long renewed = VaultCookies.expiry(call.now(), terms.cookieDuration(), terms.cookieFinal());
                return Verdict.allow(call.path(), VaultCookies.setCookie(primary, call.url(), call.base(), terms,
                        renewed));
            }
            if (firstDeny == null) {
                firstDeny = deny(failure, call.path());
            }
        }
        return firstDeny;
    }

    private MediaVaultReason checkCookieToken(TokenTerms terms, Call call) {
        // Every cookie this class mints carries e, cd and cf; one without them was not minted here.
        if (!terms.hasDigest() || terms.isMalformed() || terms.end() == TokenTerms.ABSENT
                || terms.cookieDuration() == TokenTerms.ABSENT || terms.cookieFinal() == TokenTerms.ABSENT) {
            return MediaVaultReason.MV_MALFORMED;
        }
        String prefix = RequestUrl.prefixOf(call.base(), terms.prefix());
        if (!TokenDigests.matchesEither(terms.digest(), primary, secondary, prefix, "=", terms.signedPart())) {
            return MediaVaultReason.MV_HASH;
        }
        return checkClaims(terms, call);
    }

    /** Steps 4–7 of §6, after the digest matched. */
    private MediaVaultReason checkClaims(TokenTerms terms, Call call) {
        long skew = settings.clockSkewSeconds();
        long now = call.now();
        if (isBeforeStart(terms.start(), now, skew)) {
            return MediaVaultReason.MV_NOT_YET;
        }
        if (isAfterEnd(terms.end(), now, skew) || usesCookies() && isAfterEnd(terms.cookieFinal(), now, skew)) {
            return MediaVaultReason.MV_EXPIRED;
        }
        if (terms.ipRule() != null
                && !terms.ipRule().matches(AddressRule.parseClient(call.request().clientAddress()))) {
            return MediaVaultReason.MV_IP;
        }
        if (terms.referrers() != null
                && !ReferrerRules.allows(terms.referrers(), call.request().referer(), settings.strictReferrer())) {
            return MediaVaultReason.MV_REFERRER;
        }
        if (usesCookies() && terms.cookiePaths() != null
                && !PathPatterns.matchesAny(terms.cookiePaths(), call.path())) {
            return MediaVaultReason.MV_PATH;
        }
        return null;
    }

    /** The first cookie after a query token (§11): only when the token carries {@code cd} and {@code cf}. */
    private String firstCookie(TokenTerms terms, Call call) {
        if (terms.cookieDuration() == TokenTerms.ABSENT || terms.cookieFinal() == TokenTerms.ABSENT) {
            return null;
        }
        long delta = terms.cookieInitial() != TokenTerms.ABSENT ? terms.cookieInitial() : terms.cookieDuration();
        long expiry = VaultCookies.expiry(call.now(), delta, terms.cookieFinal());
        return VaultCookies.setCookie(primary, call.url(), call.base(), terms, expiry);
    }

    /** Whether {@code now} lies before a start time ({@code s}); never when it is {@link TokenTerms#ABSENT}. */
    static boolean isBeforeStart(long start, long now, long skew) {
        return start != TokenTerms.ABSENT && now + skew < start;
    }

    /** Whether {@code now} lies after an end time ({@code e}, {@code cf}, {@code t}); never when it is absent. */
    static boolean isAfterEnd(long end, long now, long skew) {
        return end != TokenTerms.ABSENT && now - skew > end;
    }

    private boolean usesCookies() {
        return settings.mode().usesCookies();
    }

    private Verdict deny(MediaVaultReason reason, String path) {
        return Verdict.deny(settings.denyStatus(), reason, path);
    }

    private static byte[] bytes(String secret) {
        return secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "MediaVaultVerifier[" + settings + ", legacyEhash=" + legacyEhash + "]";
    }

    /** A request URL with any path-based token segment found (and, if usable, cut out of the path). */
    record Located(RequestUrl url, PathToken token) {

        /** The raw path to check and serve, without the token segment. */
        String path() {
            return token.path();
        }

        /** The string the query token is read from: the path token's terms (if any), then the request's query. */
        String query() {
            return token.present() ? token.query(url.query()) : url.query();
        }
    }

    /** A verdict and, for a cacheable allow, the token grant it rests on (else {@code null}). */
    record Checked(Verdict verdict, TokenGrant grant) {
    }

    /** One request's inputs, gathered once. */
    private record Call(RequestUrl url, String base, String path, MediaVaultRequest request, long now) {
    }
}
