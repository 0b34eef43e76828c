package io.livepush.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.distribution.SelfSignedTrust;
import io.livepush.setup.SelfSignedKeystore;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request written in the same TCP segment as the client's {@code close_notify}, as ffmpeg sends its {@code DELETE}s,
 * reaches the servlet through {@link HalfCloseHttp11NioProtocol} with the TLS engine this JVM runs by default (OpenSSL
 * on Java 22+ with libssl, JSSE otherwise), under TLS 1.2 and 1.3. Tomcat 11.0.24's own protocol loses it under
 * OpenSSL, and under TLS 1.3 with either engine.
 */
class HalfCloseTlsChannelTest {

    private static final String PASSWORD = "half-close-test";

    @TempDir
    Path directory;

    private final BlockingQueue<String> served = new LinkedBlockingQueue<>();
    private Tomcat tomcat;

    @AfterEach
    void stop() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void aRequestArrivingWithTheCloseAlertIsServed(String protocol) throws Exception {
        int port = start(protocol);
        for (int i = 0; i < 5; i++) {
            sendWithCloseAlert(port, protocol, "DELETE /seg" + i + ".ts HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
            assertThat(served.poll(10, TimeUnit.SECONDS)).as("request %d", i).isEqualTo("DELETE /seg" + i + ".ts");
        }
    }

    private int start(String protocol) throws Exception {
        Path keystore = directory.resolve("keystore.p12");
        SelfSignedKeystore.createIfMissing(keystore, PASSWORD);
        tomcat = new Tomcat();
        tomcat.setBaseDir(directory.toString());
        Connector https = new Connector(HalfCloseHttp11NioProtocol.class.getName());
        https.setPort(0);
        https.setProperty("address", "127.0.0.1");
        https.setProperty("SSLEnabled", "true");
        https.setProperty("sslImplementationName", ExpectedTlsEngines.forThisJvm().implementationClassName());
        SSLHostConfig ssl = new SSLHostConfig();
        ssl.setProtocols(protocol);
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl,
                SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(keystore.toString());
        certificate.setCertificateKeystorePassword(PASSWORD);
        certificate.setCertificateKeystoreType("PKCS12");
        ssl.addCertificate(certificate);
        https.addSslHostConfig(ssl);
        tomcat.setConnector(https);
        if (ExpectedTlsEngines.forThisJvm() == TlsEngine.OPENSSL) {
            assertThat(OpenSslLoad.attempt().isLoaded()).isTrue();
        }
        Context context = tomcat.addContext("", directory.toString());
        Tomcat.addServlet(context, "record", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                req.getInputStream().readAllBytes();
                served.add(req.getMethod() + " " + req.getRequestURI());
                resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
            }
        });
        context.addServletMappingDecoded("/", "record");
        tomcat.start();
        return https.getLocalPort();
    }

    /** Handshakes, then writes {@code request} and the close alert with one write, and closes the socket. */
    private static void sendWithCloseAlert(int port, String protocol, String request) throws Exception {
        SSLEngine engine = SelfSignedTrust.context(protocol).createSSLEngine("127.0.0.1", port);
        engine.setUseClientMode(true);
        try (SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
            ByteBuffer fromServer = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            handshake(engine, channel, fromServer);
            ByteArrayOutputStream records = new ByteArrayOutputStream();
            wrap(engine, ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)), records);
            engine.closeOutbound();
            wrap(engine, ByteBuffer.allocate(0), records);
            channel.write(ByteBuffer.wrap(records.toByteArray()));
        }
    }

    private static void handshake(SSLEngine engine, SocketChannel channel, ByteBuffer fromServer) throws Exception {
        ByteBuffer ignored = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        engine.beginHandshake();
        HandshakeStatus status = engine.getHandshakeStatus();
        while (status != HandshakeStatus.FINISHED && status != HandshakeStatus.NOT_HANDSHAKING) {
            switch (status) {
                case NEED_WRAP -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    status = wrap(engine, ByteBuffer.allocate(0), out);
                    channel.write(ByteBuffer.wrap(out.toByteArray()));
                }
                case NEED_UNWRAP -> {
                    fromServer.flip();
                    SSLEngineResult result = engine.unwrap(fromServer, ignored);
                    fromServer.compact();
                    status = result.getHandshakeStatus();
                    if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW
                            && channel.read(fromServer) < 0) {
                        throw new IOException("The server closed the connection during the handshake");
                    }
                }
                case NEED_TASK -> {
                    Runnable task;
                    while ((task = engine.getDelegatedTask()) != null) {
                        task.run();
                    }
                    status = engine.getHandshakeStatus();
                }
                default -> throw new IllegalStateException("Handshake status " + status);
            }
        }
    }

    private static HandshakeStatus wrap(SSLEngine engine, ByteBuffer data, ByteArrayOutputStream out)
            throws IOException {
        ByteBuffer record = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        SSLEngineResult result = engine.wrap(data, record);
        out.write(record.array(), 0, record.position());
        return result.getHandshakeStatus();
    }
}
