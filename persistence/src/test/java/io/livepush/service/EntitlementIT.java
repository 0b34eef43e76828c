package io.livepush.service;

import static io.livepush.service.ServiceFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livepush.domain.Actor;
import io.livepush.domain.SlotType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EntitlementIT extends ServiceIT {

    @Test
    void creatingOverTheSlotEntitlementIsRefused() {
        Actor admin = account("twoslots", 2, 100_000);
        fx.create(admin, "twoslots", "one");
        fx.create(admin, "twoslots", "two");

        assertThatThrownBy(() -> fx.create(admin, "twoslots", "three"))
                .isInstanceOf(EntitlementExceededException.class)
                .hasMessageContaining("used 2 of 2 Live Push slots");
        EntitlementSummary summary = fx.accounts.entitlements(admin, "twoslots");
        assertThat(summary.usage(SlotType.LIVE_PUSH).used()).isEqualTo(2);
        assertThat(summary.usage(SlotType.LIVE_PUSH).available()).isZero();
        assertThat(summary.kbpsProvisioned()).isEqualTo(6000);
        assertThat(summary.kbpsAvailable()).isEqualTo(94_000);
    }

    @Test
    void creatingOverTheKbpsCapacityIsRefused() {
        Actor admin = account("kbps", 10, 5000);
        fx.create(admin, "kbps", "first");

        assertThatThrownBy(() -> fx.create(admin, "kbps", "second"))
                .isInstanceOf(EntitlementExceededException.class)
                .hasMessageContaining("2000 of 5000 Live Push kbps available; 3000 kbps do not fit");
    }

    @Test
    void raisingKbpsOnEditIsCheckedAgainstTheOtherSlots() {
        Actor admin = account("editkbps", 10, 7000);
        SlotRecord first = fx.create(admin, "editkbps", "first");
        fx.create(admin, "editkbps", "second");
        SlotDraft draft = fx.draft("first");
        SlotDraft bigger = new SlotDraft(null, null, null, draft.region(), draft.primaryPopId(), null, false, 4001,
                6000, 300, false, List.of(), List.of(), List.of(), null, null);
        SlotDraft fits = new SlotDraft(null, null, null, draft.region(), draft.primaryPopId(), null, false, 4000,
                6000, 300, false, List.of(), List.of(), List.of(), null, null);

        assertThatThrownBy(() -> fx.slots.update(admin, first.id(), bigger))
                .isInstanceOf(EntitlementExceededException.class);
        assertThat(fx.slots.update(admin, first.id(), fits).totalKbps()).isEqualTo(4000);
    }

    @Test
    void aDeletedSlotGivesItsEntitlementBack() {
        Actor admin = account("reuse", 1, 5000);
        SlotRecord slot = fx.create(admin, "reuse", "only");
        fx.slots.delete(admin, slot.id());

        assertThat(fx.create(admin, "reuse", "next").name()).isEqualTo("next");
    }

    @Test
    void entitlementsCannotDropBelowWhatIsUsed() {
        Actor admin = account("shrink", 3, 9000);
        fx.create(admin, "shrink", "one");
        fx.create(admin, "shrink", "two");

        assertThatThrownBy(() -> fx.accounts.update(OPERATOR, "shrink",
                new AccountDraft(null, "Shrink", 5000, Map.of(SlotType.LIVE_PUSH, 1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("entitlements.live-push", "livePushKbps"));
        assertThat(fx.accounts.update(OPERATOR, "shrink",
                new AccountDraft(null, "Shrink", 6000, Map.of(SlotType.LIVE_PUSH, 2))).livePushKbps())
                .isEqualTo(6000);
        assertThatThrownBy(() -> fx.accounts.update(admin, "shrink",
                new AccountDraft(null, "Shrink", 60000, Map.of(SlotType.LIVE_PUSH, 20))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void concurrentCreationOfOneNameHasExactlyOneWinner() throws Exception {
        Actor admin = account("race", 20, 100_000);
        List<Callable<SlotRecord>> racers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String name = i % 2 == 0 ? "same-name" : "SAME-NAME";
            racers.add(() -> fx.create(admin, "race", name));
        }

        List<Object> outcomes = race(racers);

        assertThat(outcomes).filteredOn(SlotRecord.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(SlotNameTakenException.class::isInstance).hasSize(5);
        assertThat(fx.slotList.list(admin, "race", SlotQuery.firstPage(10)).total()).isEqualTo(1);
    }

    @Test
    void concurrentCreationForTheLastEntitlementHasExactlyOneWinner() throws Exception {
        Actor admin = account("lastone", 1, 100_000);
        List<Callable<SlotRecord>> racers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String name = "slot-" + i;
            racers.add(() -> fx.create(admin, "lastone", name));
        }

        List<Object> outcomes = race(racers);

        assertThat(outcomes).filteredOn(SlotRecord.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(EntitlementExceededException.class::isInstance).hasSize(5);
    }

    private static Actor account(String shortname, int slots, int kbps) {
        fx.accounts.create(OPERATOR, new AccountDraft(shortname, shortname, kbps, Map.of(SlotType.LIVE_PUSH, slots)));
        return Actor.accountAdmin("admin-" + shortname, shortname);
    }

    /** Starts every callable at once and returns each one's result or exception. */
    private static List<Object> race(List<Callable<SlotRecord>> racers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SlotRecord>> futures = new ArrayList<>();
            for (Callable<SlotRecord> racer : racers) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return racer.call();
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<SlotRecord> future : futures) {
                try {
                    outcomes.add(future.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
