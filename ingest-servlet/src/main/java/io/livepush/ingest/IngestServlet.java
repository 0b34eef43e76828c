package io.livepush.ingest;

import io.livepush.origin.LiveSlot;
import io.livepush.origin.Origin;
import io.livepush.segment.UploadedObjectHeaders;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Where encoders publish: {@code /push/{shortname}/{slot}/{path}} (SPEC §4). {@code PUT} stores an object atomically
 * (201 new, 204 replaced), {@code DELETE} removes one, {@code MKCOL} creates a directory, {@code GET}/{@code HEAD}
 * read back what was stored and {@code OPTIONS} lists the methods; anything else is 405.
 * <p>
 * Every request must arrive over HTTPS (403 otherwise, before a byte is stored). Then the path is checked as the
 * client sent it ({@link IngestPath#parseRequest}: 400; the file type: 415), the encoder authenticates with Basic
 * credentials (401, the same answer for an unknown slot), and its address must be in the slot's publish list (403).
 * Authentication comes before the address check so that an unauthenticated client cannot tell an existing slot from
 * a missing one. A {@code PUT} with {@code Content-Range} is 400: objects are only ever replaced whole. Every answer
 * for a known slot is counted in {@link IngestStatistics}, which is where publishers see errors ffmpeg does not show.
 * <p>
 * Parameters (context, see {@code OriginConfig}): {@code ingest.maxSegmentBytes} (100 MiB), {@code
 * ingest.maxPathDepth} (8), {@code ingest.allowedExtensions} (SPEC §4 list; {@code *} for every name), {@code
 * ingest.autoCreateCollections} (true), {@code ingest.enforceBitrate} (false).
 */
public class IngestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String ALLOW = "OPTIONS, GET, HEAD, PUT, DELETE, MKCOL";
    static final String REALM = "Basic realm=\"Live Push\", charset=\"UTF-8\"";

    private transient Origin origin;

    @Override
    public void init() throws ServletException {
        origin = Origin.from(getServletContext());
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // Every answer, refusals and error pages included, forbids sniffing and scripts; a stored object read back
        // replaces the policy with its own type's.
        UploadedObjectHeaders.applyToError(resp);
        if (!req.isSecure()) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN, "Publishing requires HTTPS");
            return;
        }
        switch (req.getMethod()) {
            case "OPTIONS" -> {
                resp.setHeader("Allow", ALLOW);
                resp.setHeader("DAV", "1");
                resp.setStatus(HttpServletResponse.SC_OK);
            }
            case "PUT", "DELETE", "MKCOL", "GET", "HEAD" -> handle(req, resp);
            default -> {
                resp.setHeader("Allow", ALLOW);
                resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            }
        }
    }

    private void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        IngestPath path;
        try {
            // The raw URI, not getPathInfo(): Tomcat would turn a//b.ts, a/./b.ts and a.ts;x=y into valid paths.
            path = IngestPath.parseRequest(req.getRequestURI(), req.getContextPath(), req.getServletPath(),
                    origin.config().maxPathDepth());
        } catch (IllegalArgumentException e) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        LiveSlot slot = origin.slots().find(path.shortname(), path.slot());
        Optional<String> user = origin.authenticator().authenticate(slot, req.getHeader("Authorization"));
        if (slot == null || user.isEmpty()) {
            if (slot != null) {
                origin.statistics().record(slot, HttpServletResponse.SC_UNAUTHORIZED, 0, false,
                        "401: wrong or missing credentials" + userPart(req) + " from " + req.getRemoteAddr());
            } else {
                origin.statistics().recordUnknownSlot(HttpServletResponse.SC_UNAUTHORIZED);
            }
            resp.setHeader("WWW-Authenticate", REALM);
            resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        if (!slot.rules().publishers().allows(req.getRemoteAddr())) {
            refuse(resp, slot, HttpServletResponse.SC_FORBIDDEN,
                    "address " + req.getRemoteAddr() + " is not in the slot's publish list");
            return;
        }
        IngestRequest request = new IngestRequest(req, resp, slot, path, origin);
        switch (req.getMethod()) {
            case "PUT" -> request.put();
            case "DELETE" -> request.delete();
            case "MKCOL" -> request.mkcol();
            default -> request.read("HEAD".equals(req.getMethod()));
        }
    }

    private void refuse(HttpServletResponse resp, LiveSlot slot, int status, String reason) throws IOException {
        origin.statistics().record(slot, status, 0, false, status + ": " + reason);
        resp.sendError(status, reason);
    }

    /** Names the user of a refused request (never the password), so the publisher can see which encoder it was. */
    private static String userPart(HttpServletRequest req) {
        return BasicCredentials.parse(req.getHeader("Authorization"))
                .map(credentials -> " for user '" + printable(credentials.username()) + "'")
                .orElse("");
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < 64; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }
}
