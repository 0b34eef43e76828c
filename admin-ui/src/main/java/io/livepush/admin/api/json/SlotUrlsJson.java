package io.livepush.admin.api.json;

/**
 * The URLs of a slot; {@code backupIngest} is {@code null} without backup ingest, and {@code playbackHttp} or
 * {@code playbackHttps} is {@code null} when the slot's PoP offers no playback over that scheme (never both).
 */
public record SlotUrlsJson(String primaryIngest, String backupIngest, String playbackHttp, String playbackHttps) {
}
