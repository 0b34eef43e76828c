package io.livepush.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.livepush.ingest.IngestPath;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code live} configuration: SPEC defaults, and every bad value named at once so deployment stops. */
class OriginConfigTest {

    private static Map<String, String> minimal() {
        return new HashMap<>(Map.of(OriginConfig.NODE_ID, "node-1", OriginConfig.POP, "eu1"));
    }

    @Test
    void defaultsAreThoseOfTheSpec() {
        OriginConfig config = OriginConfig.from(minimal()::get);

        assertThat(config.nodeId()).isEqualTo("node-1");
        assertThat(config.pop()).isEqualTo("eu1");
        assertThat(config.maxObjectBytes()).isEqualTo(100L * 1024 * 1024);
        assertThat(config.maxPathDepth()).isEqualTo(8);
        assertThat(config.allowedExtensions()).containsExactlyInAnyOrder("m3u8", "mpd", "ts", "m4s", "mp4", "m4a",
                "m4v", "cmfv", "cmfa", "cmft", "aac", "ac3", "ec3", "mp3", "vtt", "webvtt", "ttml", "dfxp", "srt",
                "key", "json", "xml", "init");
        assertThat(config.autoCreateCollections()).isTrue();
        assertThat(config.slotRefreshSeconds()).isEqualTo(2);
        assertThat(config.bitrateTolerance()).isEqualTo(2.0);
        assertThat(config.enforceBitrate()).isFalse();
        assertThat(config.storageRoot()).isAbsolute().hasFileName("livepush-storage");
    }

    @Test
    void blankValuesMeanTheDefault() {
        Map<String, String> parameters = minimal();
        parameters.put(OriginConfig.MAX_OBJECT_BYTES, "  ");
        parameters.put(OriginConfig.ALLOWED_EXTENSIONS, "");
        parameters.put(OriginConfig.STORAGE_ROOT, " ");

        OriginConfig config = OriginConfig.from(parameters::get);

        assertThat(config.maxObjectBytes()).isEqualTo(100L * 1024 * 1024);
        assertThat(config.allowedExtensions()).contains("m3u8", "ts");
        assertThat(config.storageRoot()).hasFileName("livepush-storage");
    }

    @Test
    void overridesAreReadTrimmedAndTyped() {
        Map<String, String> parameters = minimal();
        parameters.put(OriginConfig.STORAGE_ROOT, "/srv/live/../live-storage");
        parameters.put(OriginConfig.MAX_OBJECT_BYTES, " 65536 ");
        parameters.put(OriginConfig.MAX_PATH_DEPTH, "3");
        parameters.put(OriginConfig.ALLOWED_EXTENSIONS, " TS, .m3u8  Mpd,,");
        parameters.put(OriginConfig.AUTO_CREATE_COLLECTIONS, "FALSE");
        parameters.put(OriginConfig.SLOT_REFRESH_SECONDS, "5");
        parameters.put(OriginConfig.BITRATE_TOLERANCE, "1.5");
        parameters.put(OriginConfig.ENFORCE_BITRATE, "True");

        OriginConfig config = OriginConfig.from(parameters::get);

        assertThat(config.storageRoot()).isEqualTo(Path.of("/srv/live-storage"));
        assertThat(config.maxObjectBytes()).isEqualTo(65536);
        assertThat(config.maxPathDepth()).isEqualTo(3);
        assertThat(config.allowedExtensions()).isEqualTo(Set.of("ts", "m3u8", "mpd"));
        assertThat(config.autoCreateCollections()).isFalse();
        assertThat(config.slotRefreshSeconds()).isEqualTo(5);
        assertThat(config.bitrateTolerance()).isEqualTo(1.5);
        assertThat(config.enforceBitrate()).isTrue();
    }

    @Test
    void everyBadValueIsReportedAtOnce() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(OriginConfig.POP, " ");
        parameters.put(OriginConfig.MAX_OBJECT_BYTES, "100MB");
        parameters.put(OriginConfig.MAX_PATH_DEPTH, "65");
        parameters.put(OriginConfig.ALLOWED_EXTENSIONS, "ts, m3u8 t*s");
        parameters.put(OriginConfig.AUTO_CREATE_COLLECTIONS, "yes");
        parameters.put(OriginConfig.SLOT_REFRESH_SECONDS, "0");
        parameters.put(OriginConfig.BITRATE_TOLERANCE, "0.5");
        parameters.put(OriginConfig.ENFORCE_BITRATE, "1");

        assertThatIllegalStateException().isThrownBy(() -> OriginConfig.from(parameters::get))
                .withMessageContaining(OriginConfig.NODE_ID + " is required")
                .withMessageContaining(OriginConfig.POP + " is required")
                .withMessageContaining(OriginConfig.MAX_OBJECT_BYTES).withMessageContaining("'100MB'")
                .withMessageContaining(OriginConfig.MAX_PATH_DEPTH).withMessageContaining("'65'")
                .withMessageContaining(OriginConfig.ALLOWED_EXTENSIONS).withMessageContaining("'t*s'")
                .withMessageContaining(OriginConfig.AUTO_CREATE_COLLECTIONS).withMessageContaining("'yes'")
                .withMessageContaining(OriginConfig.SLOT_REFRESH_SECONDS).withMessageContaining("'0'")
                .withMessageContaining(OriginConfig.BITRATE_TOLERANCE).withMessageContaining("'0.5'")
                .withMessageContaining(OriginConfig.ENFORCE_BITRATE).withMessageContaining("'1'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ingest.maxSegmentBytes  | 0",
        "ingest.maxSegmentBytes  | -1",
        "ingest.maxSegmentBytes  | 0x100",
        "ingest.maxSegmentBytes  | 99999999999999999999",
        "ingest.maxPathDepth     | 0",
        "ingest.maxPathDepth     | 1.5",
        "origin.slotRefreshSeconds | 61",
        "ingest.bitrateTolerance | NaN",
        "ingest.bitrateTolerance | Infinity",
        "ingest.bitrateTolerance | 101",
        "ingest.enforceBitrate   | on",
        "ingest.allowedExtensions | ,",
        "ingest.allowedExtensions | .",
        "ingest.allowedExtensions | ts/../x",
        "ingest.allowedExtensions | *.ts",
        "ingest.allowedExtensions | **",
    })
    void outOfRangeOrMalformedValueStopsDeployment(String key, String value) {
        Map<String, String> parameters = minimal();
        parameters.put(key, value);

        assertThatIllegalStateException().isThrownBy(() -> OriginConfig.from(parameters::get))
                .withMessageStartingWith("Bad live configuration").withMessageContaining(key);
    }

    @Test
    void anAsteriskInTheExtensionListAdmitsEveryName() {
        Map<String, String> parameters = minimal();
        parameters.put(OriginConfig.ALLOWED_EXTENSIONS, "* ts");

        Set<String> allowed = OriginConfig.from(parameters::get).allowedExtensions();

        assertThat(allowed).isEqualTo(Set.of("*", "ts"));
        assertThat(IngestPath.isAllowedFile("res", allowed)).isTrue();
        assertThat(IngestPath.isAllowedFile("index.html", allowed)).isTrue();
    }

    @Test
    void extensionListNeverAllowsTheEmptyExtension() {
        Map<String, String> parameters = minimal();
        parameters.put(OriginConfig.ALLOWED_EXTENSIONS, ", ts ,m3u8,");

        assertThat(OriginConfig.from(parameters::get).allowedExtensions()).isEqualTo(Set.of("ts", "m3u8"));
    }

    @Test
    void allowedExtensionsAreImmutable() {
        OriginConfig config = OriginConfig.from(minimal()::get);

        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> config.allowedExtensions().add("exe"));
    }
}
