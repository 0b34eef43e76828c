package io.livepush.admin.ui.slot;

import io.livepush.domain.Region;
import io.livepush.domain.SlotLimits;
import io.livepush.domain.SlotType;
import io.livepush.net.AddressRule;
import io.livepush.service.MediaVaultInput;
import io.livepush.service.NewCredential;
import io.livepush.service.PopRecord;
import io.livepush.service.SlotDraft;
import io.livepush.service.SlotRecord;
import io.livepush.service.ViewerRule;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The mutable bean behind {@link SlotForm}'s binder; {@link #toDraft} turns it into the service's record. */
final class SlotFormModel {

    private String name = "";
    private String description = "";
    private Region region;
    private PopRecord primaryPop;
    private boolean useBackupIngest;
    private PopRecord backupPop;
    private Integer totalKbps = 3000;
    private Integer segmentDurationMs = SlotLimits.DEFAULT_SEGMENT_MS;
    private Integer fileExpirySeconds = SlotLimits.DEFAULT_EXPIRY_SECONDS;
    private boolean lowLatency;
    private String publishCidrs = "";
    private String viewerRules = "";
    private AddressRule.Action viewerDefault = AddressRule.Action.ALLOW;

    /** A model holding the settings of {@code slot}. */
    static SlotFormModel of(SlotRecord slot) {
        SlotFormModel model = new SlotFormModel();
        model.name = slot.name();
        model.description = slot.description() == null ? "" : slot.description();
        model.region = slot.region();
        model.primaryPop = slot.primaryPop();
        model.useBackupIngest = slot.useBackupIngest();
        model.backupPop = slot.backupPop();
        model.totalKbps = slot.totalKbps();
        model.segmentDurationMs = slot.segmentDurationMs();
        model.fileExpirySeconds = slot.fileExpirySeconds();
        model.lowLatency = slot.lowLatency();
        model.publishCidrs = String.join("\n", slot.publishCidrs());
        model.viewerRules = String.join("\n", slot.viewerRules().stream().map(Formats::viewerRule).toList());
        model.viewerDefault = slot.viewerDefault();
        return model;
    }

    SlotDraft toDraft(List<NewCredential> credentials, MediaVaultInput mediaVault) {
        return new SlotDraft(name, description, SlotType.LIVE_PUSH, region, primaryPop == null ? null : primaryPop.id(),
                useBackupIngest && backupPop != null ? backupPop.id() : null, useBackupIngest, value(totalKbps),
                value(segmentDurationMs), value(fileExpirySeconds), lowLatency, credentials, lines(publishCidrs),
                parseViewerRules(viewerRules), viewerDefault, mediaVault);
    }

    /** The non-empty lines of {@code text}, trimmed. */
    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** Parses lines such as {@code deny 10.0.0.0/8}; a line without an action counts as {@code allow}. */
    static List<ViewerRule> parseViewerRules(String text) {
        return lines(text).stream().map(SlotFormModel::parseViewerRule).toList();
    }

    static ViewerRule parseViewerRule(String line) {
        String[] parts = line.split("\\s+", 2);
        if (parts.length == 2) {
            String action = parts[0].toUpperCase(Locale.ROOT);
            if (action.equals("ALLOW") || action.equals("DENY")) {
                return new ViewerRule(AddressRule.Action.valueOf(action), parts[1].strip());
            }
            return new ViewerRule(null, line);
        }
        return new ViewerRule(AddressRule.Action.ALLOW, line);
    }

    private static int value(Integer number) {
        return number == null ? -1 : number;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    String getDescription() {
        return description;
    }

    void setDescription(String description) {
        this.description = description;
    }

    Region getRegion() {
        return region;
    }

    void setRegion(Region region) {
        this.region = region;
    }

    PopRecord getPrimaryPop() {
        return primaryPop;
    }

    void setPrimaryPop(PopRecord primaryPop) {
        this.primaryPop = primaryPop;
    }

    boolean isLowLatency() {
        return lowLatency;
    }

    void setLowLatency(boolean lowLatency) {
        this.lowLatency = lowLatency;
    }

    boolean isUseBackupIngest() {
        return useBackupIngest;
    }

    void setUseBackupIngest(boolean useBackupIngest) {
        this.useBackupIngest = useBackupIngest;
    }

    PopRecord getBackupPop() {
        return backupPop;
    }

    void setBackupPop(PopRecord backupPop) {
        this.backupPop = backupPop;
    }

    Integer getTotalKbps() {
        return totalKbps;
    }

    void setTotalKbps(Integer totalKbps) {
        this.totalKbps = totalKbps;
    }

    Integer getSegmentDurationMs() {
        return segmentDurationMs;
    }

    void setSegmentDurationMs(Integer segmentDurationMs) {
        this.segmentDurationMs = segmentDurationMs;
    }

    Integer getFileExpirySeconds() {
        return fileExpirySeconds;
    }

    void setFileExpirySeconds(Integer fileExpirySeconds) {
        this.fileExpirySeconds = fileExpirySeconds;
    }

    String getPublishCidrs() {
        return publishCidrs;
    }

    void setPublishCidrs(String publishCidrs) {
        this.publishCidrs = publishCidrs;
    }

    String getViewerRules() {
        return viewerRules;
    }

    void setViewerRules(String viewerRules) {
        this.viewerRules = viewerRules;
    }

    AddressRule.Action getViewerDefault() {
        return viewerDefault;
    }

    void setViewerDefault(AddressRule.Action viewerDefault) {
        this.viewerDefault = viewerDefault;
    }
}
