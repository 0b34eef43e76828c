package io.livepush.tomcat;

import java.io.CharArrayWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.AccessLogValve;

/**
 * Tomcat's {@link AccessLogValve}, except that {@code %U} (the path) leaves out MediaVault path-based tokens: a path
 * segment holding {@code h=} (the digest term every token ends with, reference/mediavault.md §13) or starting with the
 * default marker {@code token=} is written as {@value #REDACTED}. The query string is never in {@code %U}, so query
 * tokens never reach the log either.
 * <p>
 * Used by the quick start and by the distribution's {@code server.xml}; the distribution ships this class in
 * {@code lib/livepush-tomcat-valves.jar}, on Tomcat's own class path. Use it as {@code AccessLogValve} is used
 * ({@code <Valve className="io.livepush.tomcat.TokenSafeAccessLogValve" pattern="..."/>}).
 */
public final class TokenSafeAccessLogValve extends AccessLogValve {

    static final String REDACTED = "[token]";
    private static final String DEFAULT_MARKER = "token=";

    @Override
    protected AccessLogElement createAccessLogElement(char pattern) {
        if (pattern != 'U') {
            return super.createAccessLogElement(pattern);
        }
        return new AccessLogElement() {
            @Override
            public void addElement(CharArrayWriter buf, Request request, Response response, long time) {
                if (request == null) {
                    buf.append('-');
                } else {
                    escapeAndAppend(withoutTokens(request.getRequestURI()), buf);
                }
            }
        };
    }

    /** The path with every segment that holds {@code h=} or starts with {@code token=} replaced by {@value #REDACTED}. */
    static String withoutTokens(String path) {
        if (path == null || !path.contains("h=") && !path.contains(DEFAULT_MARKER)) {
            return path;
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].contains("h=") || segments[i].startsWith(DEFAULT_MARKER)) {
                segments[i] = REDACTED;
            }
        }
        return String.join("/", segments);
    }
}
