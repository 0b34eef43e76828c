package io.livepush.mediavault;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.mediavault.MediaVaultSigner.Term;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: {@link VerdictCache} answers every request exactly as the uncached {@link MediaVaultVerifier} does, for
 * random requests (signed and tampered tokens, directory and path-based tokens, moved paths, changing client
 * addresses and referrers, a clock that moves forward and back around the tokens' windows, a playlist that turns
 * into a master playlist and back), and for every vector of reference/mediavault.md.
 */
class VerdictCachePropertyTest {

    private static final long T0 = 1_700_000_000L;
    private static final String ORIGIN = "https://play.example.com";
    private static final String DIRECTORY = ORIGIN + "/live/play/acme/cam1/";
    private static final String PRIMARY = "livepushsecret";
    private static final String SECONDARY = "rotatedsecret2";
    private static final String FOREIGN = "attackersecret";
    private static final List<String> FILES = List.of("master.m3u8", "720p/index.m3u8", "720p/seg_00042.ts",
            "720p/seg_00043.m4s", "manifest.mpd", "720p/init.mp4");
    private static final List<String> CLIENTS = List.of("203.0.113.7", "203.0.113.99", "198.51.100.7",
            "2001:db8::1", "::ffff:203.0.113.7", "not-an-address");
    private static final List<String> REFERERS = List.of("https://example.com/page", "https://www.example.com/",
            "https://evilexample.com/", "no url", "https://player.test:8443/x");
    private static final int REQUESTS = 40_000;

    /** One verifier under test and the tokens its viewers present. */
    private record Setup(MediaVaultVerifier verifier, List<String> tokens) {
    }

    @ParameterizedTest(name = "maxEntries={0}")
    @ValueSource(ints = {16_384, 8})
    void cachedVerdictsEqualUncachedVerdictsForRandomRequests(int maxEntries) {
        Random random = new Random(0x15_15_15L + maxEntries);
        List<Setup> setups = setups(random);
        VerdictCache cache = new VerdictCache(maxEntries);
        Set<String> masters = new HashSet<>(Set.of("/live/play/acme/cam1/master.m3u8"));
        Predicate<String> isMaster = masters::contains;
        long now = T0;
        int allowed = 0;
        int denied = 0;
        for (int i = 0; i < REQUESTS; i++) {
            now = moveClock(random, now);
            if (random.nextInt(500) == 0) {
                flip(masters, "/live/play/acme/cam1/720p/index.m3u8");
            }
            Setup setup = setups.get(random.nextInt(setups.size()));
            MediaVaultRequest request = request(random, setup.tokens().get(random.nextInt(setup.tokens().size())));

            Verdict uncached = setup.verifier().check(request, isMaster, now);
            Verdict cached = cache.check(setup.verifier(), request, isMaster, now);

            assertThat(cached).as("request %d: %s at %d with %s", i, request, now, setup.verifier())
                    .isEqualTo(uncached);
            if (uncached.allowed()) {
                allowed++;
            } else {
                denied++;
            }
        }
        // The property means something only if both answers and many cache hits occurred.
        assertThat(allowed).isGreaterThan(REQUESTS / 5);
        assertThat(denied).isGreaterThan(REQUESTS / 5);
        assertThat(cache.hits()).isGreaterThan(maxEntries > 100 ? REQUESTS / 10 : REQUESTS / 400);
        assertThat(cache.size()).isLessThanOrEqualTo(maxEntries + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.livepush.mediavault.MediaVaultVectorsTest#vectors")
    void everyVectorGetsItsVerdictThroughTheCache(MediaVaultVectorsTest.Vector vector) {
        MediaVaultVerifier verifier = new MediaVaultVerifier(MediaVaultVectorsTest.settingsFor(vector));
        MediaVaultRequest request = new MediaVaultRequest(vector.url(), vector.clientIp(),
                vector.referer().isEmpty() ? null : vector.referer(),
                MediaVaultRequest.parseCookieHeader(vector.cookie()));
        VerdictCache cache = new VerdictCache(16);
        Verdict uncached = verifier.check(request, path -> true, vector.now());

        Verdict first = cache.check(verifier, request, path -> true, vector.now());
        Verdict second = cache.check(verifier, request, path -> true, vector.now());

        assertThat(first).as(vector.toString()).isEqualTo(uncached);
        assertThat(second).as(vector.toString()).isEqualTo(uncached);
        assertThat(second.allowed()).as(vector.toString()).isEqualTo("ALLOW".equals(vector.expected()));
        assertThat(second.status()).isEqualTo(vector.httpStatus());
        boolean cacheable = uncached.allowed() && !verifier.settings().mode().usesCookies();
        assertThat(cache.hits()).as(vector.toString()).isEqualTo(cacheable ? 1 : 0);
    }

    @Test
    void theRandomRequestsExerciseEveryReasonCode() {
        Random random = new Random(7);
        List<Setup> setups = setups(random);
        Set<MediaVaultReason> reasons = new HashSet<>();
        long now = T0;
        for (int i = 0; i < REQUESTS / 4; i++) {
            now = moveClock(random, now);
            Setup setup = setups.get(random.nextInt(setups.size()));
            MediaVaultRequest request = request(random, setup.tokens().get(random.nextInt(setup.tokens().size())));
            Verdict verdict = setup.verifier().check(request, path -> true, now);
            if (!verdict.allowed()) {
                reasons.add(verdict.reason());
            }
        }
        assertThat(reasons).contains(MediaVaultReason.MV_MALFORMED, MediaVaultReason.MV_HASH,
                MediaVaultReason.MV_NOT_YET, MediaVaultReason.MV_EXPIRED, MediaVaultReason.MV_IP,
                MediaVaultReason.MV_REFERRER, MediaVaultReason.MV_MISSING);
    }

    /** Verifiers of every mode and switch, each with a pool of tokens its viewers present again and again. */
    private static List<Setup> setups(Random random) {
        List<Setup> setups = new ArrayList<>();
        MediaVaultSettings.Builder base = MediaVaultSettings.builder().primarySecret(PRIMARY)
                .secondarySecret(SECONDARY);
        setups.add(setup(random, new MediaVaultVerifier(base.mode(MediaVaultMode.URL_ALL).build()), false, false));
        setups.add(setup(random, new MediaVaultVerifier(base.mode(MediaVaultMode.URL_ALL).clockSkewSeconds(30)
                .strictReferrer(true).build()), false, false));
        setups.add(setup(random, new MediaVaultVerifier(base.mode(MediaVaultMode.URL_ALL).clockSkewSeconds(0)
                .strictReferrer(false).pathBased(true).build()), true, false));
        setups.add(setup(random, new MediaVaultVerifier(base.mode(MediaVaultMode.URL_WITH_SUB_MANIFESTS)
                .pathBased(false).build()), false, false));
        setups.add(setup(random, new MediaVaultVerifier(base.mode(MediaVaultMode.URL).build()), false, false));
        setups.add(setup(random, new MediaVaultVerifier(base.mode(MediaVaultMode.URL_ALL).build(),
                Clock.systemUTC(), true), false, true));
        setups.add(setup(random, new MediaVaultVerifier(base.mode(MediaVaultMode.COOKIE).build()), false, false));
        return setups;
    }

    private static Setup setup(Random random, MediaVaultVerifier verifier, boolean pathBased, boolean legacy) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tokens.add(token(random, pathBased, legacy));
        }
        return new Setup(verifier, tokens);
    }

    /** A signed URL with random terms, mostly with the primary secret. */
    private static String token(Random random, boolean pathBased, boolean legacy) {
        String url = DIRECTORY + FILES.get(random.nextInt(FILES.size()));
        int which = random.nextInt(10);
        MediaVaultSigner signer = new MediaVaultSigner(which < 8 ? PRIMARY : which == 8 ? SECONDARY : FOREIGN);
        if (legacy && random.nextInt(3) == 0) {
            return signer.signLegacy(url, T0 + random.nextInt(900) - 300);
        }
        List<Term> terms = new ArrayList<>();
        if (random.nextInt(2) == 0) {
            terms.add(Term.start(T0 + random.nextInt(600) - 300));
        }
        if (random.nextInt(10) < 7) {
            terms.add(Term.end(T0 + random.nextInt(900) - 300));
        }
        boolean directory = pathBased || random.nextInt(5) < 2;
        if (directory) {
            terms.add(Term.prefix(random.nextInt(8) == 0 ? 1 + random.nextInt(40)
                    : MediaVaultSigner.directoryPrefixLength(DIRECTORY)));
        }
        if (random.nextInt(10) < 3) {
            List<String> rules = pathBased ? List.of("203.0.113.7", "2001:db8::1")
                    : List.of("203.0.113.0/24", "203.0.113.7", "2001:db8::/32", "203.0.113.0/255.255.255.0");
            terms.add(Term.ip(rules.get(random.nextInt(rules.size()))));
        }
        if (random.nextInt(4) == 0) {
            terms.add(random.nextBoolean() ? Term.referrers("example.com") : Term.referrers("example.com",
                    "player.test"));
        }
        if (random.nextInt(2) == 0) {
            // Keep the signed order random: order is part of the signature, not of the claims.
            Collections.shuffle(terms, random);
        }
        String signed = signer.sign(url, terms);
        if (pathBased && random.nextInt(4) != 0) {
            return MediaVaultSigner.toPathBased(signed, DIRECTORY.length(), MediaVaultSettings.DEFAULT_PATH_TOKEN,
                    MediaVaultSettings.DEFAULT_PATH_DELIM);
        }
        return signed;
    }

    /** A request presenting {@code token}, mostly unchanged, sometimes moved or tampered with. */
    private static MediaVaultRequest request(Random random, String token) {
        String url = switch (random.nextInt(40)) {
            case 0, 1, 2, 3, 4, 5 -> withFileName(token, FILES.get(random.nextInt(FILES.size())));
            case 6, 7 -> token.replaceFirst("/cam1/", "/cam2/");
            case 8, 9 -> token + (token.indexOf('?') < 0 ? "?" : "&") + "_=" + random.nextInt(1000);
            case 10 -> token + (token.indexOf('?') < 0 ? "?" : "&") + "e=9999999999";
            case 11 -> tamperDigit(random, token);
            case 12 -> token.toUpperCase(Locale.ROOT).replace("HTTPS://PLAY", "https://play");
            case 13 -> token.indexOf('?') < 0 ? token : token.substring(0, token.indexOf('?'));
            case 14 -> token.replaceFirst("^https:", "http:");
            case 15 -> token.replaceFirst("play.example.com", "PLAY.example.com:443");
            case 16 -> token.replace("~h=", "~x=~h=");
            default -> token;
        };
        // Most viewers keep one address and one referrer for the session.
        String client = random.nextInt(10) < 7 ? CLIENTS.get(Math.floorMod(token.hashCode(), 3))
                : random.nextInt(8) == 0 ? null : CLIENTS.get(random.nextInt(CLIENTS.size()));
        String referer = random.nextInt(10) < 7 ? REFERERS.get(Math.floorMod(token.hashCode() >> 4, 2))
                : random.nextInt(4) == 0 ? null : REFERERS.get(random.nextInt(REFERERS.size()));
        return MediaVaultRequest.of(url, client, referer);
    }

    /** Replaces the last path segment(s) after the stream directory, keeping a path token and the query. */
    private static String withFileName(String url, String file) {
        int query = url.indexOf('?');
        int end = query < 0 ? url.length() : query;
        int cam = url.indexOf("/cam1/") + "/cam1/".length();
        int token = url.indexOf("token=", cam);
        int start = token >= 0 && token < end ? url.indexOf('/', token) + 1 : cam;
        return url.substring(0, start) + file + url.substring(end);
    }

    /** Changes one digit of the URL (a term's value, the digest or the path). */
    private static String tamperDigit(Random random, String url) {
        List<Integer> digits = new ArrayList<>();
        for (int i = 0; i < url.length(); i++) {
            if (Character.isDigit(url.charAt(i))) {
                digits.add(i);
            }
        }
        int at = digits.get(random.nextInt(digits.size()));
        char changed = (char) ('0' + (url.charAt(at) - '0' + 1 + random.nextInt(8)) % 10);
        return url.substring(0, at) + changed + url.substring(at + 1);
    }

    /** Mostly forward by a few seconds, sometimes back, sometimes a jump of minutes either way. */
    private static long moveClock(Random random, long now) {
        int step = random.nextInt(100);
        long moved = step < 2 ? now + random.nextInt(1200) - 600 : now + random.nextInt(8) - 2;
        // Stay around the tokens' windows so that every time rule keeps being exercised.
        return Math.max(T0 - 700, Math.min(T0 + 1000, moved));
    }

    private static void flip(Set<String> set, String value) {
        if (!set.remove(value)) {
            set.add(value);
        }
    }
}
