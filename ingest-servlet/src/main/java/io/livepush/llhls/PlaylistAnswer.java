package io.livepush.llhls;

import io.livepush.playlist.MediaPlaylist;

/**
 * The media playlist a playlist request is answered from now: its view, which the blocking rules read, and the bytes
 * sent when no delta update is asked for (the published file's bytes when the origin adds nothing to it).
 *
 * @param playlist the view
 * @param body     the bytes of the full playlist
 * @param originMade whether the origin added parts to what the encoder published
 */
record PlaylistAnswer(MediaPlaylist playlist, byte[] body, boolean originMade) {
}
