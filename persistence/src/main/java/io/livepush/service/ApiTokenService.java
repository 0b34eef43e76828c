package io.livepush.service;

import io.livepush.domain.Actor;
import io.livepush.domain.AdminRole;
import io.livepush.domain.FreeText;
import io.livepush.store.Database;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Per-user API tokens for the REST API (SPEC §8): a user creates and revokes their own; operators may revoke anyone's.
 * A token is {@value #PREFIX} followed by 40 random hex digits (160 bits); only its SHA-256 digest is stored, so a
 * database dump reveals no usable token. A token acts with the role and account its user has at the time of use, and
 * dies with the user.
 * <p>
 * The table is read with native SQL so that this service needs no entity registered with the persistence unit.
 */
public final class ApiTokenService {

    /** Every token starts with this, so that leaked tokens are easy to recognise. */
    public static final String PREFIX = "lpt_";
    private static final int TOKEN_BYTES = 20;
    private static final int MAX_LABEL = 100;
    private static final int HINT_LENGTH = PREFIX.length() + 6;

    private final Database database;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokenService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Creates a token for the calling user; the returned token is shown once. */
    public IssuedApiToken create(Actor actor, String label) {
        String cleaned = label == null ? "" : label.strip();
        if (cleaned.isEmpty() || cleaned.length() > MAX_LABEL) {
            throw new InvalidInputException("label", "A label of 1 to " + MAX_LABEL + " characters is required");
        }
        FreeText.problem(cleaned).ifPresent(problem -> {
            throw new InvalidInputException("label", problem);
        });
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = PREFIX + HexFormat.of().formatHex(bytes);
        Instant now = clock.instant();
        return database.inTransaction(em -> {
            long userId = userId(em, actor.username());
            em.createNativeQuery("insert into api_token (admin_user_id, label, token_digest, token_hint, created_at)"
                            + " values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, userId).setParameter(2, cleaned).setParameter(3, digest(token))
                    .setParameter(4, token.substring(0, HINT_LENGTH)).setParameter(5, Timestamp.from(now))
                    .executeUpdate();
            long id = ((Number) em.createNativeQuery("select id from api_token where token_digest = ?1")
                    .setParameter(1, digest(token)).getSingleResult()).longValue();
            return new IssuedApiToken(new ApiTokenRecord(id, actor.username(), cleaned,
                    token.substring(0, HINT_LENGTH), now, null), token);
        });
    }

    /** The caller's tokens; an operator sees every user's. */
    public List<ApiTokenRecord> list(Actor actor) {
        return database.inTransaction(em -> {
            String where = actor.isOperator() ? "" : " where u.username = ?1";
            var query = em.createNativeQuery("select t.id, u.username, t.label, t.token_hint, t.created_at,"
                    + " t.last_used_at from api_token t join admin_user u on u.id = t.admin_user_id" + where
                    + " order by t.created_at desc, t.id desc", Object[].class);
            if (!actor.isOperator()) {
                query.setParameter(1, actor.username());
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = query.getResultList();
            return rows.stream().map(ApiTokenService::record).toList();
        });
    }

    /** Revokes a token: its owner or an operator may; anybody else is told it does not exist. */
    public void revoke(Actor actor, long tokenId) {
        database.runInTransaction(em -> {
            var query = em.createNativeQuery("delete t from api_token t join admin_user u on u.id = t.admin_user_id"
                    + " where t.id = ?1" + (actor.isOperator() ? "" : " and u.username = ?2"));
            query.setParameter(1, tokenId);
            if (!actor.isOperator()) {
                query.setParameter(2, actor.username());
            }
            if (query.executeUpdate() == 0) {
                throw new NotFoundException("There is no API token " + tokenId);
            }
        });
    }

    /** The user a token belongs to, with their current role and account; empty for an unknown or revoked token. */
    public Optional<Actor> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() != PREFIX.length() + 2 * TOKEN_BYTES) {
            return Optional.empty();
        }
        String digest = digest(token);
        return database.inTransaction(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select u.username, u.role, a.shortname from api_token t"
                            + " join admin_user u on u.id = t.admin_user_id left join account a on a.id = u.account_id"
                            + " where t.token_digest = ?1", Object[].class)
                    .setParameter(1, digest).getResultList();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            em.createNativeQuery("update api_token set last_used_at = ?1 where token_digest = ?2")
                    .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, digest).executeUpdate();
            Object[] row = rows.get(0);
            return Optional.of(new Actor((String) row[0], AdminRole.valueOf((String) row[1]), (String) row[2]));
        });
    }

    private static long userId(EntityManager em, String username) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select id from admin_user where username = ?1")
                .setParameter(1, username).getResultList();
        if (ids.isEmpty()) {
            throw new NotFoundException("There is no user '" + username + "'");
        }
        return ((Number) ids.get(0)).longValue();
    }

    private static ApiTokenRecord record(Object[] row) {
        return new ApiTokenRecord(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                instant(row[4]), instant(row[5]));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return local.toInstant(java.time.ZoneOffset.UTC);
        }
        return (Instant) value;
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
