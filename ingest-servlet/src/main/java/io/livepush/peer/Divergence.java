package io.livepush.peer;

import java.time.Instant;

/**
 * A rendition whose two copies (this PoP's and the peer PoP's) are not the same stream, so this node does not fill
 * its gaps from the peer (see {@link GapRules#conflict}).
 *
 * @param slotId    the slot's ID
 * @param shortname the account's shortname
 * @param slot      the slot's name
 * @param playlist  the media playlist's path below the slot, e.g. {@code stream_0/index.m3u8}
 * @param reason    what differs, e.g. a segment name with two media sequence numbers
 * @param since     when this node last found the difference
 */
public record Divergence(String slotId, String shortname, String slot, String playlist, String reason,
        Instant since) {
}
