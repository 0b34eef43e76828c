package io.livepush.bench;

import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.ingest.LiveFixture;
import io.livepush.service.NewCredential;
import io.livepush.service.SlotDraft;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Runs the real {@code live.war} for {@code bench/held-reloads.sh}: the {@link LiveFixture} harness (embedded Tomcat 11,
 * a fresh schema on {@code LIVEPUSH_TEST_JDBC_URL}) with one low-latency slot {@code acme/held}. Writes its process
 * id, ports, keystore and credential as a properties file for {@link HeldReloadsBench}, then serves until the process
 * is terminated, when it drops the schema. Not a test; never run by Maven.
 * <p>
 * Arguments: a work directory, the properties file to write.
 */
public final class HeldReloadsBenchServer {

    static final String SLOT = "held";

    private HeldReloadsBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path out = Path.of(args[1]);
        FixtureBenchServer server = new FixtureBenchServer(work);
        LiveFixture fx = server.fixture();
        fx.slot(new SlotDraft(SLOT, null, SlotType.LIVE_PUSH, Region.EUROPE, fx.pop.id(), null, false, 5000, 2000, 300,
                true, List.of(new NewCredential(LiveFixture.USER, LiveFixture.PASSWORD)), List.of(), List.of(), null,
                null));
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        properties.setProperty("httpPort", Integer.toString(fx.tomcat.httpPort()));
        properties.setProperty("httpsPort", Integer.toString(fx.tomcat.httpsPort()));
        properties.setProperty("keystore", fx.tomcat.certificate().keystore().toString());
        properties.setProperty("keystorePassword", fx.tomcat.certificate().password());
        properties.setProperty("authorization", LiveFixture.basic(LiveFixture.USER, LiveFixture.PASSWORD));
        properties.setProperty("slot", "acme/" + SLOT);
        server.serveUntilStopped(out, properties, "held reloads bench server");
    }
}
