package io.livepush.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livepush.domain.ProvisioningStatus;
import io.livepush.domain.SlotLifecycle;
import io.livepush.service.Provisioning.NodeState;
import io.livepush.service.Provisioning.PopRef;
import io.livepush.service.Provisioning.SlotFacts;
import io.livepush.service.Provisioning.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProvisioningTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final long VERSION = 42;
    private static final PopRef PRIMARY = new PopRef(1, "fra1");
    private static final PopRef BACKUP = new PopRef(2, "ams1");
    private static final long OTHER_POP = 3;
    private static final Duration JUST_NOW = Duration.ofSeconds(2);
    private static final Duration DEAD = Duration.ofSeconds(31);
    private static final Duration SILENCE = ProvisioningTimeouts.STANDARD.nodeSilence();

    private static SlotFacts slot(Duration sinceRequest, PopRef... pops) {
        return new SlotFacts("0123456789abcdef0123456789abcdef", SlotLifecycle.ACTIVE, VERSION,
                NOW.minus(sinceRequest), List.of(pops));
    }

    private static SlotFacts fresh(PopRef... pops) {
        return slot(Duration.ofSeconds(10), pops);
    }

    private static SlotFacts timedOut(PopRef... pops) {
        return slot(ProvisioningTimeouts.STANDARD.provisioning(), pops);
    }

    private static NodeState node(String id, long popId, long version, Duration lastSeenAgo) {
        return new NodeState(id, popId, version, NOW.minus(lastSeenAgo), null);
    }

    private static NodeState failing(String id, long popId, Duration lastSeenAgo, String error) {
        return new NodeState(id, popId, VERSION, NOW.minus(lastSeenAgo), error);
    }

    private static Verdict status(SlotFacts slot, List<NodeState> nodes) {
        return Provisioning.status(slot, nodes, Map.of(), NOW);
    }

    private static Verdict status(SlotFacts slot, List<NodeState> nodes, Map<String, String> slotErrors) {
        return Provisioning.status(slot, nodes, slotErrors, NOW);
    }

    @ParameterizedTest
    @EnumSource(value = SlotLifecycle.class, names = {"DELETING", "DELETED"})
    void deletedSlotIsDeletingWhateverTheNodesSay(SlotLifecycle lifecycle) {
        SlotFacts slot = new SlotFacts("s", lifecycle, VERSION, NOW.minus(Duration.ofHours(1)), List.of(PRIMARY));
        List<NodeState> nodes = List.of(failing("fra1-a", PRIMARY.id(), JUST_NOW, "storage root not writable"));

        Verdict verdict = status(slot, nodes, Map.of("fra1-a", "cannot create directory"));

        assertThat(verdict).isEqualTo(new Verdict(ProvisioningStatus.DELETING, null));
    }

    @Test
    void deletedSlotWithoutNodesIsDeleting() {
        SlotFacts slot = new SlotFacts("s", SlotLifecycle.DELETING, VERSION, NOW, List.of(PRIMARY));

        assertThat(status(slot, List.of()).status()).isEqualTo(ProvisioningStatus.DELETING);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 60, 299_000, 299_999})
    void slotWithoutNodesIsProvisioningForFiveMinutes(long millisSinceRequest) {
        Verdict verdict = status(slot(Duration.ofMillis(millisSinceRequest), PRIMARY), List.of());

        assertThat(verdict).isEqualTo(new Verdict(ProvisioningStatus.LIVE_EVENT_PROVISIONING, null));
    }

    @ParameterizedTest
    @ValueSource(longs = {300_000, 300_001, 3_600_000})
    void slotWithoutLiveNodeIsNotProvisionedFromExactlyFiveMinutesNamingThePop(long millisSinceRequest) {
        Verdict verdict = status(slot(Duration.ofMillis(millisSinceRequest), PRIMARY), List.of());

        assertThat(verdict.status()).isEqualTo(ProvisioningStatus.NOT_PROVISIONED);
        assertThat(verdict.reason()).isEqualTo("No ingest node of PoP 'fra1' has reported in the last 30 seconds");
    }

    @ParameterizedTest
    @CsvSource({
        "42, 42",
        "42, 43",
        "43, 1000",
    })
    void slotIsPublishedWhenEveryLiveNodeOfThePrimaryPopHasLoadedItsVersion(long versionA, long versionB) {
        List<NodeState> nodes = List.of(
                node("fra1-a", PRIMARY.id(), versionA, JUST_NOW),
                node("fra1-b", PRIMARY.id(), versionB, Duration.ZERO));

        assertThat(status(fresh(PRIMARY), nodes)).isEqualTo(new Verdict(ProvisioningStatus.PUBLISHED, null));
    }

    @Test
    void publishedDoesNotWaitForTheTimeout() {
        List<NodeState> nodes = List.of(node("fra1-a", PRIMARY.id(), VERSION, JUST_NOW));

        assertThat(status(slot(Duration.ZERO, PRIMARY), nodes).status()).isEqualTo(ProvisioningStatus.PUBLISHED);
    }

    @Test
    void publishedStaysPublishedAfterTheTimeout() {
        List<NodeState> nodes = List.of(node("fra1-a", PRIMARY.id(), VERSION, JUST_NOW));

        assertThat(status(slot(Duration.ofDays(3), PRIMARY), nodes).status())
                .isEqualTo(ProvisioningStatus.PUBLISHED);
    }

    @Test
    void oneLiveNodeBehindKeepsTheSlotProvisioning() {
        List<NodeState> nodes = List.of(
                node("fra1-a", PRIMARY.id(), VERSION, JUST_NOW),
                node("fra1-b", PRIMARY.id(), VERSION - 1, JUST_NOW));

        Verdict verdict = status(slot(ProvisioningTimeouts.STANDARD.provisioning().minusMillis(1), PRIMARY), nodes);

        assertThat(verdict).isEqualTo(new Verdict(ProvisioningStatus.LIVE_EVENT_PROVISIONING, null));
    }

    @Test
    void oneLiveNodeBehindAfterExactlyFiveMinutesIsNotProvisionedNamingNodeAndPop() {
        List<NodeState> nodes = List.of(
                node("fra1-a", PRIMARY.id(), VERSION, JUST_NOW),
                node("fra1-b", PRIMARY.id(), VERSION - 1, JUST_NOW));

        Verdict verdict = status(slot(Duration.ofMinutes(5), PRIMARY), nodes);

        assertThat(verdict.status()).isEqualTo(ProvisioningStatus.NOT_PROVISIONED);
        assertThat(verdict.reason())
                .isEqualTo("Ingest node(s) fra1-b of PoP 'fra1' did not load the slot within 5 minutes")
                .doesNotContain("fra1-a");
    }

    @Test
    void everyNodeBehindIsNamed() {
        List<NodeState> nodes = List.of(
                node("fra1-c", PRIMARY.id(), VERSION - 1, JUST_NOW),
                node("fra1-a", PRIMARY.id(), 0, JUST_NOW),
                node("fra1-b", PRIMARY.id(), VERSION, JUST_NOW));

        Verdict verdict = status(timedOut(PRIMARY), nodes);

        assertThat(verdict.status()).isEqualTo(ProvisioningStatus.NOT_PROVISIONED);
        assertThat(verdict.reason()).startsWith("Ingest node(s) fra1-a, fra1-c of PoP 'fra1'");
    }

    @Test
    void deadNodeBehindIsIgnored() {
        List<NodeState> nodes = List.of(
                node("fra1-a", PRIMARY.id(), VERSION, JUST_NOW),
                node("fra1-b", PRIMARY.id(), VERSION - 1, DEAD));

        assertThat(status(timedOut(PRIMARY), nodes).status()).isEqualTo(ProvisioningStatus.PUBLISHED);
    }

    @Test
    void onlyDeadNodesCountAsNoNode() {
        List<NodeState> nodes = List.of(
                node("fra1-a", PRIMARY.id(), VERSION, DEAD),
                node("fra1-b", PRIMARY.id(), VERSION, Duration.ofHours(1)));

        assertThat(status(fresh(PRIMARY), nodes).status()).isEqualTo(ProvisioningStatus.LIVE_EVENT_PROVISIONING);
        assertThat(status(timedOut(PRIMARY), nodes))
                .isEqualTo(new Verdict(ProvisioningStatus.NOT_PROVISIONED,
                        "No ingest node of PoP 'fra1' has reported in the last 30 seconds"));
    }

    @Test
    void nodeOfAnotherPopDoesNotProvisionThePrimary() {
        List<NodeState> nodes = List.of(node("par1-a", OTHER_POP, VERSION, JUST_NOW));

        Verdict verdict = status(timedOut(PRIMARY), nodes);

        assertThat(verdict.status()).isEqualTo(ProvisioningStatus.NOT_PROVISIONED);
        assertThat(verdict.reason()).contains("PoP 'fra1'");
    }

    @ParameterizedTest
    @CsvSource({
        "29999, LIVE_EVENT_PROVISIONING",
        "30000, LIVE_EVENT_PROVISIONING",
        "30001, PUBLISHED",
        "31000, PUBLISHED",
    })
    void nodeLastSeenExactlyNodeAliveAgoStillCounts(long lastSeenMillisAgo, ProvisioningStatus expected) {
        List<NodeState> nodes = List.of(
                node("fra1-a", PRIMARY.id(), VERSION, JUST_NOW),
                node("fra1-b", PRIMARY.id(), VERSION - 1, Duration.ofMillis(lastSeenMillisAgo)));

        assertThat(ProvisioningTimeouts.STANDARD.nodeSilence()).isEqualTo(Duration.ofSeconds(30));
        assertThat(status(fresh(PRIMARY), nodes).status()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "30000, ERROR",
        "30001, PUBLISHED",
    })
    void errorOfNodeLastSeenExactlyNodeAliveAgoStillCounts(long lastSeenMillisAgo, ProvisioningStatus expected) {
        List<NodeState> nodes = List.of(
                node("fra1-a", PRIMARY.id(), VERSION, JUST_NOW),
                failing("fra1-b", PRIMARY.id(), Duration.ofMillis(lastSeenMillisAgo), "disk full"));

        assertThat(status(fresh(PRIMARY), nodes).status()).isEqualTo(expected);
    }

    @Test
    void nodeWideErrorMakesTheSlotErrorNamingTheNode() {
        List<NodeState> nodes = List.of(
                node("fra1-a", PRIMARY.id(), VERSION, JUST_NOW),
                failing("fra1-b", PRIMARY.id(), JUST_NOW, "storage root /srv/live is not writable"));

        Verdict verdict = status(fresh(PRIMARY), nodes);

        assertThat(verdict).isEqualTo(new Verdict(ProvisioningStatus.ERROR,
                "Ingest node 'fra1-b': storage root /srv/live is not writable"));
    }

    @Test
    void perSlotErrorMakesTheSlotErrorNamingTheNode() {
        List<NodeState> nodes = List.of(
                node("fra1-a", PRIMARY.id(), VERSION, JUST_NOW),
                node("fra1-b", PRIMARY.id(), VERSION, JUST_NOW));

        Verdict verdict = status(fresh(PRIMARY), nodes, Map.of("fra1-b", "cannot create directory acme/event-1"));

        assertThat(verdict).isEqualTo(new Verdict(ProvisioningStatus.ERROR,
                "Ingest node 'fra1-b': cannot create directory acme/event-1"));
    }

    @Test
    void perSlotErrorIsReportedInsteadOfTheNodeWideOne() {
        List<NodeState> nodes = List.of(failing("fra1-a", PRIMARY.id(), JUST_NOW, "node-wide problem"));

        Verdict verdict = status(fresh(PRIMARY), nodes, Map.of("fra1-a", "slot problem"));

        assertThat(verdict.reason()).isEqualTo("Ingest node 'fra1-a': slot problem");
    }

    @Test
    void errorWinsOverTimeout() {
        List<NodeState> nodes = List.of(
                failing("fra1-a", PRIMARY.id(), JUST_NOW, "disk full"),
                node("fra1-b", PRIMARY.id(), VERSION - 1, JUST_NOW));

        assertThat(status(timedOut(PRIMARY), nodes).status()).isEqualTo(ProvisioningStatus.ERROR);
    }

    @Test
    void errorOfTheFirstNodeByIdIsReported() {
        List<NodeState> nodes = List.of(
                failing("fra1-c", PRIMARY.id(), JUST_NOW, "third"),
                failing("fra1-a", PRIMARY.id(), JUST_NOW, "first"),
                failing("fra1-b", PRIMARY.id(), JUST_NOW, "second"));

        assertThat(status(fresh(PRIMARY), nodes).reason()).isEqualTo("Ingest node 'fra1-a': first");
    }

    @Test
    void errorsOfNodesInOtherPopsAreIgnored() {
        List<NodeState> nodes = List.of(
                node("fra1-a", PRIMARY.id(), VERSION, JUST_NOW),
                failing("par1-a", OTHER_POP, JUST_NOW, "disk full"),
                node("par1-b", OTHER_POP, VERSION, JUST_NOW));

        Verdict verdict = status(fresh(PRIMARY), nodes, Map.of("par1-b", "cannot create directory"));

        assertThat(verdict).isEqualTo(new Verdict(ProvisioningStatus.PUBLISHED, null));
    }

    @Test
    void errorsOfDeadNodesAreIgnored() {
        List<NodeState> nodes = List.of(
                node("fra1-a", PRIMARY.id(), VERSION, JUST_NOW),
                failing("fra1-b", PRIMARY.id(), DEAD, "disk full"),
                node("fra1-c", PRIMARY.id(), VERSION, DEAD));

        Verdict verdict = status(fresh(PRIMARY), nodes, Map.of("fra1-c", "cannot create directory"));

        assertThat(verdict).isEqualTo(new Verdict(ProvisioningStatus.PUBLISHED, null));
    }

    @Test
    void slotErrorOfUnknownNodeIsIgnored() {
        List<NodeState> nodes = List.of(node("fra1-a", PRIMARY.id(), VERSION, JUST_NOW));

        Verdict verdict = status(fresh(PRIMARY), nodes, Map.of("gone-node", "cannot create directory"));

        assertThat(verdict.status()).isEqualTo(ProvisioningStatus.PUBLISHED);
    }

    @Test
    void backupPopNotInTheFactsIsNotWaitedFor() {
        List<NodeState> nodes = List.of(
                node("fra1-a", PRIMARY.id(), VERSION, JUST_NOW),
                node("ams1-a", BACKUP.id(), VERSION - 1, JUST_NOW));

        assertThat(status(timedOut(PRIMARY), nodes).status()).isEqualTo(ProvisioningStatus.PUBLISHED);
    }

    @Test
    void errorInBackupPopNotInTheFactsIsIgnored() {
        List<NodeState> nodes = List.of(
                node("fra1-a", PRIMARY.id(), VERSION, JUST_NOW),
                failing("ams1-a", BACKUP.id(), JUST_NOW, "disk full"));

        assertThat(status(fresh(PRIMARY), nodes).status()).isEqualTo(ProvisioningStatus.PUBLISHED);
    }

    @Test
    void slotWithBackupIsPublishedWhenBothPopsConfirm() {
        List<NodeState> nodes = List.of(
                node("fra1-a", PRIMARY.id(), VERSION, JUST_NOW),
                node("ams1-a", BACKUP.id(), VERSION, JUST_NOW));

        assertThat(status(fresh(PRIMARY, BACKUP), nodes).status()).isEqualTo(ProvisioningStatus.PUBLISHED);
    }

    @Test
    void slotWithBackupWaitsForTheBackupPop() {
        List<NodeState> nodes = List.of(node("fra1-a", PRIMARY.id(), VERSION, JUST_NOW));

        assertThat(status(fresh(PRIMARY, BACKUP), nodes).status())
                .isEqualTo(ProvisioningStatus.LIVE_EVENT_PROVISIONING);
        assertThat(status(timedOut(PRIMARY, BACKUP), nodes)).isEqualTo(new Verdict(
                ProvisioningStatus.NOT_PROVISIONED,
                "No ingest node of PoP 'ams1' has reported in the last 30 seconds"));
    }

    @Test
    void slotWithBackupWaitsForThePrimaryPop() {
        List<NodeState> nodes = List.of(node("ams1-a", BACKUP.id(), VERSION, JUST_NOW));

        assertThat(status(fresh(PRIMARY, BACKUP), nodes).status())
                .isEqualTo(ProvisioningStatus.LIVE_EVENT_PROVISIONING);
        assertThat(status(timedOut(PRIMARY, BACKUP), nodes).reason()).contains("PoP 'fra1'");
    }

    @Test
    void backupNodeBehindIsNamedAfterTheTimeout() {
        List<NodeState> nodes = List.of(
                node("fra1-a", PRIMARY.id(), VERSION, JUST_NOW),
                node("ams1-a", BACKUP.id(), VERSION, JUST_NOW),
                node("ams1-b", BACKUP.id(), VERSION - 1, JUST_NOW));

        assertThat(status(fresh(PRIMARY, BACKUP), nodes).status())
                .isEqualTo(ProvisioningStatus.LIVE_EVENT_PROVISIONING);
        assertThat(status(timedOut(PRIMARY, BACKUP), nodes)).isEqualTo(new Verdict(
                ProvisioningStatus.NOT_PROVISIONED,
                "Ingest node(s) ams1-b of PoP 'ams1' did not load the slot within 5 minutes"));
    }

    @Test
    void errorInTheBackupPopMakesTheSlotError() {
        List<NodeState> nodes = List.of(
                node("fra1-a", PRIMARY.id(), VERSION, JUST_NOW),
                node("ams1-a", BACKUP.id(), VERSION, JUST_NOW));

        Verdict verdict = status(fresh(PRIMARY, BACKUP), nodes, Map.of("ams1-a", "disk full"));

        assertThat(verdict).isEqualTo(new Verdict(ProvisioningStatus.ERROR, "Ingest node 'ams1-a': disk full"));
    }

    @Test
    void timeoutCountsFromTheChangeNotFromCreation() {
        List<NodeState> nodes = List.of(node("fra1-a", PRIMARY.id(), VERSION - 1, JUST_NOW));
        SlotFacts justEdited = new SlotFacts("s", SlotLifecycle.ACTIVE, VERSION, NOW.minusSeconds(1),
                List.of(PRIMARY));

        assertThat(status(justEdited, nodes).status()).isEqualTo(ProvisioningStatus.LIVE_EVENT_PROVISIONING);
    }
    @Test
    void nodesAliveWhenTheDatabaseWentAwayAreNotDeadTheMomentItReturns() {
        // The database was away for two minutes; the nodes beat until it went away and could not beat since.
        Instant outageStart = NOW.minus(Duration.ofMinutes(2));
        List<NodeState> nodes = List.of(new NodeState("n1", PRIMARY.id(), VERSION, outageStart, null));
        Instant aliveSince = Provisioning.aliveSince(NOW, Optional.of(outageStart), SILENCE);

        assertThat(Provisioning.status(timedOut(PRIMARY), nodes, Map.of(), NOW, aliveSince,
                ProvisioningTimeouts.STANDARD).status())
                .isEqualTo(ProvisioningStatus.PUBLISHED);
        assertThat(status(timedOut(PRIMARY), nodes).status()).isEqualTo(ProvisioningStatus.NOT_PROVISIONED);
    }

    @Test
    void nodesThatDiedBeforeTheOutageStayDead() {
        Instant outageStart = NOW.minus(Duration.ofMinutes(2));
        List<NodeState> nodes = List.of(new NodeState("n1", PRIMARY.id(), VERSION, outageStart.minus(DEAD), null));
        Instant aliveSince = Provisioning.aliveSince(NOW, Optional.of(outageStart), SILENCE);

        assertThat(Provisioning.status(timedOut(PRIMARY), nodes, Map.of(), NOW, aliveSince,
                ProvisioningTimeouts.STANDARD).status())
                .isEqualTo(ProvisioningStatus.NOT_PROVISIONED);
    }

    @Test
    void withoutAnOutageNodesAreJudgedByTheUsualAge() {
        assertThat(Provisioning.aliveSince(NOW, Optional.empty(), SILENCE)).isEqualTo(NOW.minus(SILENCE));
        // During a fresh outage a node counts if it beat within the node silence limit of the outage's start.
        assertThat(Provisioning.aliveSince(NOW, Optional.of(NOW.minusSeconds(5)), SILENCE))
                .isEqualTo(NOW.minusSeconds(5).minus(SILENCE));
    }

    @Test
    void shorterLimitsDeclareANodeDeadAndProvisioningFailedSoonerAndSaySo() {
        ProvisioningTimeouts limits = new ProvisioningTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(6));
        List<NodeState> nodes = List.of(node("fra1-a", PRIMARY.id(), VERSION, Duration.ofSeconds(7)));

        Verdict early = Provisioning.status(slot(Duration.ofSeconds(19), PRIMARY), nodes, Map.of(), NOW,
                NOW.minus(limits.nodeSilence()), limits);
        Verdict late = Provisioning.status(slot(Duration.ofSeconds(20), PRIMARY), nodes, Map.of(), NOW,
                NOW.minus(limits.nodeSilence()), limits);

        assertThat(early.status()).isEqualTo(ProvisioningStatus.LIVE_EVENT_PROVISIONING);
        assertThat(late.status()).isEqualTo(ProvisioningStatus.NOT_PROVISIONED);
        assertThat(late.reason()).isEqualTo("No ingest node of PoP 'fra1' has reported in the last 6 seconds");
    }

    @Test
    void aLimitIsNamedInMinutesOnlyWhenItIsAWholeNumberOfThem() {
        assertThat(ProvisioningTimeouts.describe(Duration.ofMinutes(5))).isEqualTo("5 minutes");
        assertThat(ProvisioningTimeouts.describe(Duration.ofSeconds(90))).isEqualTo("90 seconds");
        assertThat(ProvisioningTimeouts.describe(Duration.ofSeconds(60))).isEqualTo("60 seconds");
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new ProvisioningTimeouts(Duration.ZERO, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
