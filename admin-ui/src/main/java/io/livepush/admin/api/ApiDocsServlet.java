package io.livepush.admin.api;

import io.livepush.admin.ui.CurrentActor;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /api/}: Swagger UI over the API's OpenAPI document ({@code /api/v1/openapi.json}), for users logged into the
 * portal. Anybody else is redirected to the login page. Swagger UI comes from the {@code org.webjars:swagger-ui} jar
 * (served at {@code /webjars/swagger-ui/<version>/}); this servlet only writes the page that loads it. {@code /api}
 * redirects to {@code /api/} so that the page's relative URLs resolve.
 * <p>
 * Mapped in {@code web.xml} to the exact paths {@code /api} and {@code /api/}, which win over Jersey's {@code /api/*}.
 * Reads no parameters.
 */
public final class ApiDocsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** The {@code org.webjars:swagger-ui} version (pinned in the POM; {@code ApiDocsServletTest} checks the jar). */
    static final String SWAGGER_UI_VERSION = "5.35.0";
    static final String PAGE = "api-docs.html";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = request.getContextPath();
        if (!request.getRequestURI().endsWith("/")) {
            response.sendRedirect(base + "/api/");
            return;
        }
        HttpSession session = request.getSession(false);
        if (session == null || !CurrentActor.isLoggedIn(session)) {
            response.sendRedirect(base + "/login");
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(page());
    }

    static String page() {
        try (InputStream in = ApiDocsServlet.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException("The Swagger UI page " + PAGE + " is missing from this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@SWAGGER_UI_VERSION@", SWAGGER_UI_VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
