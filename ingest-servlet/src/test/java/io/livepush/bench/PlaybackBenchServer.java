package io.livepush.bench;

import io.livepush.ingest.LiveFixture;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.mediavault.MediaVaultSettings;
import io.livepush.mediavault.MediaVaultSigner;
import io.livepush.mediavault.MediaVaultSigner.Term;
import io.livepush.net.AddressRule.Action;
import io.livepush.service.MediaVaultInput;
import io.livepush.service.ViewerRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Runs the real {@code live.war} for {@code bench/playback.sh}: the {@link LiveFixture} harness (embedded Tomcat 11, a
 * fresh schema on {@code LIVEPUSH_TEST_JDBC_URL}) with one slot {@code acme/bench} that has 20 viewer rules (the last
 * one lets 127.0.0.1 in, so every request walks all of them) and MediaVault {@code URL_ALL}, plus a 2 KiB playlist and
 * a 1 MiB segment. The same files are also served by a stock {@code DefaultServlet} at {@code /stock} (no checks,
 * Tomcat's resource cache on), Tomcat's own ceiling. With {@code -Dlivepush.bench.accessLog=true} the host writes the
 * access log of tomcat-conf's {@code server.xml}. Writes the ports, the signed paths (one directory token per scheme)
 * and the HTTPS connector's key store as a properties file, then serves until the process is terminated, when it drops
 * the schema. Not a test; never run by Maven.
 * <p>
 * Arguments: a work directory, the properties file to write, the MediaVault secret.
 */
public final class PlaybackBenchServer {


    private PlaybackBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String secret = args[2];
        FixtureBenchServer server = new FixtureBenchServer(work);
        LiveFixture fx = server.fixture();
        if (Boolean.getBoolean("livepush.bench.accessLog")) {
            // Before the first request: Tomcat looks for access logs once. The pattern of tomcat-conf/conf/server.xml.
            fx.tomcat.addAccessLog(work.resolve("logs"), "%a %l %t \"%m %U %H\" %s %b %D \"%{User-Agent}i\"");
        }
        fx.slot(fx.draft("bench", viewerRules(), Action.DENY, new MediaVaultInput(MediaVaultMode.URL_ALL, secret,
                null, 403, false, MediaVaultSettings.DEFAULT_PATH_TOKEN, MediaVaultSettings.DEFAULT_PATH_DELIM, false,
                0)));
        Path slot = fx.storage.resolve("acme/bench");
        Files.writeString(slot.resolve("playlist.m3u8"), playlist(2048));
        Files.write(slot.resolve("seg.ts"), new byte[1024 * 1024]);
        Properties properties = new Properties();
        properties.setProperty("port", String.valueOf(fx.tomcat.httpPort()));
        properties.setProperty("storage", fx.storage.toString());
        String query = directoryToken(secret, fx.tomcat.http("/play/acme/bench/playlist.m3u8").toString());
        properties.setProperty("playlist", "/live/play/acme/bench/playlist.m3u8" + query);
        properties.setProperty("segment", "/live/play/acme/bench/seg.ts" + query);
        // The publishing connector serves viewers too (tomcat-conf's server.xml); the token signs the scheme and port.
        properties.setProperty("httpsPort", String.valueOf(fx.tomcat.httpsPort()));
        properties.setProperty("keystore", fx.tomcat.certificate().keystore().toString());
        properties.setProperty("keystorePassword", fx.tomcat.certificate().password());
        String httpsQuery = directoryToken(secret, fx.tomcat.https("/play/acme/bench/playlist.m3u8").toString());
        properties.setProperty("httpsPlaylist", "/live/play/acme/bench/playlist.m3u8" + httpsQuery);
        properties.setProperty("httpsSegment", "/live/play/acme/bench/seg.ts" + httpsQuery);
        fx.tomcat.addStockContext("/stock", fx.storage);
        properties.setProperty("stockPlaylist", "/stock/acme/bench/playlist.m3u8");
        properties.setProperty("stockSegment", "/stock/acme/bench/seg.ts");
        server.serveUntilStopped(out, properties, "playback bench server");
    }

    /** The query of a token for {@code url}'s directory that expires in 2096. */
    private static String directoryToken(String secret, String url) {
        String signed = new MediaVaultSigner(secret).sign(url,
                Term.prefix(MediaVaultSigner.directoryPrefixLength(url)), Term.end(4_000_000_000L));
        return signed.substring(signed.indexOf('?'));
    }

    /** 19 rules that do not match 127.0.0.1 (v4 and v6, allow and deny), then an allow for the loopback network. */
    static List<ViewerRule> viewerRules() {
        List<ViewerRule> rules = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rules.add(new ViewerRule(Action.DENY, "10." + i + ".0.0/16"));
        }
        for (int i = 0; i < 5; i++) {
            rules.add(new ViewerRule(Action.ALLOW, "2001:db8:" + i + "::/48"));
        }
        for (int i = 0; i < 4; i++) {
            rules.add(new ViewerRule(Action.ALLOW, "192.0.2." + (i * 64) + "/26"));
        }
        rules.add(new ViewerRule(Action.ALLOW, "127.0.0.0/8"));
        return rules;
    }

    /** A media playlist of about {@code bytes} bytes. */
    static String playlist(int bytes) {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n"
                + "#EXT-X-MEDIA-SEQUENCE:1000\n");
        for (int i = 1000; text.length() < bytes - 40; i++) {
            text.append("#EXTINF:2.000000,\nseg_").append(i).append(".ts\n");
        }
        return text.toString();
    }
}
