package io.livepush.playback;

import io.livepush.ingest.IngestPath;
import io.livepush.llhls.LowLatencyPlaylists;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.mediavault.MediaVaultRequest;
import io.livepush.mediavault.Verdict;
import io.livepush.mediavault.VerdictCache;
import io.livepush.metrics.PlaybackMeters;
import io.livepush.origin.LiveSlot;
import io.livepush.origin.Origin;
import io.livepush.peer.PeerFill;
import io.livepush.peer.PeerSignature;
import io.livepush.playlist.PlaylistViews;
import io.livepush.segment.ObjectTypes;
import io.livepush.segment.UploadedObjectHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards and serves {@code /play/{shortname}/{slot}/{path}} (SPEC §5): the viewer rules and MediaVault are enforced on
 * every request, then Tomcat's {@code DefaultServlet} serves the stored file with {@code ETag}, {@code Last-Modified},
 * 304, ranges (206/416), {@code HEAD} and sendfile.
 * <p>
 * The storage root is mounted into the web application at {@code /play} (a {@code PreResources DirResourceSet} with
 * caching off, see docs/install-live.md), so an allowed request simply continues down the filter chain to the default
 * servlet, which sees the container's own request object and may use sendfile (Tomcat does not use sendfile for a
 * forwarded or wrapped request). A request whose path carries a path-based MediaVault token is forwarded to the path
 * without the token instead. This filter is mapped to {@code /play/*} for {@code REQUEST} dispatches, so no client
 * reaches the mount without passing it.
 * <p>
 * Playlists and manifests, which every player re-fetches every few seconds, are answered here from an in-memory copy
 * ({@link ManifestCache}, {@link ManifestResponses}) when the request is neither conditional nor a range request; the
 * copy is proven current by this request's {@code stat()} of the file, so a live playlist is never stale. A plain
 * {@code GET} of a segment is answered here too, from the attributes that {@code stat()} read and with the connector's
 * sendfile where it has one ({@link StoredObjectResponses}), sparing the default servlet's second look-up of the file.
 * <p>
 * Order: method ({@code GET}, {@code HEAD}, {@code OPTIONS}; else 405 + {@code Allow}); path grammar of
 * {@link IngestPath} on the raw request URI (400; dot-files such as in-flight uploads never pass, and a path that
 * passes is one Tomcat does not normalise, so the default servlet serves exactly the file that was checked); the slot
 * from the cached {@code SlotDirectory} (404; a deleted slot is gone at the next reload); {@code OPTIONS} is answered
 * here without any token check (CORS preflight); a peer node's signed request ({@link PeerSignature}) skips the viewer
 * rules and MediaVault and is never filled in turn, a forged one is refused (403); viewer rules on {@code getRemoteAddr()} (403); the slot's MediaVault
 * verifier (the slot's deny status, {@code Cache-Control: no-store}); a missing file, directory or the slot root
 * (404; unless peer fill, {@link PeerFill}, fetches a segment the slot's playlists name from the slot's other PoP, or
 * answers a stale media playlist with that PoP's current copy; or a file whose upload is in flight in a low-latency
 * slot is relayed as it arrives, {@link InFlightResponse}, which is why this filter supports async); then the
 * object's {@code Content-Type}, {@code X-Content-Type-Options} and {@code Content-Security-Policy}
 * ({@link UploadedObjectHeaders}: uploaded bytes never run as a script on this origin, which the portal may share),
 * {@code Cache-Control} ({@link CacheHeaders}) and, in cookie mode, {@code Set-Cookie}. Refusals carry
 * {@code nosniff} and the sandboxing policy too. CORS headers go on every answer. No database call, DNS lookup or
 * HTTP session on this path. Every answer is counted in {@link PlaybackMeters} (status, bytes, refusal reason) with
 * counters built in advance.
 * <dl>
 * <dt>{@code playback.corsOrigin}</dt><dd>{@code *} (default), origins separated by spaces or commas (echoed with
 * credentials allowed), or {@code none}</dd>
 * <dt>{@code playback.manifestCacheControl}</dt><dd>{@code Cache-Control} of playlists, manifests and init files;
 * default {@code max-age=1}</dd>
 * <dt>{@code playback.manifestCacheMegabytes}</dt><dd>MiB of playlists and manifests kept in memory; default 64, 0
 * turns the copies off</dd>
 * <dt>{@code playback.manifestRecheckMillis}</dt><dd>how long a copy proven current by a {@code stat()} is answered
 * without another one; default 100, 0 proves every request. A publish or {@code DELETE} through this node drops the
 * copy at once; the interval bounds how late other changes are seen (another node writing shared storage, file
 * expiry), so set 0 where nodes share storage ({@link ManifestCache})</dd>
 * <dt>{@code playback.verdictCacheEntries}</dt><dd>MediaVault allows remembered ({@link VerdictCache}), so a viewer's
 * token is not hashed again on every request; default 16384, 0 turns the cache off. Entries are keyed by the slot's
 * verifier instance, and a change of a slot's rules builds a new {@code LiveSlot} with a new verifier, so no request
 * is ever answered from the rules it had before</dd>
 * </dl>
 */
public final class PlaybackFilter extends HttpFilter {

    private static final Logger LOG = LoggerFactory.getLogger(PlaybackFilter.class);

    /** The methods playback answers. */
    static final String ALLOW = "GET, HEAD, OPTIONS";
    /** Where this filter is mapped, and where the storage root is mounted. */
    static final String MOUNT = "/play";

    private transient Origin origin;
    private transient PlaybackConfig config;
    private transient CacheHeaders cacheHeaders;
    private transient ManifestCache manifests;
    private transient VerdictCache verdicts;
    private transient PeerFill peerFill;
    private transient InFlightResponse inFlight;
    private transient LowLatencyPlaylists lowLatency;
    private transient PlaybackMeters meters;
    /** The container's MIME mappings, for names {@link ObjectTypes} does not list. */
    private transient Function<String, String> containerTypes;

    @Override
    public void init() throws ServletException {
        origin = Origin.from(getServletContext());
        config = PlaybackConfig.from(getServletContext());
        cacheHeaders = new CacheHeaders(config.manifestCacheControl());
        containerTypes = getServletContext()::getMimeType;
        manifests = new ManifestCache(config.manifestCacheBytes(), config.manifestRecheckMillis());
        origin.store().addListener(manifests);
        verdicts = new VerdictCache(config.verdictCacheEntries());
        peerFill = PeerFill.from(getServletContext());
        inFlight = new InFlightResponse(origin.store().uploadsInFlight(), cacheHeaders);
        lowLatency = new LowLatencyPlaylists(PlaylistViews.from(getServletContext()), origin.store().uploadsInFlight());
        meters = PlaybackMeters.from(getServletContext());
        meters.bindManifestCache(manifests, ManifestCache::hits, ManifestCache::misses);
        meters.bindVerdictCache(verdicts, VerdictCache::hits, VerdictCache::misses);
        meters.bindHeldReloads(lowLatency, LowLatencyPlaylists::heldRequests);
        LOG.info("Playback serves [{}] at [{}] with CORS [{}], manifest Cache-Control [{}], [{}] MiB of manifests"
                + " in memory and [{}] MediaVault verdicts cached", origin.config().storageRoot(), MOUNT, config.cors(),
                config.manifestCacheControl(), config.manifestCacheBytes() / PlaybackConfig.MEBIBYTE,
                config.verdictCacheEntries());
    }

    @Override
    public void destroy() {
        if (inFlight != null) {
            inFlight.close();
        }
        lowLatency.close();
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        guardAndServe(req, resp, chain);
        meters.answered(req, resp);
    }

    private void guardAndServe(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        applyCors(req, resp);
        String method = req.getMethod();
        boolean options = "OPTIONS".equals(method);
        if (!options && !"GET".equals(method) && !"HEAD".equals(method)) {
            resp.setHeader("Allow", ALLOW);
            refuse(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        // The raw URI, not the servlet path: Tomcat would turn a//b.ts, a/./b.ts and a.ts;x=y into valid paths.
        IngestPath path = parseRaw(req, req.getRequestURI());
        if (path == null) {
            refuse(resp, HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        LiveSlot slot = origin.slots().find(path.shortname(), path.slot());
        if (slot == null) {
            refuse(resp, HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (options) {
            answerOptions(req, resp);
            return;
        }
        // A peer node's signed fetch skips the viewer checks, and is never answered by filling from a peer (no loops).
        PeerFill.Caller caller = peerFill.caller(req.getHeader(PeerSignature.HEADER), req.getRequestURI());
        if (caller == PeerFill.Caller.FORGED) {
            refuse(resp, HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (caller == PeerFill.Caller.VIEWER && !slot.rules().viewers().allows(req.getRemoteAddr())) {
            meters.refusedByViewerRule();
            refuse(resp, HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Verdict verdict = caller == PeerFill.Caller.PEER ? null : checkMediaVault(req, slot, path);
        if (verdict != null && !verdict.allowed()) {
            meters.refusedByMediaVault(verdict.reason());
            refuse(resp, verdict.status());
            return;
        }
        serve(req, resp, chain, slot, path, verdict, caller == PeerFill.Caller.VIEWER);
    }

    private void serve(HttpServletRequest req, HttpServletResponse resp, FilterChain chain, LiveSlot slot,
            IngestPath path, Verdict verdict, boolean mayFill) throws IOException, ServletException {
        boolean tokenInPath = verdict != null && !verdict.path().equals(req.getRequestURI());
        IngestPath target = tokenInPath ? parseRaw(req, verdict.path()) : path;
        if (target == null) {
            refuse(resp, HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Path file = target.isSlotRoot() || target.collection() ? null : slot.directory().resolve(target.relative());
        // Neither conditional nor a range request: this filter may answer it from what it knows of the file.
        boolean plain = ManifestResponses.canAnswer(req);
        // A playlist proven current a moment ago, and not republished since, is answered without touching the file.
        Manifest recent = file == null || peerFill.enabled() || !plain ? null : manifests.recent(file);
        BasicFileAttributes attributes = recent != null ? null : storedFile(req, resp, slot, target, file, verdict,
                mayFill);
        if (recent == null && attributes == null) {
            return;
        }
        applyObjectHeaders(resp, target, slot, verdict);
        if (lowLatency.answer(req, resp, file, slot.directory(), slot.lowLatency(),
                verdict != null && verdict.hasSetCookie())) {
            return;
        }
        Manifest manifest = recent != null ? recent : plain ? manifests.current(file, attributes) : null;
        if (manifest != null) {
            ManifestResponses.answer(req, resp, manifest);
            return;
        }
        if (plain && StoredObjectResponses.answer(req, resp, file, attributes)) {
            return;
        }
        HttpServletResponse typed = ObjectTypes.overridesContainerType(target.fileName())
                ? new FixedContentTypeResponse(resp) : resp;
        if (tokenInPath) {
            // The path-token segment is cut out; the dispatcher path is still percent-encoded, as Tomcat expects.
            req.getRequestDispatcher(verdict.path().substring(req.getContextPath().length())).forward(req, typed);
            return;
        }
        chain.doFilter(req, typed);
    }

    /**
     * The attributes of the stored file the request names; {@code null} when this has answered the request instead:
     * from an upload in flight, with the peer PoP's playlist, or 404.
     */
    private BasicFileAttributes storedFile(HttpServletRequest req, HttpServletResponse resp, LiveSlot slot,
            IngestPath target, Path file, Verdict verdict, boolean mayFill) throws IOException {
        BasicFileAttributes attributes = file == null ? null : regularFile(file);
        if (attributes == null && file != null && slot.lowLatency() && inFlight.answer(req, resp, file,
                () -> applyObjectHeaders(resp, target, slot, verdict), verdict != null && verdict.hasSetCookie())) {
            return null;
        }
        PeerFill.Copy copy = mayFill && file != null ? peerFill.fill(slot, target.relative(), file, attributes) : null;
        if (copy != null && copy.playlist() != null) {
            applyObjectHeaders(resp, target, slot, verdict);
            ManifestResponses.answer(req, resp, Manifest.fromPeer(copy.playlist(), copy.fetchedAt()));
            return null;
        }
        attributes = copy != null ? copy.stored() : attributes;
        if (attributes == null) {
            if (file != null) {
                manifests.forget(file);
            }
            refuse(resp, HttpServletResponse.SC_NOT_FOUND);
        }
        return attributes;
    }

    /** The headers of an allowed answer: type, {@code nosniff} and policy, {@code Cache-Control}, the cookie. */
    private void applyObjectHeaders(HttpServletResponse resp, IngestPath target, LiveSlot slot, Verdict verdict) {
        UploadedObjectHeaders.apply(resp, ObjectTypes.of(target.fileName(), containerTypes));
        boolean setsCookie = verdict != null && verdict.hasSetCookie();
        resp.setHeader("Cache-Control", cacheHeaders.cacheControl(target.fileName(),
                slot.rules().fileExpirySeconds(), setsCookie));
        if (setsCookie) {
            resp.addHeader("Set-Cookie", verdict.setCookie());
        }
    }

    /** Runs the slot's MediaVault check; {@code null} when MediaVault is off for the slot. */
    private Verdict checkMediaVault(HttpServletRequest req, LiveSlot slot, IngestPath path) {
        MediaVaultMode mode = slot.verifier().settings().mode();
        if (mode == MediaVaultMode.NONE) {
            return null;
        }
        String rawPath = req.getRequestURI();
        String url = MediaVaultRequest.url(req.getScheme(), req.getServerName(), req.getServerPort(), rawPath,
                req.getQueryString());
        MediaVaultRequest request = new MediaVaultRequest(url, req.getRemoteAddr(), req.getHeader("Referer"),
                mode.usesCookies() ? cookies(req) : List.of());
        Verdict verdict = verdicts.check(slot.verifier(), request, checkedPath -> isMasterPlaylist(
                fileOf(req, slot, path, rawPath, checkedPath)), origin.clock().instant().getEpochSecond());
        if (!verdict.allowed() && LOG.isDebugEnabled()) {
            LOG.debug("MediaVault refused [{}] of slot [{}/{}] from [{}]: [{}]", verdict.path(), slot.shortname(),
                    slot.name(), req.getRemoteAddr(), verdict.reason());
        }
        return verdict;
    }

    /** Whether the stored file is an HLS master playlist, from its in-memory copy when it has one. */
    private boolean isMasterPlaylist(Path file) {
        Manifest recent = manifests.recent(file);
        if (recent != null) {
            return recent.master();
        }
        BasicFileAttributes attributes = regularFile(file);
        if (attributes == null) {
            return false;
        }
        try {
            Manifest manifest = manifests.current(file, attributes);
            return manifest != null ? manifest.master() : Playlists.isMaster(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read playlist " + file, e);
        }
    }

    /**
     * The attributes of the regular file at {@code file}; {@code null} when there is none: missing, a directory, or a
     * path through a file ({@code seg.ts/x}), as {@link Files#isRegularFile} sees it.
     */
    private static BasicFileAttributes regularFile(Path file) {
        try {
            // Not through a link, as the storage mount (allowLinking off) would refuse it.
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? attributes : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The stored file a raw request path (possibly with a path token cut out) names; a non-file when it names none. */
    private Path fileOf(HttpServletRequest req, LiveSlot slot, IngestPath path, String rawPath, String checkedPath) {
        IngestPath named = checkedPath.equals(rawPath) ? path : parseRaw(req, checkedPath);
        return named == null ? slot.directory() : slot.directory().resolve(named.relative());
    }

    /** Parses a raw path below the mount with the one path grammar; {@code null} when it breaks it. */
    private IngestPath parseRaw(HttpServletRequest req, String rawPath) {
        return parsePath(rawPath, req.getContextPath(), origin.config().maxPathDepth());
    }

    /**
     * Parses a raw request path ({@code getRequestURI()}, or one with a path token cut out) below {@code /play} with
     * the one path grammar, allowing one more level than ingest (a path-based token may add a segment); {@code null}
     * when the path breaks the grammar or lies outside the mount.
     */
    static IngestPath parsePath(String rawPath, String contextPath, int maxIngestDepth) {
        try {
            return IngestPath.parseRequest(rawPath, contextPath, MOUNT, maxIngestDepth + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void applyCors(HttpServletRequest req, HttpServletResponse resp) {
        CorsPolicy cors = config.cors();
        String allowOrigin = cors.allowOrigin(req.getHeader("Origin"));
        if (cors.variesByOrigin()) {
            resp.addHeader("Vary", "Origin");
        }
        if (allowOrigin == null) {
            return;
        }
        resp.setHeader("Access-Control-Allow-Origin", allowOrigin);
        if (cors.allowsCredentials()) {
            resp.setHeader("Access-Control-Allow-Credentials", "true");
        }
        resp.setHeader("Access-Control-Expose-Headers", CorsPolicy.EXPOSE_HEADERS);
    }

    /** Answers {@code OPTIONS}: a CORS preflight, or a plain question about the methods. */
    private static void answerOptions(HttpServletRequest req, HttpServletResponse resp) {
        resp.setHeader("Allow", ALLOW);
        if (req.getHeader("Origin") != null && req.getHeader("Access-Control-Request-Method") != null) {
            resp.setHeader("Access-Control-Allow-Methods", ALLOW);
            String headers = CorsPolicy.allowHeaders(req.getHeader("Access-Control-Request-Headers"));
            if (headers != null) {
                resp.setHeader("Access-Control-Allow-Headers", headers);
            }
            resp.setHeader("Access-Control-Max-Age", CorsPolicy.MAX_AGE);
        }
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static void refuse(HttpServletResponse resp, int status) throws IOException {
        resp.setHeader("Cache-Control", CacheHeaders.NO_STORE);
        UploadedObjectHeaders.applyToError(resp);
        resp.sendError(status);
    }

    private static List<MediaVaultRequest.Cookie> cookies(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return List.of();
        }
        List<MediaVaultRequest.Cookie> list = new ArrayList<>(cookies.length);
        for (Cookie cookie : cookies) {
            list.add(new MediaVaultRequest.Cookie(cookie.getName(), cookie.getValue()));
        }
        return list;
    }
}
