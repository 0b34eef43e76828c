package io.livepush.bench;

import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * A bench experiment, never for real traffic: the HTTP connector serves a readable connection on the poller thread
 * that saw it readable, instead of handing it to a pool thread (no wake-up of a pool thread, no re-registration
 * with the selector in between). {@code bench/playback.sh} selects it with {@code SERVER_JAVA_OPTS=
 * -Dlivepush.test.httpProtocol=io.livepush.bench.InlinePollerHttp11NioProtocol} to measure what Tomcat's hand-off
 * costs per request. Anything that blocks on the poller (a request body still arriving, a slow reader, TLS) stalls
 * every connection that poller watches.
 */
public final class InlinePollerHttp11NioProtocol extends Http11NioProtocol {

    public InlinePollerHttp11NioProtocol() {
        super(new Endpoint());
    }

    private static final class Endpoint extends NioEndpoint {
        @Override
        public boolean processSocket(SocketWrapperBase<NioChannel> socketWrapper, SocketEvent event,
                boolean dispatch) {
            boolean inline = event == SocketEvent.OPEN_READ && Thread.currentThread().getName().endsWith("-Poller");
            return super.processSocket(socketWrapper, event, dispatch && !inline);
        }
    }
}
