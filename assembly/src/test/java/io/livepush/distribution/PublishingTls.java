package io.livepush.distribution;

import java.io.IOException;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLSocket;

/**
 * Handshakes with a publishing connector offering exactly one TLS protocol, to check the protocol list a deployment
 * ships (docs/encoders.md explains why it is TLS 1.2 only).
 */
public final class PublishingTls {

    private PublishingTls() {
    }

    /**
     * Completes a handshake offering only {@code protocol} and returns the protocol negotiated.
     *
     * @throws javax.net.ssl.SSLHandshakeException when the server does not accept {@code protocol}
     */
    public static String handshake(int port, String protocol) throws IOException, GeneralSecurityException {
        try (SSLSocket socket = (SSLSocket) SelfSignedTrust.context().getSocketFactory()
                .createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }
}
