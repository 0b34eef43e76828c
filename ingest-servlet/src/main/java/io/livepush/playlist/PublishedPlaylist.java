package io.livepush.playlist;

/**
 * A media playlist as ingest published it: its bytes, never modified, and their parsed view.
 *
 * @param content  the file's bytes
 * @param playlist the parsed view
 */
public record PublishedPlaylist(byte[] content, MediaPlaylist playlist) {
}
