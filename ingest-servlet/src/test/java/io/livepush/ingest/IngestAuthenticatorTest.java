package io.livepush.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.domain.SlotLifecycle;
import io.livepush.mediavault.MediaVaultSettings;
import io.livepush.net.AddressRules;
import io.livepush.origin.LiveSlot;
import io.livepush.security.Argon2Settings;
import io.livepush.security.PasswordHasher;
import io.livepush.security.SlowCheckLimit;
import io.livepush.service.SlotRules;
import io.livepush.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The verified-credential cache of SPEC §4: the slow hash runs at most once per credential per {@link
 * IngestAuthenticator#TTL}, in the background for a credential in use, the cache is keyed on the whole header and the
 * slot, and a changed or removed credential stops working even while an entry for it is cached. Slow verifications are
 * counted through the verifier seam.
 */
class IngestAuthenticatorTest {

    private static final PasswordHasher CHEAP = new PasswordHasher(new Argon2Settings(1024, 1, 1));
    private static final String USER = "encoder1";
    private static final String PASSWORD = "publish-secret-1";
    private static final String HASH = CHEAP.hash(PASSWORD.toCharArray());

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    /** The background renewals asked for, run by the test when it wants them to. */
    private final List<Runnable> renewals = new CopyOnWriteArrayList<>();
    private final AtomicInteger verifications = new AtomicInteger();
    private final BiPredicate<char[], String> countingVerifier = (password, hash) -> {
        verifications.incrementAndGet();
        return CHEAP.verify(password, hash);
    };
    private final IngestAuthenticator authenticator =
            new IngestAuthenticator(CHEAP, countingVerifier, clock, new SlowCheckLimit(2), renewals::add);

    private static LiveSlot slot(String id, String name, Map<String, String> hashes) {
        SlotRules rules = new SlotRules(id, "acme", name, SlotLifecycle.ACTIVE, List.of("eu1"), 5000, 2000, 300, false,
                hashes,
                AddressRules.allowAll(), AddressRules.allowAll(), MediaVaultSettings.disabled(), 1);
        return new LiveSlot(rules, Path.of("/storage/acme").resolve(name));
    }

    private static LiveSlot cam1() {
        return slot("slot-1", "cam1", Map.of(USER, HASH));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void slowHashRunsOncePerCredentialPerTtl() {
        LiveSlot slot = cam1();

        for (int i = 0; i < 50; i++) {
            assertThat(authenticator.authenticate(slot, basic(USER, PASSWORD))).contains(USER);
        }
        assertThat(verifications).hasValue(1);

        clock.advance(IngestAuthenticator.TTL.minusMillis(1));
        assertThat(authenticator.authenticate(slot, basic(USER, PASSWORD))).contains(USER);
        assertThat(verifications).hasValue(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(authenticator.authenticate(slot, basic(USER, PASSWORD))).as("the renewal asked for never ran")
                .contains(USER);
        assertThat(verifications).hasValue(2);
        assertThat(authenticator.authenticate(slot, basic(USER, PASSWORD))).contains(USER);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void anEntryInUseIsRenewedInTheBackgroundOnceBeforeItExpires() {
        LiveSlot slot = cam1();
        assertThat(authenticator.authenticate(slot, basic(USER, PASSWORD))).contains(USER);
        clock.advance(IngestAuthenticator.TTL.dividedBy(2).minusMillis(1));
        assertThat(authenticator.authenticate(slot, basic(USER, PASSWORD))).contains(USER);
        assertThat(renewals).as("not due before half the TTL").isEmpty();

        clock.advance(IngestAuthenticator.TTL.dividedBy(4).plusMillis(1));
        assertThat(authenticator.authenticate(slot, basic(USER, PASSWORD))).contains(USER);
        assertThat(authenticator.authenticate(slot, basic(USER, PASSWORD))).contains(USER);
        assertThat(verifications).as("answered from the cache meanwhile").hasValue(1);
        assertThat(renewals).as("asked for once").hasSize(1);

        runRenewals();
        assertThat(verifications).hasValue(2);
        clock.advance(IngestAuthenticator.TTL.dividedBy(2));
        assertThat(authenticator.authenticate(slot, basic(USER, PASSWORD))).as("past the first check's TTL")
                .contains(USER);
        assertThat(verifications).as("no request waited for a check").hasValue(2);
    }

    @Test
    void encodersVerifiedTogetherAreRenewedSpreadOverAQuarterOfTheTtl() {
        Map<String, String> hashes = new HashMap<>();
        for (int i = 0; i < 64; i++) {
            hashes.put("encoder" + i, HASH);
        }
        LiveSlot slot = slot("slot-1", "cam1", hashes);
        hashes.keySet().forEach(user -> authenticator.authenticate(slot, basic(user, PASSWORD)));

        clock.advance(IngestAuthenticator.TTL.dividedBy(2).plus(IngestAuthenticator.TTL.dividedBy(8)));
        hashes.keySet().forEach(user -> assertThat(authenticator.authenticate(slot, basic(user, PASSWORD)))
                .contains(user));
        assertThat(renewals).as("some due, not all at once").hasSizeBetween(1, 63);

        clock.advance(IngestAuthenticator.TTL.dividedBy(8).plusMillis(1));
        hashes.keySet().forEach(user -> authenticator.authenticate(slot, basic(user, PASSWORD)));
        assertThat(renewals).as("all due by three quarters of the TTL").hasSize(64);
        assertThat(verifications).hasValue(64);
    }

    @Test
    void aRenewalRefusedWhileLiveWarStopsLeavesTheEntryToExpire() {
        IngestAuthenticator stopping = new IngestAuthenticator(CHEAP, countingVerifier, clock, new SlowCheckLimit(2),
                renewal -> {
                    throw new RejectedExecutionException("stopping");
                });
        stopping.authenticate(cam1(), basic(USER, PASSWORD));
        clock.advance(IngestAuthenticator.TTL.multipliedBy(3).dividedBy(4));

        assertThat(stopping.authenticate(cam1(), basic(USER, PASSWORD))).contains(USER);
        assertThat(verifications).hasValue(1);
    }

    private void runRenewals() {
        List<Runnable> due = List.copyOf(renewals);
        renewals.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void cacheIsKeyedOnTheHeaderSoADifferentPasswordMisses() {
        LiveSlot slot = cam1();
        authenticator.authenticate(slot, basic(USER, PASSWORD));

        assertThat(authenticator.authenticate(slot, basic(USER, "not-the-password"))).isEmpty();
        assertThat(authenticator.authenticate(slot, basic(USER, PASSWORD + "x"))).isEmpty();
        assertThat(verifications).hasValue(3);
    }

    @Test
    void failedChecksAreNeverCached() {
        LiveSlot slot = cam1();

        for (int i = 0; i < 5; i++) {
            assertThat(authenticator.authenticate(slot, basic(USER, "wrong-password"))).isEmpty();
        }

        assertThat(verifications).hasValue(5);
        assertThat(authenticator.cachedEntries()).isZero();
    }

    @Test
    void cacheIsKeyedOnTheSlotToo() {
        LiveSlot cam1 = cam1();
        LiveSlot cam2 = slot("slot-2", "cam2", Map.of(USER, HASH));

        assertThat(authenticator.authenticate(cam1, basic(USER, PASSWORD))).contains(USER);
        assertThat(authenticator.authenticate(cam2, basic(USER, PASSWORD))).contains(USER);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void forgetDropsTheEntriesOfTheChangedSlotOnly() {
        LiveSlot cam1 = cam1();
        LiveSlot cam2 = slot("slot-2", "cam2", Map.of(USER, HASH));
        authenticator.authenticate(cam1, basic(USER, PASSWORD));
        authenticator.authenticate(cam2, basic(USER, PASSWORD));

        authenticator.forget(cam1.rules());

        assertThat(authenticator.cachedEntries()).isEqualTo(1);
        authenticator.authenticate(cam1, basic(USER, PASSWORD));
        authenticator.authenticate(cam2, basic(USER, PASSWORD));
        assertThat(verifications).hasValue(3);
    }

    @Test
    void removedCredentialIsRefusedEvenWhileCached() {
        authenticator.authenticate(cam1(), basic(USER, PASSWORD));
        LiveSlot withoutUser = slot("slot-1", "cam1", Map.of("other", HASH));

        assertThat(authenticator.authenticate(withoutUser, basic(USER, PASSWORD))).isEmpty();
    }

    @Test
    void changedPasswordIsRefusedEvenWhileTheOldOneIsCached() {
        authenticator.authenticate(cam1(), basic(USER, PASSWORD));
        LiveSlot rotated = slot("slot-1", "cam1", Map.of(USER, CHEAP.hash("rotated-password".toCharArray())));

        assertThat(authenticator.authenticate(rotated, basic(USER, PASSWORD))).isEmpty();
        assertThat(authenticator.authenticate(rotated, basic(USER, "rotated-password"))).contains(USER);
    }

    @Test
    void slotWithoutCredentialsRefusesEveryone() {
        LiveSlot cleared = slot("slot-1", "cam1", Map.of());

        assertThat(authenticator.authenticate(cleared, basic(USER, PASSWORD))).isEmpty();
    }

    @Test
    void unknownSlotIsRefusedAfterTheSameSlowWork() {
        assertThat(authenticator.authenticate(null, basic(USER, PASSWORD))).isEmpty();
        assertThat(authenticator.authenticate(null, basic(USER, PASSWORD))).isEmpty();

        assertThat(verifications).hasValue(2);
        assertThat(authenticator.cachedEntries()).isZero();
    }

    @Test
    void unknownUserIsRefusedAfterTheSameSlowWork() {
        assertThat(authenticator.authenticate(cam1(), basic("intruder", PASSWORD))).isEmpty();
        assertThat(authenticator.authenticate(cam1(), basic("", PASSWORD))).isEmpty();

        assertThat(verifications).hasValue(2);
    }

    @Test
    void missingOrMalformedHeaderIsRefusedWithoutHashing() {
        assertThat(authenticator.authenticate(cam1(), null)).isEmpty();
        assertThat(authenticator.authenticate(cam1(), "Bearer abc")).isEmpty();
        assertThat(authenticator.authenticate(cam1(), "Basic %%%")).isEmpty();

        assertThat(verifications).hasValue(0);
    }

    @Test
    void cacheSizeIsBounded() {
        Map<String, String> hashes = new HashMap<>();
        for (int i = 0; i <= IngestAuthenticator.MAX_ENTRIES; i++) {
            hashes.put("user" + i, "plain:pw" + i);
        }
        LiveSlot crowded = slot("slot-9", "crowded", hashes);
        IngestAuthenticator plain = new IngestAuthenticator(CHEAP,
                (password, hash) -> hash.equals("plain:" + new String(password)), clock, new SlowCheckLimit(2), renewals::add);

        int refused = 0;
        int largest = 0;
        for (int i = 0; i <= IngestAuthenticator.MAX_ENTRIES; i++) {
            refused += plain.authenticate(crowded, basic("user" + i, "pw" + i)).isPresent() ? 0 : 1;
            largest = Math.max(largest, plain.cachedEntries());
        }

        assertThat(refused).isZero();
        assertThat(largest).isEqualTo(IngestAuthenticator.MAX_ENTRIES);
        assertThat(plain.cachedEntries()).isLessThanOrEqualTo(IngestAuthenticator.MAX_ENTRIES);
        assertThat(plain.authenticate(crowded, basic("user0", "pw0"))).contains("user0");
    }

    @Test
    void slowChecksRunAtMostAsManyAtOnceAsAllowed() throws Exception {
        Map<String, String> hashes = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            hashes.put("user" + i, "plain:pw" + i);
        }
        LiveSlot slot = slot("slot-8", "busy", hashes);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        IngestAuthenticator bounded = new IngestAuthenticator(CHEAP, (password, hash) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            pause(30);
            running.decrementAndGet();
            return hash.equals("plain:" + new String(password));
        }, clock, new SlowCheckLimit(2), renewals::add);

        List<Optional<String>> answers = concurrently(8, i -> bounded.authenticate(slot, basic("user" + i, "pw" + i)));

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isPresent());
        assertThat(most.get()).isBetween(1, 2);
    }

    @Test
    void aRequestThatWaitedUsesTheCheckThatFinishedMeanwhile() throws Exception {
        IngestAuthenticator oneAtATime = new IngestAuthenticator(CHEAP, (password, hash) -> {
            pause(50);
            return countingVerifier.test(password, hash);
        }, clock, new SlowCheckLimit(1), renewals::add);

        List<Optional<String>> answers = concurrently(6, i -> oneAtATime.authenticate(cam1(), basic(USER, PASSWORD)));

        assertThat(answers).allSatisfy(answer -> assertThat(answer).contains(USER));
        assertThat(verifications).hasValue(1);
    }

    /** Runs {@code call} for 0 to {@code count - 1} on as many threads, released together. */
    private static <T> List<T> concurrently(int count, IntFunction<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
