package io.livepush.metrics;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Serves the web application's {@link NodeMetrics} to Prometheus at {@code /metrics}: text format 0.0.4, or OpenMetrics
 * 1.0 when the {@code Accept} header asks for it. Only clients {@link MetricsAccess} admits get an answer: 403 for an
 * address outside {@code metrics.allow} when no token is configured, 401 with a {@code Bearer} challenge when one is.
 * Every answer is {@code Cache-Control: no-store}.
 * <dl>
 * <dt>{@value MetricsAccess#ALLOW}</dt><dd>CIDR blocks that may scrape without a token; default
 * {@value MetricsAccess#DEFAULT_ALLOW}; {@code none} for none</dd>
 * <dt>{@value MetricsAccess#TOKEN}</dt><dd>a bearer token (16 characters or more) that admits any address; default
 * none</dd>
 * </dl>
 */
public final class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String CHALLENGE = "Bearer realm=\"Live Push metrics\"";

    private transient NodeMetrics metrics;
    private transient MetricsAccess access;

    @Override
    public void init() throws ServletException {
        metrics = NodeMetrics.from(getServletContext());
        access = MetricsAccess.from(getServletContext()::getInitParameter);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        switch (access.check(req.getRemoteAddr(), req.getHeader("Authorization"))) {
            case FORBIDDEN -> resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            case UNAUTHORIZED -> {
                resp.setHeader("WWW-Authenticate", CHALLENGE);
                resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
            case ALLOWED -> {
                String contentType = NodeMetrics.contentType(req.getHeader("Accept"));
                resp.setContentType(contentType);
                try (OutputStream out = resp.getOutputStream()) {
                    metrics.scrape(out, contentType);
                }
            }
        }
    }
}
