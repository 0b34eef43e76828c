package io.livepush.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** The four TCP ports of one {@link GaleraNode}, each free on 127.0.0.1 when chosen. */
record GaleraPorts(int sql, int group, int ist, int sst) {

    static GaleraPorts free() throws IOException {
        return new GaleraPorts(freePort(), freePort(), freePort(), freePort());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
