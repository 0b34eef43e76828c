package io.livepush.service;

import io.livepush.domain.Actor;
import io.livepush.domain.AdminRole;
import io.livepush.domain.PasswordPolicy;
import io.livepush.domain.Username;
import io.livepush.model.Account;
import io.livepush.model.AdminUser;
import io.livepush.security.PasswordHasher;
import io.livepush.security.SlowCheckLimit;
import io.livepush.store.Database;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Portal and API users (SPEC §2): operators manage them; logins are checked against slow salted hashes, upgraded when
 * the hashing parameters change, and {@value #MAX_FAILURES} failures in a row lock a user out for {@link #LOCKOUT}.
 * At most one login per CPU is checked at a time ({@link SlowCheckLimit}), the others wait before they open a
 * transaction: the API takes Basic credentials on every request, and unknown names cost a check of the decoy too, so
 * wrong passwords sent on many connections would otherwise run as many 19 MiB checks at once, each holding a pooled
 * database connection.
 */
public final class AdminUserService {

    /** Failed logins in a row that lock a user out. */
    public static final int MAX_FAILURES = 5;
    /** How long a lockout lasts. */
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final Database database;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final List<LoginListener> loginListeners = new CopyOnWriteArrayList<>();
    /** Verified against when the user name is unknown, so that unknown and known names take equally long. */
    private final String decoyHash;
    private final SlowCheckLimit slowChecks;

    public AdminUserService(Database database, PasswordHasher hasher, Clock clock) {
        this(database, hasher, clock, SlowCheckLimit.perCpu());
    }

    AdminUserService(Database database, PasswordHasher hasher, Clock clock, SlowCheckLimit slowChecks) {
        this.database = database;
        this.hasher = hasher;
        this.clock = clock;
        this.slowChecks = slowChecks;
        this.decoyHash = hasher.hash("decoy-password-never-matches".toCharArray());
    }

    /**
     * Creates the first operator when there is no user at all (installation and quick start); returns whether it did.
     */
    public boolean createFirstOperator(String username, String password) {
        checkCredentials(username, password);
        String hash = hasher.hash(password.toCharArray());
        return database.inTransaction(em -> {
            if (em.createQuery("select count(u) from AdminUser u", Long.class).getSingleResult() > 0) {
                return false;
            }
            em.persist(new AdminUser(username, AdminRole.OPERATOR, null, hash, clock.instant()));
            return true;
        });
    }

    /**
     * Creates a user (operators only).
     *
     * @param shortname the account of an {@link AdminRole#ACCOUNT_ADMIN}; must be {@code null} for an operator
     */
    public AdminUserRecord create(Actor actor, String username, String password, AdminRole role, String shortname) {
        Accounts.requireOperator(actor, "manage users");
        checkCredentials(username, password);
        if (role == null || (role == AdminRole.ACCOUNT_ADMIN) == (shortname == null)) {
            throw new InvalidInputException("accountShortname",
                    "An account admin needs an account; an operator has none");
        }
        String hash = hasher.hash(password.toCharArray());
        return database.inTransaction(em -> {
            if (user(em, username).isPresent()) {
                throw new ConflictException("A user named '" + username + "' exists");
            }
            Account account = shortname == null ? null : Accounts.find(em, actor, shortname);
            AdminUser user = new AdminUser(username, role, account, hash, clock.instant());
            em.persist(user);
            return record(user);
        });
    }

    /** Told about every login attempt once it is decided (metrics subscribe here). Must be quick. */
    @FunctionalInterface
    public interface LoginListener {

        /**
         * @param outcome       what the attempt came to
         * @param lockoutBegins whether this failure locked the user out
         */
        void attempted(LoginResult.Outcome outcome, boolean lockoutBegins);
    }

    /** Subscribes {@code listener} to every login attempt from now on. */
    public void addLoginListener(LoginListener listener) {
        loginListeners.add(listener);
    }

    /** Checks a login, counting failures and locking out, and upgrading the stored hash when needed. */
    public LoginResult login(String username, String password) {
        boolean[] lockoutBegins = {false};
        LoginResult result = slowChecks.run(() -> check(username, password, lockoutBegins));
        for (LoginListener listener : loginListeners) {
            listener.attempted(result.outcome(), lockoutBegins[0]);
        }
        return result;
    }

    private LoginResult check(String username, String password, boolean[] lockoutBegins) {
        Instant now = clock.instant();
        char[] typed = password == null ? new char[0] : password.toCharArray();
        return database.inTransaction(em -> {
            Optional<AdminUser> found = Username.isValid(username) ? user(em, username) : Optional.empty();
            if (found.isEmpty()) {
                hasher.verify(typed, decoyHash);
                return LoginResult.rejected();
            }
            AdminUser user = found.get();
            if (user.isLockedAt(now)) {
                return LoginResult.locked(user.getLockedUntil().orElseThrow());
            }
            PasswordHasher.Verification verification = hasher.verifyAndUpgrade(typed, user.getPasswordHash());
            if (!verification.matches()) {
                user.recordFailedLogin(now, MAX_FAILURES, LOCKOUT);
                lockoutBegins[0] = user.isLockedAt(now);
                return user.isLockedAt(now) ? LoginResult.locked(user.getLockedUntil().orElseThrow())
                        : LoginResult.rejected();
            }
            verification.upgradedHash().ifPresent(user::setPasswordHash);
            user.recordLogin(now);
            return LoginResult.accepted(actor(user));
        });
    }

    /** Changes a password: operators for anyone, everyone for themselves. */
    public void changePassword(Actor actor, String username, String newPassword) {
        if (!actor.isOperator() && !actor.username().equals(username)) {
            throw new AccessDeniedException("Only operators may change other users' passwords");
        }
        checkCredentials(username, newPassword);
        String hash = hasher.hash(newPassword.toCharArray());
        database.runInTransaction(em -> existing(em, username).setPasswordHash(hash));
    }

    /** Lifts a lockout (operators only). */
    public void unlock(Actor actor, String username) {
        Accounts.requireOperator(actor, "manage users");
        database.runInTransaction(em -> existing(em, username).unlock());
    }

    /** Deletes a user (operators only; nobody deletes themselves). */
    public void delete(Actor actor, String username) {
        Accounts.requireOperator(actor, "manage users");
        if (actor.username().equals(username)) {
            throw new ConflictException("You cannot delete your own user");
        }
        database.runInTransaction(em -> em.remove(existing(em, username)));
    }

    /** Every user, by name (operators only). */
    public List<AdminUserRecord> list(Actor actor) {
        Accounts.requireOperator(actor, "manage users");
        return database.inTransaction(em -> em.createQuery("select u from AdminUser u left join fetch u.account"
                + " order by u.username", AdminUser.class).getResultStream().map(AdminUserService::record).toList());
    }

    private static void checkCredentials(String username, String password) {
        Problems problems = new Problems();
        problems.check("username", Username.problem(username));
        problems.check("password", PasswordPolicy.problem(password, username));
        problems.throwIfAny();
    }

    private static Optional<AdminUser> user(EntityManager em, String username) {
        return em.createQuery("select u from AdminUser u where u.username = :name", AdminUser.class)
                .setParameter("name", username).getResultStream().findFirst();
    }

    private static AdminUser existing(EntityManager em, String username) {
        return user(em, username).orElseThrow(() -> new NotFoundException("There is no user '" + username + "'"));
    }

    private static Actor actor(AdminUser user) {
        return new Actor(user.getUsername(), user.getRole(),
                user.getAccount().map(Account::getShortname).orElse(null));
    }

    private static AdminUserRecord record(AdminUser user) {
        return new AdminUserRecord(user.getUsername(), user.getRole(),
                user.getAccount().map(Account::getShortname).orElse(null), user.getCreatedAt(),
                user.getLastLoginAt().orElse(null), user.getLockedUntil().orElse(null));
    }
}
