package io.livepush.service;

import io.livepush.domain.Actor;
import io.livepush.domain.SlotLifecycle;
import io.livepush.model.Pop;
import io.livepush.store.Database;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PoPs (SPEC §3): operator-managed records of where ingest nodes run and the base URLs encoders and viewers use.
 * Everyone may list them (the slot form offers them); only operators change them.
 */
public final class PopService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Database database;
    private final Clock clock;

    public PopService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Creates a PoP (operators only). */
    public PopRecord create(Actor actor, PopDraft draft) {
        Accounts.requireOperator(actor, "manage PoPs");
        check(draft);
        return database.inTransaction(em -> {
            ConfigVersions.next(em);
            requireFreeName(em, draft.name(), null);
            Pop pop = new Pop(draft.name(), draft.region(), trimSlash(draft.ingestBaseUrl()),
                    trimSlash(draft.playbackBaseUrl()), clock.instant());
            pop.setPlaybackHttpsBaseUrl(optionalBase(draft.playbackHttpsBaseUrl()));
            em.persist(pop);
            return SlotRecords.pop(pop);
        });
    }

    /**
     * Changes a PoP (operators only). Its slots' URLs change with it; ingest nodes pick up the new version.
     */
    public PopRecord update(Actor actor, long popId, PopDraft draft) {
        Accounts.requireOperator(actor, "manage PoPs");
        check(draft);
        return database.inTransaction(em -> {
            ConfigVersions.next(em);
            Pop pop = Optional.ofNullable(em.find(Pop.class, popId))
                    .orElseThrow(() -> new NotFoundException("There is no PoP with id " + popId));
            requireFreeName(em, draft.name(), popId);
            long slots = em.createQuery("select count(s) from Slot s where s.primaryPop = :pop", Long.class)
                    .setParameter("pop", pop).getSingleResult();
            if (slots > 0 && pop.getRegion() != draft.region()) {
                throw new ConflictException("The PoP '" + pop.getName() + "' is the primary PoP of " + slots
                        + " slots in " + pop.getRegion().displayName() + "; its region cannot change");
            }
            pop.setName(draft.name());
            pop.setRegion(draft.region());
            pop.setIngestBaseUrl(trimSlash(draft.ingestBaseUrl()));
            pop.setPlaybackBaseUrl(trimSlash(draft.playbackBaseUrl()));
            pop.setPlaybackHttpsBaseUrl(optionalBase(draft.playbackHttpsBaseUrl()));
            return SlotRecords.pop(pop);
        });
    }

    /**
     * Deletes a PoP that no slot and no ingest node uses (operators only). Deleted slots do not count: their
     * tombstones (kept so that ingest nodes learn of the deletion) are removed with the PoP, as every live node of
     * their PoPs has already dropped them; a slot still being deleted does count.
     */
    public void delete(Actor actor, long popId) {
        Accounts.requireOperator(actor, "manage PoPs");
        database.runInTransaction(em -> {
            ConfigVersions.next(em);
            Pop pop = Optional.ofNullable(em.find(Pop.class, popId))
                    .orElseThrow(() -> new NotFoundException("There is no PoP with id " + popId));
            long users = em.createQuery("select count(s) from Slot s where (s.primaryPop = :pop"
                    + " or s.backupPop = :pop) and s.lifecycle <> :deleted", Long.class).setParameter("pop", pop)
                    .setParameter("deleted", SlotLifecycle.DELETED).getSingleResult()
                    + em.createQuery("select count(n) from IngestNode n where n.pop = :pop", Long.class)
                    .setParameter("pop", pop).getSingleResult();
            if (users > 0) {
                throw new ConflictException("The PoP '" + pop.getName() + "' is still used by slots or ingest nodes");
            }
            // The database removes the tombstones' credentials, rules, history and statistics (ON DELETE CASCADE).
            em.createQuery("delete from Slot s where (s.primaryPop = :pop or s.backupPop = :pop)"
                    + " and s.lifecycle = :deleted").setParameter("pop", pop)
                    .setParameter("deleted", SlotLifecycle.DELETED).executeUpdate();
            em.remove(pop);
        });
    }

    /** Every PoP, by name. */
    public List<PopRecord> list() {
        return database.inTransaction(em -> em.createQuery("select p from Pop p order by p.name", Pop.class)
                .getResultStream().map(SlotRecords::pop).toList());
    }

    private static void requireFreeName(EntityManager em, String name, Long exceptId) {
        boolean taken = em.createQuery("select count(p) from Pop p where p.name = :name and p.id <> :id", Long.class)
                .setParameter("name", name)
                .setParameter("id", exceptId == null ? -1L : exceptId)
                .getSingleResult() > 0;
        if (taken) {
            throw new ConflictException("A PoP named '" + name + "' exists");
        }
    }

    private static void check(PopDraft draft) {
        Map<String, String> found = problems(draft);
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }

    /** Every problem of {@code draft}, by field; empty when it has none. Checks nothing in the database. */
    public static Map<String, String> problems(PopDraft draft) {
        Problems problems = new Problems();
        if (draft.name() == null || !NAME.matcher(draft.name()).matches()) {
            problems.add("name", "A PoP name is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (draft.region() == null) {
            problems.add("region", "A region is required");
        }
        problems.check("ingestBaseUrl", urlProblem(draft.ingestBaseUrl(), true));
        problems.check("playbackBaseUrl", urlProblem(draft.playbackBaseUrl(), false));
        if (optionalBase(draft.playbackHttpsBaseUrl()) != null) {
            problems.check("playbackHttpsBaseUrl", urlProblem(draft.playbackHttpsBaseUrl(),
                    " because it is the HTTPS playback base"));
        }
        return problems.asMap();
    }

    /** A base URL is absolute, without user info, query or fragment; ingest needs HTTPS (SPEC §4). */
    static Optional<String> urlProblem(String text, boolean httpsOnly) {
        return urlProblem(text, httpsOnly ? " because publishing needs HTTPS" : null);
    }

    /** As {@link #urlProblem(String, boolean)}; HTTPS is required, for the reason given, unless it is {@code null}. */
    private static Optional<String> urlProblem(String text, String httpsReason) {
        if (text == null || text.isBlank()) {
            return Optional.of("A base URL is required");
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (httpsReason != null && !scheme.equals("https")) {
                return Optional.of("'" + text + "' must start with https://" + httpsReason);
            }
            if (!scheme.equals("https") && !scheme.equals("http")) {
                return Optional.of("'" + text + "' must start with http:// or https://");
            }
            if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                return Optional.of("'" + text + "' must be a plain base URL: a host and an optional path");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("'" + text + "' is not a URL");
        }
    }

    /** A blank optional base URL means none: {@code null}. */
    private static String optionalBase(String url) {
        return url == null || url.isBlank() ? null : trimSlash(url);
    }

    private static String trimSlash(String url) {
        String stripped = url.strip();
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }
}
