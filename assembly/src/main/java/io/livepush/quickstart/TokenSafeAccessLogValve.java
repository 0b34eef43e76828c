package io.livepush.quickstart;

import java.io.CharArrayWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.AccessLogValve;

/**
 * Tomcat's {@link AccessLogValve}, except that {@code %U} (the path) leaves out MediaVault path-based tokens: a path
 * segment holding {@code h=} (the digest term every token ends with, reference/mediavault.md §13) is written as
 * {@value #REDACTED}. The query string is never in {@code %U}, so query tokens never reach the log either.
 */
final class TokenSafeAccessLogValve extends AccessLogValve {

    static final String REDACTED = "[token]";

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

    /** The path with every segment that holds {@code h=} replaced by {@value #REDACTED}. */
    static String withoutTokens(String path) {
        if (path == null || !path.contains("h=")) {
            return path;
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].contains("h=")) {
                segments[i] = REDACTED;
            }
        }
        return String.join("/", segments);
    }
}
