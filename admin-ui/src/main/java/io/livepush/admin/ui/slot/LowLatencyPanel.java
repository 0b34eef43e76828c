package io.livepush.admin.ui.slot;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.service.SlotRecord;

/**
 * The Details page's "Low latency" section: with the setting on, the LL-HLS and LL-DASH playback URLs and the ffmpeg
 * command line that feeds them ({@link LowLatencyPush}), each with a copy button; with it off, how to turn it on.
 */
class LowLatencyPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    LowLatencyPanel(SlotRecord slot) {
        setId("low-latency");
        setPadding(false);
        if (!slot.lowLatency()) {
            add(new Paragraph("Low latency is off: players get segments only once they are uploaded, three segments "
                    + "behind live. Turn it on with Edit → Configuration details → Low latency; this section then "
                    + "gives the LL-HLS and LL-DASH URLs and the ffmpeg command line that feeds them."));
            return;
        }
        LowLatencyPush push = LowLatencyPush.of(slot);
        String user = slot.credentials().isEmpty() ? "user" : slot.credentials().get(0).username();
        add(new CopyField("ll-ffmpeg", "ffmpeg command line", push.ffmpeg()),
                new Paragraph("Replace " + LowLatencyPush.INPUT + " with your source and "
                        + LowLatencyPush.CREDENTIALS + " with the output of printf '%s' '" + user
                        + ":PASSWORD' | base64 -w0 (a publish credential of this slot). It sends a key frame every 25 "
                        + "frames: set -g and -keyint_min to your frame rate, so that every segment is one second. "
                        + "One push gives both formats: the origin adds LL-HLS parts and blocking reloads to the HLS "
                        + "playlists."),
                new CopyField("ll-hls-url", "LL-HLS (master playlist)", push.hlsMasterUrl()),
                new CopyField("ll-hls-media-url", "LL-HLS (video media playlist)", push.hlsMediaUrl()),
                new CopyField("ll-dash-url", "LL-DASH (manifest)", push.dashUrl()),
                new Paragraph("Player settings, CDN cache keys and measured latency: docs/low-latency.md."));
        if (slot.mediaVault().mode() != MediaVaultMode.NONE) {
            add(new Paragraph("MediaVault is on: sign the URL below with a directory token (it opens the playlists "
                    + "and segments beside it). Players append _HLS_msn and _HLS_part after the token; that is "
                    + "allowed."));
        }
    }
}
