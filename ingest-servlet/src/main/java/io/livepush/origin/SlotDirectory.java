package io.livepush.origin;

import io.livepush.segment.SegmentStore;
import io.livepush.service.Heartbeat;
import io.livepush.service.NodeService;
import io.livepush.service.NotFoundException;
import io.livepush.service.RuleChanges;
import io.livepush.service.SlotRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slots this node serves, as an immutable snapshot that request threads read without locks or database calls.
 * <p>
 * {@link #sync()} (called every few seconds by the bootstrap's background thread) loads only the slots whose config
 * version moved past the one this node has, creates the storage directories of new slots, removes the files of
 * deleted ones, and reports the loaded version in a heartbeat, from which the portal derives "Published". When the
 * database cannot be reached, the snapshot stays as it is and requests go on being served from it.
 */
public final class SlotDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(SlotDirectory.class);

    private final NodeService nodes;
    private final SegmentStore store;
    private final OriginConfig config;
    private final Map<String, String> slotErrors = new ConcurrentHashMap<>();
    private final List<Consumer<SlotRules>> changeListeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, LiveSlot> slots = Map.of();
    private volatile long loadedVersion;
    private volatile boolean databaseReachable = true;
    private volatile boolean popMissing;
    private volatile long syncedAtNanos = System.nanoTime();

    public SlotDirectory(NodeService nodes, SegmentStore store, OriginConfig config) {
        this.nodes = nodes;
        this.store = store;
        this.config = config;
    }

    /** The active slot {@code shortname/name} if this node serves it. Lock-free; never touches the database. */
    public LiveSlot find(String shortname, String name) {
        return slots.get(key(shortname, name));
    }

    /** The config version this node has loaded. */
    public long loadedVersion() {
        return loadedVersion;
    }

    /** The number of slots this node serves. */
    public int size() {
        return slots.size();
    }

    /** Whether the last {@link #sync()} reached the database. */
    public boolean isDatabaseReachable() {
        return databaseReachable;
    }

    /** How long ago the rules were last confirmed current by a {@link #sync()} that reached the database. */
    public Duration sinceLastSync() {
        return Duration.ofNanos(System.nanoTime() - syncedAtNanos);
    }

    /** Registers a listener told about every changed slot (for example to drop cached credentials). */
    public void onChange(Consumer<SlotRules> listener) {
        changeListeners.add(listener);
    }

    /** Loads what changed, provisions it, and sends a heartbeat; never throws for a database outage. */
    public void sync() {
        try {
            RuleChanges changes = nodes.changesSince(loadedVersion);
            apply(changes);
            heartbeat();
            syncedAtNanos = System.nanoTime();
            if (!databaseReachable) {
                LOG.info("The database is reachable again; slot rules are at version [{}]", loadedVersion);
                databaseReachable = true;
            }
        } catch (RuntimeException e) {
            if (databaseReachable) {
                LOG.warn("Cannot reach the database; serving [{}] slots from the rules of version [{}]",
                        slots.size(), loadedVersion, e);
                databaseReachable = false;
            }
        }
    }

    private void heartbeat() {
        try {
            nodes.heartbeat(new Heartbeat(config.nodeId(), config.pop(), loadedVersion, storageProblem(),
                    Map.copyOf(slotErrors)));
            popMissing = false;
        } catch (NotFoundException e) {
            if (!popMissing) {
                LOG.warn("The PoP [{}] of this node does not exist: create it in the portal (or with livepush-init);"
                        + " until then no slot is served here", config.pop());
                popMissing = true;
            }
        }
    }

    private void apply(RuleChanges changes) {
        if (changes.changed().isEmpty()) {
            loadedVersion = changes.version();
            return;
        }
        Map<String, LiveSlot> next = new HashMap<>(slots);
        for (SlotRules rules : changes.changed()) {
            String key = key(rules.shortname(), rules.name());
            boolean mine = rules.popNames().contains(config.pop());
            if (rules.isActive() && mine) {
                next.put(key, new LiveSlot(rules, store.slotDirectory(rules.shortname(), rules.name())));
                provision(rules);
            } else {
                next.remove(key);
                slotErrors.remove(rules.slotId());
                if (!rules.isActive()) {
                    removeFiles(rules);
                }
            }
            changeListeners.forEach(listener -> listener.accept(rules));
        }
        slots = Map.copyOf(next);
        loadedVersion = changes.version();
    }

    private void provision(SlotRules rules) {
        try {
            store.ensureSlotDirectory(rules.shortname(), rules.name());
            slotErrors.remove(rules.slotId());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot create the storage directory of slot [{}/{}]", rules.shortname(), rules.name(), e);
            slotErrors.put(rules.slotId(), "Cannot create the storage directory "
                    + store.slotDirectory(rules.shortname(), rules.name()) + ": " + e);
        }
    }

    private void removeFiles(SlotRules rules) {
        try {
            store.removeSlot(rules.shortname(), rules.name());
        } catch (IOException e) {
            LOG.warn("Cannot remove every file of deleted slot [{}/{}]", rules.shortname(), rules.name(), e);
        }
    }

    private String storageProblem() {
        Path root = store.root();
        if (!Files.isDirectory(root) || !Files.isWritable(root)) {
            return "The storage root " + root + " is not a writable directory";
        }
        return null;
    }

    private static String key(String shortname, String name) {
        return shortname + '/' + name;
    }
}
