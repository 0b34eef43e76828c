package io.livepush.segment;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The expiry rules of SPEC §6 for one slot, as a pure function of names and times: no file system, no clock.
 * <p>
 * A file expires {@code fileExpiry} after its upload completed (its modification time). Playlists, manifests and
 * initialisation segments ({@code *.m3u8}, {@code *.mpd}, {@code *.init}, {@code init*}, case-insensitive) are
 * <em>exempt</em>: they never expire by age, because encoders rewrite them in place and a player needs them for as
 * long as the stream runs. They go only when they are the only files left in the slot and all of them have expired
 * ({@link #isEnded}).
 *
 * @param fileExpiry how long a file lives after its modification time; positive
 */
public record ExpiryPolicy(Duration fileExpiry) {

    public ExpiryPolicy {
        if (fileExpiry == null || fileExpiry.isNegative() || fileExpiry.isZero()) {
            throw new IllegalArgumentException("'" + fileExpiry + "' is not a positive file expiry");
        }
    }

    /** The policy of a slot whose file expiry is {@code seconds}. */
    public static ExpiryPolicy ofSeconds(long seconds) {
        return new ExpiryPolicy(Duration.ofSeconds(seconds));
    }

    /** Whether a file of this name is never expired by age (its name only; directories do not count). */
    public static boolean isExempt(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".m3u8") || name.endsWith(".mpd") || name.endsWith(".init") || name.startsWith("init");
    }

    /** Whether {@code file}'s name is exempt; see {@link #isExempt(String)}. */
    public static boolean isExempt(Path file) {
        Path name = file.getFileName();
        return name != null && isExempt(name.toString());
    }

    /** When a file modified at {@code modified} expires. */
    public Instant expiresAt(Instant modified) {
        return modified.plus(fileExpiry);
    }

    /** Whether a file modified at {@code modified} has expired at {@code now}, whatever its name. */
    public boolean isOlderThanExpiry(Instant modified, Instant now) {
        return !now.isBefore(expiresAt(modified));
    }

    /** Whether the file {@code file}, modified at {@code modified}, is deleted by age at {@code now}. */
    public boolean isExpired(Path file, Instant modified, Instant now) {
        return !isExempt(file) && isOlderThanExpiry(modified, now);
    }

    /**
     * Whether the exempt files left in a slot go: {@code true} only when there is no other file (the stream has ended)
     * and the newest of them has expired. A slot with no file at all has nothing to remove.
     *
     * @param onlyExemptFilesLeft  whether every file left in the slot is exempt
     * @param newestExemptModified the newest modification time among them
     */
    public boolean isEnded(boolean onlyExemptFilesLeft, Instant newestExemptModified, Instant now) {
        return onlyExemptFilesLeft && isOlderThanExpiry(newestExemptModified, now);
    }
}
