package io.livepush.service;

import io.livepush.domain.Actor;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.mediavault.MediaVaultSigner;
import io.livepush.model.MediaVaultColumns;
import io.livepush.model.Slot;
import io.livepush.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs playback URLs of a slot with its stored primary MediaVault secret, for the portal's test-URL generator and its
 * player (SPEC §8). The secret never leaves this class; callers get only the signed URL, and only for slots they may
 * manage.
 */
public final class PlaybackSigningService {

    /** The longest validity the generator hands out. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(7);

    private final Database database;
    private final Clock clock;

    public PlaybackSigningService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Signs {@code url} (a playback URL of the slot, with the file path appended) valid for {@code validity} from now.
     *
     * @param ipRule      optional {@code i=} term (an address or CIDR block the viewer must come from), or {@code null}
     * @param directory   whether to sign the whole directory ({@code p=}), so that relative segment URLs pass too
     * @return the URL unchanged when the slot's MediaVault mode is {@code NONE}
     */
    public String sign(Actor actor, String slotId, String url, Duration validity, String ipRule, boolean directory) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new InvalidInputException("validity", "The validity must be between 1 second and 7 days");
        }
        MediaVaultColumns mediaVault = database.inTransaction(em -> SlotLookup.find(em, actor, slotId)
                .getMediaVault());
        if (MediaVaultMode.valueOf(mediaVault.getMode()) == MediaVaultMode.NONE) {
            return url;
        }
        List<MediaVaultSigner.Term> terms = new ArrayList<>();
        terms.add(MediaVaultSigner.Term.end(clock.instant().plus(validity).getEpochSecond()));
        if (ipRule != null && !ipRule.isBlank()) {
            terms.add(MediaVaultSigner.Term.ip(ipRule.strip()));
        }
        if (directory) {
            terms.add(MediaVaultSigner.Term.prefix(MediaVaultSigner.directoryPrefixLength(url)));
        }
        try {
            return new MediaVaultSigner(mediaVault.getPrimarySecret()).sign(url, terms);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("url", e.getMessage());
        }
    }

    /** Whether the slot's playback needs a token at all. */
    public boolean isProtected(Actor actor, String slotId) {
        return database.inTransaction(em -> {
            Slot slot = SlotLookup.find(em, actor, slotId);
            return MediaVaultMode.valueOf(slot.getMediaVault().getMode()) != MediaVaultMode.NONE;
        });
    }
}
