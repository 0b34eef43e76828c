package io.livepush.llhls;

import io.livepush.playlist.DeltaUpdates;
import io.livepush.playlist.MediaPlaylist;
import io.livepush.playlist.PlaylistTexts;

/**
 * The media playlist a playlist request is answered from now: its view, which the blocking rules read, the bytes sent
 * when no delta update is asked for (the published file's bytes when the origin adds nothing to it), and the bytes of
 * its delta update ({@code _HLS_skip}), rendered once on first use: the requests a playlist change releases share one
 * answer.
 */
final class PlaylistAnswer {

    private final MediaPlaylist playlist;
    private final byte[] body;
    private final boolean originMade;
    private volatile byte[] deltaBody;

    /**
     * @param playlist   the view
     * @param body       the bytes of the full playlist
     * @param originMade whether the origin added parts to what the encoder published
     */
    PlaylistAnswer(MediaPlaylist playlist, byte[] body, boolean originMade) {
        this.playlist = playlist;
        this.body = body;
        this.originMade = originMade;
    }

    MediaPlaylist playlist() {
        return playlist;
    }

    byte[] body() {
        return body;
    }

    boolean originMade() {
        return originMade;
    }

    /** The bytes of the delta update: the full body when the playlist allows no skipping. */
    byte[] deltaBody() {
        byte[] delta = deltaBody;
        if (delta == null) {
            MediaPlaylist skipped = DeltaUpdates.of(playlist);
            delta = skipped == playlist ? body : PlaylistTexts.render(skipped);
            deltaBody = delta;
        }
        return delta;
    }
}
