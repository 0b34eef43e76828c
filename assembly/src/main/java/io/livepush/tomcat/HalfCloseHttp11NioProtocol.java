package io.livepush.tomcat;

import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SocketBufferHandler;

/**
 * Tomcat's HTTP/1.1 NIO protocol whose TLS connections use {@link HalfCloseTlsChannel}, so that a request sent
 * together with the client's {@code close_notify} (ffmpeg's {@code DELETE}s) is served with either TLS engine. The
 * publishing connector of the distribution ({@code server.xml} names this class in {@code protocol}) and of the quick
 * start use it; on plain HTTP it behaves exactly as Tomcat's.
 */
public final class HalfCloseHttp11NioProtocol extends Http11NioProtocol {

    public HalfCloseHttp11NioProtocol() {
        super(new Endpoint());
    }

    /** The NIO endpoint, with the half-close tolerant channel for TLS. */
    private static final class Endpoint extends NioEndpoint {
        @Override
        protected NioChannel createChannel(SocketBufferHandler buffers) {
            return isSSLEnabled() ? new HalfCloseTlsChannel(buffers, this) : super.createChannel(buffers);
        }
    }
}
