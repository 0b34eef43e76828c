package io.livepush.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What Tomcat checks when {@code live.war} stops: no thread the peer fetcher started is left running with the web
 * application's class loader (Tomcat logs such threads as a likely memory leak).
 */
class PeerFetcherTest {

    @Test
    void noThreadKeepsTheApplicationsClassLoaderAndTheFetchThreadsStopOnClose() throws Exception {
        ClassLoader application = new URLClassLoader(new URL[0], getClass().getClassLoader());
        PeerFetcher fetcher = startAs(application);
        try {
            // A fetch from a port nobody listens on: the client's selector and the fetch threads have run.
            assertThat(fetcher.once("segment", URI.create("http://127.0.0.1:" + closedPort() + "/x.ts"), body -> body)
                    .get(10, TimeUnit.SECONDS)).isNull();
            assertThat(threadsHolding(application)).as("threads holding the application's class loader").isEmpty();
        } finally {
            fetcher.close();
        }
        assertThat(liveThreadNames()).noneMatch(name -> name.startsWith("livepush-peer-fill-"));
    }

    /** Starts a fetcher the way live.war's bootstrap does: on a thread whose context class loader is the WAR's. */
    private static PeerFetcher startAs(ClassLoader application) {
        Thread current = Thread.currentThread();
        ClassLoader before = current.getContextClassLoader();
        current.setContextClassLoader(application);
        try {
            return PeerFetcher.start(new PeerSignature("cluster-secret-0123456789"), Duration.ofSeconds(2), 2,
                    Clock.systemUTC());
        } finally {
            current.setContextClassLoader(before);
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static List<String> threadsHolding(ClassLoader loader) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getContextClassLoader() == loader)
                .map(Thread::getName).toList();
    }

    private static List<String> liveThreadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }
}
