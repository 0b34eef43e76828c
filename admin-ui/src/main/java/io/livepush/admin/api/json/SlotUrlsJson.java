package io.livepush.admin.api.json;

/** The URLs of a slot; {@code backupIngest} is {@code null} without backup ingest. */
public record SlotUrlsJson(String primaryIngest, String backupIngest, String playbackHttp, String playbackHttps) {
}
