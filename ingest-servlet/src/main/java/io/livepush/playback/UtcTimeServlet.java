package io.livepush.playback;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * {@code GET /live/time}: the origin's clock for players, a DASH-IF UTC timing source (encoders name it with ffmpeg's
 * {@code -utc_timing_url}, so the manifest carries it as {@code <UTCTiming>}). The body is the current time as
 * {@link UtcTimes} formats it, {@code text/plain}, with {@code Cache-Control: no-store} (a cached time is a wrong
 * time) and {@code Access-Control-Allow-Origin: *} on every answer, whatever {@code playback.corsOrigin} says: the
 * time is no secret, and players load it from pages on any origin. {@code GET} and {@code HEAD} are answered; anything
 * else gets 405 with {@code Allow}. It is mapped outside {@code /play} and {@code /push}, so no slot, viewer rule or
 * MediaVault token applies to it (docs/decisions.md). It reads no parameter.
 */
public final class UtcTimeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** The methods this servlet answers. */
    static final String ALLOW = "GET, HEAD";

    private final transient Clock clock = Clock.systemUTC();

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Access-Control-Allow-Origin", "*");
        switch (req.getMethod()) {
            case "GET" -> answer(resp, true);
            case "HEAD" -> answer(resp, false);
            default -> {
                resp.setHeader("Allow", ALLOW);
                resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            }
        }
    }

    private void answer(HttpServletResponse resp, boolean withBody) throws IOException {
        byte[] body = UtcTimes.format(clock.instant()).getBytes(StandardCharsets.US_ASCII);
        resp.setContentType("text/plain");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentLength(body.length);
        if (withBody) {
            resp.getOutputStream().write(body);
        }
    }
}
