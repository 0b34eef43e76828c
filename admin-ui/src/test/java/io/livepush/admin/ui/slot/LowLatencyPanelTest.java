package io.livepush.admin.ui.slot;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import io.livepush.domain.ProvisioningStatus;
import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.mediavault.MediaVaultSettings;
import io.livepush.net.AddressRule;
import io.livepush.service.CredentialRecord;
import io.livepush.service.MediaVaultView;
import io.livepush.service.PopRecord;
import io.livepush.service.SlotRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Details page's low-latency section, built directly from a slot record. */
class LowLatencyPanelTest {

    private static final PopRecord EU1 = new PopRecord(1, "eu1", Region.EUROPE, "https://eu1.example.com/live",
            "http://play-eu1.example.com/live");

    private static SlotRecord slot(boolean lowLatency, MediaVaultMode vault) {
        return new SlotRecord("0123456789abcdef0123456789abcdef", "acme", "cam1", null, SlotType.LIVE_PUSH,
                Region.EUROPE, EU1, null, false, 3000, 2000, 300, lowLatency,
                List.of(new CredentialRecord("encoder1", Instant.EPOCH)), List.of(), List.of(),
                AddressRule.Action.ALLOW, new MediaVaultView(vault, vault != MediaVaultMode.NONE, false, 403, false,
                        MediaVaultSettings.DEFAULT_PATH_TOKEN, MediaVaultSettings.DEFAULT_PATH_DELIM, false, 0),
                ProvisioningStatus.PUBLISHED, null, Instant.EPOCH, Instant.EPOCH);
    }

    /** The copy fields of the panel by id, with their values. */
    private static Map<String, String> copyFields(LowLatencyPanel panel) {
        return panel.getChildren().filter(CopyField.class::isInstance).map(CopyField.class::cast)
                .collect(Collectors.toMap(field -> field.value.getId().orElseThrow(), field -> field.value.getValue()));
    }

    private static String text(LowLatencyPanel panel) {
        return panel.getChildren().filter(HasText.class::isInstance).map(Component.class::cast)
                .map(child -> ((HasText) child).getText()).collect(Collectors.joining("\n"));
    }

    @Test
    void offSaysHowToTurnItOnAndShowsNoUrl() {
        LowLatencyPanel panel = new LowLatencyPanel(slot(false, MediaVaultMode.NONE));

        assertThat(copyFields(panel)).isEmpty();
        assertThat(text(panel)).contains("Low latency is off").contains("Edit → Configuration details → Low latency");
    }

    @Test
    void onShowsTheHttpsUrlsOfOnePushAndTheFfmpegLineThatFeedsThem() {
        LowLatencyPanel panel = new LowLatencyPanel(slot(true, MediaVaultMode.NONE));

        assertThat(copyFields(panel)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ll-hls-url", "https://play-eu1.example.com/live/play/acme/cam1/master.m3u8",
                "ll-hls-media-url", "https://play-eu1.example.com/live/play/acme/cam1/media_0.m3u8",
                "ll-dash-url", "https://play-eu1.example.com/live/play/acme/cam1/manifest.mpd",
                "ll-ffmpeg", "ffmpeg -re -i INPUT -c:v libx264 -preset ultrafast -tune zerolatency -pix_fmt yuv420p"
                        + " -g 25 -keyint_min 25 -sc_threshold 0 -c:a aac -b:a 64k -f dash -seg_duration 1"
                        + " -streaming 1 -ldash 1 -frag_type duration -frag_duration 0.25 -hls_playlist 1"
                        + " -use_template 1 -use_timeline 0 -window_size 10 -method PUT -http_persistent 1"
                        + " -http_opts $'headers=\\'Authorization: Basic CREDENTIALS\\r\\n\\''"
                        + " 'https://eu1.example.com/live/push/acme/cam1/manifest.mpd'"));
        assertThat(text(panel)).contains("printf '%s' 'encoder1:PASSWORD' | base64 -w0")
                .doesNotContain("MediaVault is on");
    }

    @Test
    void underMediaVaultItSaysToSignTheUrl() {
        assertThat(text(new LowLatencyPanel(slot(true, MediaVaultMode.URL_ALL)))).contains("MediaVault is on")
                .contains("directory token");
    }
}
