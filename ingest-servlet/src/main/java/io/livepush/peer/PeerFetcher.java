package io.livepush.peer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches objects from peer nodes with {@link HttpClient}: signed ({@link PeerSignature}), bounded in time (one
 * time-out from connection to last byte) and in number (at most {@code maxFetches} at once; over that, the gap is not
 * filled), and shared: viewers who miss the same object at the same time wait for one fetch.
 * <p>
 * The client's work runs on this fetcher's own {@code livepush-peer-fill} threads, which {@link #close()} stops. Java
 * 17's {@code HttpClient} cannot be closed: its selector thread ends once the client is unreachable, so it is started
 * with the platform class loader as its context class loader and neither holds the web application's class loader nor
 * shows up in Tomcat's check for threads an application left running.
 */
final class PeerFetcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeerFetcher.class);
    private static final long WARN_EVERY_MILLIS = 60_000;

    private final HttpClient client;
    private final ExecutorService executor;
    private final Queue<Thread> threads;
    private final PeerSignature signature;
    private final Duration timeout;
    private final Semaphore permits;
    private final Clock clock;
    private final Map<String, CompletableFuture<?>> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong lastRefusalWarning = new AtomicLong(Long.MIN_VALUE / 2);

    private PeerFetcher(HttpClient client, ExecutorService executor, Queue<Thread> threads, PeerSignature signature,
            Duration timeout, int maxFetches, Clock clock) {
        this.client = client;
        this.executor = executor;
        this.threads = threads;
        this.signature = signature;
        this.timeout = timeout;
        this.permits = new Semaphore(maxFetches);
        this.clock = clock;
    }

    /** A fetcher with its own client and threads; close it when the web application stops. */
    static PeerFetcher start(PeerSignature signature, Duration timeout, int maxFetches, Clock clock) {
        AtomicInteger count = new AtomicInteger();
        Queue<Thread> threads = new ConcurrentLinkedQueue<>();
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "livepush-peer-fill-" + count.incrementAndGet());
            thread.setDaemon(true);
            threads.removeIf(ended -> ended.getState() == Thread.State.TERMINATED);
            threads.add(thread);
            return thread;
        });
        Thread current = Thread.currentThread();
        ClassLoader application = current.getContextClassLoader();
        current.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER).executor(executor).build();
            return new PeerFetcher(client, executor, threads, signature, timeout, maxFetches, clock);
        } finally {
            current.setContextClassLoader(application);
        }
    }

    /**
     * Stops the fetch threads, waiting a few seconds for them to end; fetches still running fail. The pool counts as
     * terminated while its last thread is still finishing, so the threads themselves are joined: once this returns,
     * none of them shows up in Tomcat's check for threads an application left running.
     */
    @Override
    public void close() {
        executor.shutdownNow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            for (Thread thread : threads) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left > 0) {
                    thread.join(left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (threads.stream().anyMatch(Thread::isAlive)) {
            LOG.warn("Peer-fill threads did not stop within 5 seconds");
        }
    }

    /**
     * Runs {@code work} on the body of {@code uri} once for everyone asking for {@code key} meanwhile. The future ends
     * with {@code null} when the peer has no such object, fails, takes longer than the time-out, when too many
     * fetches run already, or when {@code uri} is {@code null} (the peer is no longer known).
     */
    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> once(String key, URI uri, Function<byte[], T> work) {
        CompletableFuture<T> running = (CompletableFuture<T>) inFlight.get(key);
        if (running != null) {
            return running;
        }
        if (uri == null || !permits.tryAcquire()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<T> mine = new CompletableFuture<>();
        running = (CompletableFuture<T>) inFlight.putIfAbsent(key, mine);
        if (running != null) {
            permits.release();
            return running;
        }
        CompletableFuture<byte[]> body;
        try {
            body = download(uri);
        } catch (RuntimeException e) {
            body = CompletableFuture.failedFuture(e);
        }
        body.thenApplyAsync(bytes -> bytes == null ? null : work.apply(bytes))
                .whenComplete((result, error) -> {
                    permits.release();
                    inFlight.remove(key, mine);
                    if (error != null) {
                        failures.incrementAndGet();
                        LOG.debug("Peer fill of [{}] failed", uri.getRawPath(), error);
                    }
                    mine.complete(error == null ? result : null);
                });
        return mine;
    }

    /** How long a caller waits for {@link #once}: the fetch's time-out and a little for storing what came. */
    Duration patience() {
        return timeout.plusMillis(250);
    }

    /** Fetches that failed (refused, unreachable, timed out, cut off) since the start. */
    long failures() {
        return failures.get();
    }

    /** The body of a 200 answer; {@code null} for 404 and other refusals. */
    private CompletableFuture<byte[]> download(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header(PeerSignature.HEADER, signature.sign(uri.getRawPath(), clock.instant().getEpochSecond()))
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofByteArray());
        return exchange.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((response, error) -> {
                    if (error != null) {
                        exchange.cancel(true);
                    }
                })
                .thenApply(response -> {
                    if (response.statusCode() == 200) {
                        return response.body();
                    }
                    if (response.statusCode() != 404) {
                        failures.incrementAndGet();
                        warnOfRefusal(uri, response.statusCode());
                    }
                    return null;
                });
    }

    /** A refusal other than 404 means a misconfigured peer (403: another cluster secret); said once a minute. */
    private void warnOfRefusal(URI uri, int status) {
        long now = clock.millis();
        long last = lastRefusalWarning.get();
        if (now - last >= WARN_EVERY_MILLIS && lastRefusalWarning.compareAndSet(last, now)) {
            LOG.warn("The peer node at [{}://{}] answered [{}] to a peer-fill fetch; check that every node has the"
                    + " same peerFill.secret", uri.getScheme(), uri.getRawAuthority(), status);
        }
    }
}
