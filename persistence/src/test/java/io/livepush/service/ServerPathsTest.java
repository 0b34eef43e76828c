package io.livepush.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.domain.Actor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ServerPathsTest {

    private static final Actor ADMIN = Actor.accountAdmin("alice", "acme");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Cannot create the storage directory /srv/live/acme/cam1: java.nio.file.AccessDeniedException: /srv/live"
                + "|Cannot create the storage directory [server path]: java.nio.file.AccessDeniedException: "
                + "[server path]",
        "The storage root /var/lib/livepush is not a writable directory"
                + "|The storage root [server path] is not a writable directory",
        "storage directory '/srv/x y/z' is full.|storage directory '[server path] y/z' is full.",
        "cannot write C:\\livepush\\storage\\acme|cannot write [server path]",
        "No ingest node of PoP 'eu1' has reported in the last 30 seconds"
                + "|No ingest node of PoP 'eu1' has reported in the last 30 seconds",
        "see https://eu1.example.com/live/push/acme/ and 10.0.0.0/8, 2001:db8::/32 or a/b"
                + "|see https://eu1.example.com/live/push/acme/ and 10.0.0.0/8, 2001:db8::/32 or a/b"
    })
    void accountAdminsSeeNoServerPath(String reported, String shown) {
        assertThat(ServerPaths.shownTo(ADMIN, reported)).isEqualTo(shown);
    }

    @Test
    void operatorsSeeTheTextAsReported() {
        String reported = "Cannot create the storage directory /srv/live/acme/cam1";

        assertThat(ServerPaths.shownTo(Actor.operator("ops"), reported)).isEqualTo(reported);
        assertThat(ServerPaths.shownTo(ADMIN, null)).isNull();
    }
}
