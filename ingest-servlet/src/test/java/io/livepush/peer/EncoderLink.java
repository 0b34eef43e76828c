package io.livepush.peer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The network between an encoder and one ingest PoP, as a loopback TCP relay that a test can cut: from then on every
 * open connection is closed and new ones are refused, as when the encoder's uplink to that PoP dies. TLS passes
 * through untouched.
 */
final class EncoderLink implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    EncoderLink(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "encoder-link-" + targetPort);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port the encoder connects to instead of the PoP's. */
    int port() {
        return listener.getLocalPort();
    }

    /** Cuts the link: closes every connection and refuses new ones. */
    void cut() throws IOException {
        cut = true;
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private void accept() {
        while (!cut) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
                sockets.add(client);
                sockets.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                if (!cut) {
                    throw new IllegalStateException("The encoder link to port " + targetPort + " failed", e);
                }
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                }
            } catch (IOException e) {
                // The other direction closed the pair, or the link was cut: either way this direction ends.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "encoder-link-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed: nothing left to release
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
