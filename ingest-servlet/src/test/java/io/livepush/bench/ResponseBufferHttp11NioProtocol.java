package io.livepush.bench;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * A bench experiment: Tomcat's HTTP/1.1 NIO protocol whose {@link #getDesiredBufferSize()} sizes the servlet
 * response buffer that {@code Connector.createResponse} allocates for every request (8 KiB of bytes and as many
 * chars by default, allocated eagerly, held as long as the request is). {@code bench/held-reloads.sh} selects it with
 * {@code SERVER_JAVA_OPTS=-Dlivepush.test.httpProtocol=io.livepush.bench.ResponseBufferHttp11NioProtocol
 * -Dlivepush.test.http.responseBufferSize=2048} to measure what held requests save, {@code bench/playback.sh} the
 * same to measure what serving costs.
 */
public final class ResponseBufferHttp11NioProtocol extends Http11NioProtocol {

    private int responseBufferSize = -1;

    public void setResponseBufferSize(int responseBufferSize) {
        this.responseBufferSize = responseBufferSize;
    }

    public int getResponseBufferSize() {
        return responseBufferSize;
    }

    @Override
    public int getDesiredBufferSize() {
        return responseBufferSize;
    }
}
