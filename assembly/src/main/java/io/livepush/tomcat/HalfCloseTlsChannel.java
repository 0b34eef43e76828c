package io.livepush.tomcat;

import java.io.IOException;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngineResult;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SecureNioChannel;
import org.apache.tomcat.util.net.SocketBufferHandler;

/**
 * Tomcat's TLS channel, except that a request which arrives together with the client's close ({@code close_notify},
 * end of stream) is read instead of dropped.
 * <p>
 * ffmpeg sends every {@code DELETE} on a new connection and closes it at once, so the request, the TLS close alert and
 * the end of the stream reach the server together. Tomcat 11.0.24's {@link SecureNioChannel#read(ByteBuffer)} loses
 * such a request in two cases, both handled here:
 * <ul>
 * <li>The OpenSSL engine (through FFM, or tomcat-native) decrypts the request and the alert in one {@code unwrap}
 * and answers {@code CLOSED} with the request's bytes already in the destination buffer; Tomcat throws "invalid
 * status [CLOSED]" (JSSE answers data and {@code CLOSED} in two calls, which Tomcat accepts as a half-close). Here that
 * case returns the bytes written.</li>
 * <li>Under TLS 1.3 the request comes in the client's last handshake flight, so it already sits in the network buffer
 * when the handshake ends; Tomcat's next read finds the end of the stream and returns it without decrypting what it
 * holds. Here what it holds is decrypted first.</li>
 * </ul>
 * The read after that finds the end of the stream. Every other failure is thrown as before.
 */
final class HalfCloseTlsChannel extends SecureNioChannel {

    HalfCloseTlsChannel(SocketBufferHandler buffers, NioEndpoint endpoint) {
        super(buffers, endpoint);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int before = dst.position();
        int read;
        try {
            read = super.read(dst);
        } catch (IOException e) {
            if (dst.position() > before && sslEngine != null && sslEngine.isInboundDone()) {
                return dst.position() - before;
            }
            throw e;
        }
        if (read == -1 && handshakeComplete && !closing && !closed && sslEngine != null) {
            return unwrapHeld(dst);
        }
        return read;
    }

    /** Decrypts the records the network buffer holds after the stream ended; -1 when they hold no data. */
    private int unwrapHeld(ByteBuffer dst) throws IOException {
        int before = dst.position();
        SSLEngineResult result;
        do {
            netInBuffer.flip();
            result = sslEngine.unwrap(netInBuffer, dst);
            netInBuffer.compact();
        } while (result.getStatus() == SSLEngineResult.Status.OK
                && result.bytesProduced() + result.bytesConsumed() > 0);
        int written = dst.position() - before;
        return written > 0 ? written : -1;
    }
}
