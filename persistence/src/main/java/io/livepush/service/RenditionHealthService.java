package io.livepush.service;

import io.livepush.domain.Actor;
import io.livepush.health.RenditionHealth;
import io.livepush.health.RenditionName;
import io.livepush.health.RenditionReport;
import io.livepush.health.SlotHealth;
import io.livepush.model.RenditionHealthRow;
import io.livepush.model.RenditionKey;
import io.livepush.model.Slot;
import io.livepush.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;

/**
 * Encoder health per rendition (SPEC §7): ingest nodes {@link #report} what they observed, the portal and the API read a
 * slot's {@link #health}, judged at the moment of reading with this service's clock. Rows a node has not rewritten for
 * {@link #SHOWN_FOR} (a node that went away) are not shown.
 */
public final class RenditionHealthService {

    /** How long a node's silent report is still shown. */
    public static final Duration SHOWN_FOR = Duration.ofHours(1);

    private final Database database;
    private final Clock clock;

    public RenditionHealthService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Stores a node's changed renditions and removes the ones it stopped tracking, in one transaction. Reports for
     * unknown (deleted) slots are dropped.
     */
    public void report(String nodeId, Collection<RenditionReport> changed, Collection<RenditionName> gone) {
        if (changed.isEmpty() && gone.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        database.runInTransaction(em -> {
            for (RenditionReport report : changed) {
                if (em.find(Slot.class, report.slotId()) == null) {
                    continue;
                }
                RenditionHealthRow found = em.find(RenditionHealthRow.class,
                        new RenditionKey(nodeId, report.slotId(), report.rendition()));
                RenditionHealthRow row = found == null
                        ? new RenditionHealthRow(nodeId, report.slotId(), report.rendition()) : found;
                row.update(now, report);
                if (found == null) {
                    em.persist(row);
                }
            }
            for (RenditionName name : gone) {
                RenditionHealthRow row = em.find(RenditionHealthRow.class,
                        new RenditionKey(nodeId, name.slotId(), name.rendition()));
                if (row != null) {
                    em.remove(row);
                }
            }
        });
    }

    /** Every rendition of the slot as each ingest node reported it, judged now; by rendition, then node. */
    public SlotHealth health(Actor actor, String slotId) {
        Instant now = clock.instant();
        return database.inTransaction(em -> {
            Slot slot = SlotLookup.find(em, actor, slotId);
            return new SlotHealth(now, em.createQuery("select r from RenditionHealthRow r where r.slotId = :slot and r.updatedAt > :since",
                            RenditionHealthRow.class)
                    .setParameter("slot", slot.getId())
                    .setParameter("since", now.minus(SHOWN_FOR))
                    .getResultStream()
                    .map(row -> row.judge(now))
                    .sorted(Comparator.comparing(RenditionHealth::rendition).thenComparing(RenditionHealth::nodeId))
                    .toList());
        });
    }
}
