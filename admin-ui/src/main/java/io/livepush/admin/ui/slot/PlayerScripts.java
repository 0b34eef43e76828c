package io.livepush.admin.ui.slot;

import java.util.Locale;
import java.util.Optional;

/**
 * The in-page player scripts and which one plays a manifest. hls.js is served from the {@code org.webjars.npm:hls.js}
 * jar. dash.js has no WebJar on Maven Central, so its unchanged release build (npm package {@code dashjs}) is shipped
 * under {@code src/main/webapp/vendor/dashjs/<version>/} with its licences and a README giving its origin and
 * digests.
 */
final class PlayerScripts {

    /** The hls.js script inside the {@code org.webjars.npm:hls.js} jar (version pinned in the POM). */
    static final String HLS = "/webjars/hls.js/1.4.12/dist/hls.min.js";
    /** The dash.js release build (version pinned in the POM). */
    static final String DASH = "/vendor/dashjs/4.7.4/dash.all.min.js";

    private PlayerScripts() {
    }

    /** A manifest format the Player plays. */
    enum Format {
        HLS("hls", PlayerScripts.HLS, ".m3u8"),
        DASH("dash", PlayerScripts.DASH, ".mpd");

        private final String kind;
        private final String script;
        private final String extension;

        Format(String kind, String script, String extension) {
            this.kind = kind;
            this.script = script;
            this.extension = extension;
        }

        /** The format of the manifest at {@code path}, by its extension (any case). */
        static Optional<Format> of(String path) {
            String lower = path.toLowerCase(Locale.ROOT);
            for (Format format : values()) {
                if (lower.endsWith(format.extension) && lower.length() > format.extension.length()) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }

        String kind() {
            return kind;
        }

        String script() {
            return script;
        }
    }
}
