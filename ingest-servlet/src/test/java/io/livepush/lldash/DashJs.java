package io.livepush.lldash;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.testing.ExternalTools;
import io.livepush.testing.ExternalTools.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * dash.js for the browser ITs, installed with npm from the npm registry as {@code dashjs/package-lock.json} pins it
 * (no WebJar of dash.js resolves from Maven Central: docs/decisions.md). It is installed once under
 * {@code target/dashjs}; later runs reuse it, and npm prefers its own cache, so a second build needs no network.
 */
final class DashJs {

    private static final String VERSION = "4.7.4";
    private static final Path HOME = Path.of("target", "dashjs");
    private static final Duration INSTALL_LIMIT = Duration.ofMinutes(5);

    private DashJs() {
    }

    /** Skips (or fails, under {@code LIVEPUSH_REQUIRE_TOOLS=1}) the calling test unless npm is on the PATH. */
    static void assumeNpm() {
        ExternalTools.assumeOnPath("apt-get install -y npm", "npm");
    }

    /** The self-contained player build {@code dash.all.min.js}, installed first if it is not there yet. */
    static Path script() throws IOException, InterruptedException {
        Path script = HOME.resolve("node_modules/dashjs/dist/dash.all.min.js");
        Path installed = HOME.resolve("node_modules/dashjs/package.json");
        if (Files.isRegularFile(script) && Files.readString(installed).contains("\"version\": \"" + VERSION + "\"")) {
            return script;
        }
        Files.createDirectories(HOME);
        for (String file : new String[] {"package.json", "package-lock.json"}) {
            try (InputStream in = DashJs.class.getResourceAsStream("dashjs/" + file)) {
                Files.copy(in, HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Outcome npm = ExternalTools.run(INSTALL_LIMIT, "npm", "ci", "--prefix", HOME.toAbsolutePath().toString(),
                "--ignore-scripts", "--prefer-offline", "--no-audit", "--no-fund");
        assertThat(npm.exitCode()).as("npm ci of dash.js: " + npm.stderr()).isZero();
        assertThat(script).as("dash.js installed by npm").isRegularFile();
        return script;
    }
}
