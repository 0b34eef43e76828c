package io.livepush.service;

import io.livepush.domain.Actor;
import io.livepush.model.NodeSlotKey;
import io.livepush.model.Slot;
import io.livepush.model.SlotIngestStats;
import io.livepush.store.Database;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ingest statistics (SPEC §7): ingest nodes {@link #report} what they counted, the portal and the API read a slot's
 * {@link #live} status. Counts are kept per node and summed when read.
 */
public final class IngestStatsService {

    private final Database database;
    private final Clock clock;

    public IngestStatsService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Stores a node's latest figures for the slots it saw traffic for; reports for unknown slots are dropped. */
    public void report(String nodeId, Collection<IngestReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        database.runInRepeatableTransaction(em -> {
            for (IngestReport report : reports) {
                if (em.find(Slot.class, report.slotId()) == null) {
                    continue;
                }
                SlotIngestStats found = em.find(SlotIngestStats.class,
                        new NodeSlotKey(nodeId, report.slotId()));
                SlotIngestStats stats = found == null ? new SlotIngestStats(nodeId, report.slotId()) : found;
                stats.update(now, report.lastPutAt(), report.bitrateKbps(), report.overBitrate(),
                        StatusCounts.format(report.requestsLastMinute()), report.bytesLastMinute(),
                        StatusCounts.format(report.requestsLastHour()), report.bytesLastHour(),
                        report.authFailuresLastMinute(), Messages.shorten(report.lastError()),
                        report.lastErrorAt());
                if (found == null) {
                    em.persist(stats);
                }
            }
        });
    }

    /** The slot's publishing, summed over every node. */
    public SlotLiveStatus live(Actor actor, String slotId) {
        return database.inTransaction(em -> {
            Slot slot = SlotLookup.find(em, actor, slotId);
            return summarise(rows(em, List.of(slot.getId())), slot.getSegmentDurationMs(), clock.instant());
        });
    }

    /** The activity of each of {@code slots} (for a page of the slot list), with one query. */
    static Map<String, LiveActivity> activities(EntityManager em, List<Slot> slots, Instant now) {
        Map<String, List<SlotIngestStats>> bySlot = new HashMap<>();
        if (!slots.isEmpty()) {
            for (SlotIngestStats row : rows(em, slots.stream().map(Slot::getId).toList())) {
                bySlot.computeIfAbsent(row.getSlotId(), id -> new ArrayList<>()).add(row);
            }
        }
        Map<String, LiveActivity> activities = new HashMap<>();
        for (Slot slot : slots) {
            activities.put(slot.getId(), summarise(bySlot.getOrDefault(slot.getId(), List.of()),
                    slot.getSegmentDurationMs(), now).activity());
        }
        return activities;
    }

    private static List<SlotIngestStats> rows(EntityManager em, List<String> slotIds) {
        return em.createQuery("select s from SlotIngestStats s where s.slotId in :ids order by s.nodeId",
                        SlotIngestStats.class)
                .setParameter("ids", slotIds)
                .getResultList();
    }

    private static SlotLiveStatus summarise(List<SlotIngestStats> rows, int segmentDurationMs, Instant now) {
        Instant lastPut = null;
        Instant lastErrorAt = null;
        String lastError = null;
        int bitrate = 0;
        boolean over = false;
        long bytesMinute = 0;
        long bytesHour = 0;
        int authFailures = 0;
        Map<Integer, Long> minute = new TreeMap<>();
        Map<Integer, Long> hour = new TreeMap<>();
        List<SlotLiveStatus.NodeReport> nodes = new ArrayList<>();
        for (SlotIngestStats row : rows) {
            lastPut = latest(lastPut, row.getLastPutAt());
            if (row.getLastErrorAt() != null && (lastErrorAt == null || row.getLastErrorAt().isAfter(lastErrorAt))) {
                lastErrorAt = row.getLastErrorAt();
                lastError = row.getLastError();
            }
            bitrate = Math.max(bitrate, row.getBitrateKbps());
            over |= row.isOverBitrate();
            bytesMinute += row.getBytesLastMinute();
            bytesHour += row.getBytesLastHour();
            authFailures += row.getAuthFailuresLastMinute();
            Map<Integer, Long> rowMinute = StatusCounts.parse(row.getRequestsLastMinute());
            Map<Integer, Long> rowHour = StatusCounts.parse(row.getRequestsLastHour());
            rowMinute.forEach((status, count) -> minute.merge(status, count, Long::sum));
            rowHour.forEach((status, count) -> hour.merge(status, count, Long::sum));
            nodes.add(new SlotLiveStatus.NodeReport(row.getNodeId(), row.getUpdatedAt(),
                    new IngestReport(row.getSlotId(), row.getLastPutAt(), row.getBitrateKbps(), row.isOverBitrate(),
                            rowMinute, row.getBytesLastMinute(), rowHour, row.getBytesLastHour(),
                            row.getAuthFailuresLastMinute(), row.getLastError(), row.getLastErrorAt())));
        }
        return new SlotLiveStatus(LiveActivity.of(lastPut, lastErrorAt, segmentDurationMs, now), lastPut, bitrate,
                over, minute, bytesMinute, hour, bytesHour, authFailures, lastError, lastErrorAt, nodes);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
