package io.livepush.tomcat;

import java.io.IOException;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SecureNioChannel;
import org.apache.tomcat.util.net.SocketBufferHandler;

/**
 * Tomcat's TLS channel, except that a request which arrives together with the client's {@code close_notify} is
 * read instead of dropped.
 * <p>
 * ffmpeg sends every {@code DELETE} on a new connection and closes it at once: the request and the TLS close alert
 * reach the server in one read. JSSE decrypts them in two {@code unwrap} calls (data, then {@code CLOSED}), which
 * {@link SecureNioChannel#read(ByteBuffer)} accepts as a half-close. The OpenSSL engine (through FFM, or
 * tomcat-native) decrypts both in one call and answers {@code CLOSED} with the request's bytes already written to the
 * destination buffer; Tomcat 11.0.24 then throws "invalid status [CLOSED]" and the request is lost without a trace
 * (the HTTP processor logs it at DEBUG). Here that case returns the bytes that were written, like the half-close
 * Tomcat already accepts; the next read finds the end of the stream. Every other failure is thrown as before.
 */
final class HalfCloseTlsChannel extends SecureNioChannel {

    HalfCloseTlsChannel(SocketBufferHandler buffers, NioEndpoint endpoint) {
        super(buffers, endpoint);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int before = dst.position();
        try {
            return super.read(dst);
        } catch (IOException e) {
            SSLEngine engine = getSslEngine();
            int written = dst.position() - before;
            if (written > 0 && engine != null && engine.isInboundDone()) {
                return written;
            }
            throw e;
        }
    }
}
