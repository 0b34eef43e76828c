package io.livepush.peer;

import io.livepush.ingest.IngestStatistics;
import io.livepush.origin.LiveSlot;
import io.livepush.segment.SegmentStore;
import io.livepush.service.PopService;
import jakarta.servlet.ServletContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Peer fill (issue 14 §3): a node serving a slot with a backup PoP fills the gaps of its own copy from the node of the
 * other PoP, so one playback URL survives the loss of one encoder link.
 * <ul>
 * <li>A segment that a media playlist of this node names (or a playlist this node served from the peer) but that was
 * never received is fetched from the peer, stored with {@link SegmentStore} (so it expires like any upload) and
 * served.</li>
 * <li>A media playlist that stopped updating for more than three target durations, while the peer's copy has later
 * segments, is answered with the peer's copy (not stored: the encoder's next upload replaces it anyway, and its age is
 * what tells a stale playlist).</li>
 * <li>Copies that diverge ({@link GapRules#conflict}) stop filling for that rendition, with a log line, the slot's
 * last ingest error (portal) and {@link #divergences()} (metrics).</li>
 * </ul>
 * Requests from a peer carry a {@link PeerSignature}; they bypass viewer rules and MediaVault and are never answered by
 * filling from this node's own peer, so two peers cannot loop. Fetches are bounded in time and number and shared by
 * concurrent viewers ({@link PeerFetcher}).
 */
public final class PeerFill {

    /** The servlet context attribute holding this node's peer fill. */
    public static final String ATTRIBUTE = PeerFill.class.getName();

    private static final Logger LOG = LoggerFactory.getLogger(PeerFill.class);

    /** Who asks for a playback object. */
    public enum Caller {
        /** A viewer or CDN: the viewer rules and MediaVault apply, and gaps may be filled. */
        VIEWER,
        /** A peer node with a valid signature: served as stored, without viewer checks and without filling. */
        PEER,
        /** A request with a peer header that is not valid here: refused. */
        FORGED
    }

    /**
     * What the peer gave for one request.
     *
     * @param playlist the peer's current media playlist, to answer in place of the stale local one; or {@code null}
     * @param fetchedAt when the peer's copy was fetched
     * @param stored   the attributes of the segment just stored from the peer; or {@code null}
     */
    public record Copy(byte[] playlist, Instant fetchedAt, BasicFileAttributes stored) {
    }

    private final PeerFillConfig config;
    private final String pop;
    private final SegmentStore store;
    private final long maxObjectBytes;
    private final IngestStatistics statistics;
    private final Clock clock;
    private final PeerSignature signature;
    private final PeerFetcher fetcher;
    private final PeerDirectory peers = new PeerDirectory();
    private final Divergences divergences = new Divergences();
    private final LocalPlaylists local = new LocalPlaylists();
    /** The peer's copy last answered in place of each stale local playlist file. */
    private final Map<Path, MediaPlaylist> servedFromPeer = new ConcurrentHashMap<>();
    private final AtomicLong filledSegments = new AtomicLong();
    private final AtomicLong filledPlaylists = new AtomicLong();

    /**
     * @param pop            the PoP this node serves
     * @param maxObjectBytes the largest object stored ({@code ingest.maxSegmentBytes})
     */
    public PeerFill(PeerFillConfig config, String pop, SegmentStore store, long maxObjectBytes,
            IngestStatistics statistics, Clock clock) {
        this.config = config;
        this.pop = pop;
        this.store = store;
        this.maxObjectBytes = maxObjectBytes;
        this.statistics = statistics;
        this.clock = clock;
        this.signature = config.enabled() ? new PeerSignature(config.secret()) : null;
        this.fetcher = config.enabled()
                ? PeerFetcher.start(signature, config.timeout(), config.maxFetches(), clock) : null;
    }

    /** Stops the threads of peer fetches (the web application is stopping). */
    public void close() {
        if (fetcher != null) {
            fetcher.close();
        }
    }

    /** The peer fill of {@code context}; fails loudly when the bootstrap listener did not run. */
    public static PeerFill from(ServletContext context) {
        if (!(context.getAttribute(ATTRIBUTE) instanceof PeerFill found)) {
            throw new IllegalStateException("OriginBootstrap has not run: declare it as the first listener in web.xml");
        }
        return found;
    }

    /** Whether this node fills from and answers peers. */
    public boolean enabled() {
        return config.enabled();
    }

    /** Reloads the PoPs' playback base URLs (the bootstrap's database thread); a database outage keeps the old. */
    public void refreshPeers(PopService pops) {
        if (!config.enabled()) {
            return;
        }
        try {
            peers.refresh(pops.list());
        } catch (RuntimeException e) {
            LOG.debug("Cannot reload the PoPs' playback URLs; keeping the previous ones", e);
        }
    }

    /** Classifies a playback request by its {@value PeerSignature#HEADER} header and raw path. */
    public Caller caller(String header, String rawPath) {
        if (header == null) {
            return Caller.VIEWER;
        }
        boolean valid = signature != null && signature.verify(header, rawPath, clock.instant().getEpochSecond());
        return valid ? Caller.PEER : Caller.FORGED;
    }

    /**
     * Fills the gap a viewer's request for {@code relative} of {@code slot} meets, if it is one peer fill covers.
     *
     * @param file       the stored file the request names
     * @param attributes its attributes, or {@code null} when it does not exist
     * @return the peer's copy to answer with, or {@code null} to go on as without peer fill
     */
    public Copy fill(LiveSlot slot, String relative, Path file, BasicFileAttributes attributes) throws IOException {
        String peerPop = config.enabled() ? peerPop(slot) : null;
        if (peerPop == null || !peers.knows(peerPop)) {
            return null;
        }
        String lower = relative.toLowerCase(Locale.ROOT);
        boolean playlist = lower.endsWith(".m3u8");
        if (attributes != null) {
            return playlist ? fillPlaylist(slot, relative, file, attributes, peerPop) : null;
        }
        return playlist || lower.endsWith(".mpd") ? null : fillSegment(slot, relative, file, peerPop);
    }

    /** The renditions whose copies diverged (for the portal and metrics). */
    public List<Divergence> divergences() {
        return divergences.all();
    }

    /** Segments stored from a peer since the start. */
    public long filledSegments() {
        return filledSegments.get();
    }

    /** Media playlists answered with the peer's copy since the start. */
    public long filledPlaylists() {
        return filledPlaylists.get();
    }

    /** Fetches from peers that failed since the start (unreachable, refused, timed out). */
    public long failedFetches() {
        return fetcher == null ? 0 : fetcher.failures();
    }

    private Copy fillPlaylist(LiveSlot slot, String relative, Path file, BasicFileAttributes attributes,
            String peerPop) throws IOException {
        MediaPlaylist mine = local.read(file, attributes);
        Instant now = clock.instant();
        if (mine == null || !GapRules.isStale(mine, attributes.lastModifiedTime().toInstant(), now)) {
            servedFromPeer.remove(file);
            return null;
        }
        if (divergences.isDiverged(slot, relative, now)) {
            return null;
        }
        byte[] body = await(fetcher.once("playlist " + file, peers.uri(peerPop, slot, relative), bytes -> bytes));
        MediaPlaylist theirs = body == null ? null : MediaPlaylist.parse(body);
        if (theirs == null || !GapRules.isAhead(theirs, mine) || diverges(slot, relative, mine, theirs, now)) {
            return null;
        }
        servedFromPeer.put(file, theirs);
        filledPlaylists.incrementAndGet();
        return new Copy(body, now, null);
    }

    private Copy fillSegment(LiveSlot slot, String relative, Path file, String peerPop) throws IOException {
        LocalPlaylists.Naming naming = local.naming(slot.directory(), relative, servedFromPeer);
        Instant now = clock.instant();
        if (naming == null || divergences.isDiverged(slot, naming.playlist(), now)) {
            return null;
        }
        if (naming.stored() != null) {
            // The local playlist names it: check that the peer's copy is the same stream before taking its bytes.
            byte[] body = await(fetcher.once("playlist " + naming.file(), peers.uri(peerPop, slot, naming.playlist()),
                    bytes -> bytes));
            MediaPlaylist theirs = body == null ? null : MediaPlaylist.parse(body);
            if (theirs != null && diverges(slot, naming.playlist(), naming.stored(), theirs, now)) {
                return null;
            }
        }
        BasicFileAttributes stored = await(fetcher.once("segment " + file, peers.uri(peerPop, slot, relative),
                bytes -> store(file, bytes)));
        return stored == null ? null : new Copy(null, now, stored);
    }

    private BasicFileAttributes store(Path file, byte[] bytes) {
        try {
            if (!Files.isRegularFile(file)) {
                store.write(file, new ByteArrayInputStream(bytes), maxObjectBytes, true);
                filledSegments.incrementAndGet();
            }
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + file + " from the peer PoP", e);
        }
    }

    private boolean diverges(LiveSlot slot, String playlist, MediaPlaylist mine, MediaPlaylist theirs, Instant now) {
        String conflict = GapRules.conflict(mine, theirs);
        if (conflict == null) {
            return false;
        }
        String reason = "Peer fill stopped for " + playlist + ": the copies of PoP " + pop + " and its peer differ ("
                + conflict + "); publish the same encoder output to both ingest URLs";
        if (divergences.record(slot, playlist, reason, now)) {
            LOG.warn("Peer fill stopped for [{}] of slot [{}/{}]: [{}]", playlist, slot.shortname(), slot.name(),
                    conflict);
        }
        statistics.problem(slot, reason);
        return true;
    }

    /** The name of the slot's other PoP; {@code null} when this node's PoP is its only one. */
    private String peerPop(LiveSlot slot) {
        List<String> pops = slot.rules().popNames();
        if (pops.size() != 2 || !pops.contains(pop)) {
            return null;
        }
        return pops.get(0).equals(pop) ? pops.get(1) : pops.get(0);
    }

    private <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(fetcher.patience().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
