package io.livepush.service;

import static io.livepush.service.ServiceFixture.ACME_ADMIN;
import static io.livepush.service.ServiceFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livepush.domain.AdminRole;
import io.livepush.security.Argon2Settings;
import io.livepush.security.PasswordHasher;
import io.livepush.security.SlowCheckLimit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdminUserServiceIT extends ServiceIT {

    @Test
    void theFirstOperatorIsCreatedOnlyOnce() {
        try (ServiceFixture empty = new ServiceFixture()) {
            assertThat(empty.users.createFirstOperator("root.op", "First-Op-Pass-Word")).isTrue();
            assertThat(empty.users.createFirstOperator("second.op", "First-Op-Pass-Word")).isFalse();
            assertThat(empty.users.login("root.op", "First-Op-Pass-Word").actor().isOperator()).isTrue();
        }
    }

    @Test
    void anAccountAdminLogsInAsAnActorOfItsAccount() {
        fx.users.create(OPERATOR, "acme.admin", "Acme-Admin-Pass-7", AdminRole.ACCOUNT_ADMIN, "acme");

        LoginResult result = fx.users.login("acme.admin", "Acme-Admin-Pass-7");

        assertThat(result.outcome()).isEqualTo(LoginResult.Outcome.ACCEPTED);
        assertThat(result.actor().accountShortname()).isEqualTo("acme");
        assertThat(fx.users.login("acme.admin", "wrong-password-here").outcome())
                .isEqualTo(LoginResult.Outcome.REJECTED);
        assertThat(fx.users.login("nobody", "Acme-Admin-Pass-7").outcome())
                .isEqualTo(LoginResult.Outcome.REJECTED);
    }

    @Test
    void fiveFailuresLockTheUserOutEvenForTheRightPasswordUntilTheLockoutEnds() {
        fx.users.create(OPERATOR, "locky", "Locked-Out-Pass-1", AdminRole.ACCOUNT_ADMIN, "acme");
        for (int i = 0; i < AdminUserService.MAX_FAILURES - 1; i++) {
            assertThat(fx.users.login("locky", "wrong-password-" + i).outcome())
                    .isEqualTo(LoginResult.Outcome.REJECTED);
        }
        assertThat(fx.users.login("locky", "wrong-password-x").outcome()).isEqualTo(LoginResult.Outcome.LOCKED);

        LoginResult locked = fx.users.login("locky", "Locked-Out-Pass-1");
        assertThat(locked.outcome()).isEqualTo(LoginResult.Outcome.LOCKED);
        assertThat(locked.lockedUntil()).isEqualTo(fx.clock.instant().plus(AdminUserService.LOCKOUT));

        fx.clock.advance(AdminUserService.LOCKOUT.plus(Duration.ofSeconds(1)));
        assertThat(fx.users.login("locky", "Locked-Out-Pass-1").outcome()).isEqualTo(LoginResult.Outcome.ACCEPTED);
    }

    @Test
    void aLoginWaitsForItsTurnWhileEverySlowCheckIsTaken() throws Exception {
        fx.users.create(OPERATOR, "patient", "Waiting-Turn-Word-8", AdminRole.OPERATOR, null);
        SlowCheckLimit oneAtATime = new SlowCheckLimit(1);
        AdminUserService limited = new AdminUserService(fx.database, fx.hasher, fx.clock, oneAtATime);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Void> busy = CompletableFuture.runAsync(() -> oneAtATime.run(() -> {
                holding.countDown();
                try {
                    return release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }), threads);
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<LoginResult> login = CompletableFuture.supplyAsync(
                    () -> limited.login("patient", "Waiting-Turn-Word-8"), threads);
            Thread.sleep(300);
            assertThat(login).isNotDone();

            release.countDown();
            assertThat(login.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(LoginResult.Outcome.ACCEPTED);
            busy.get(10, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anOperatorCanUnlockAUser() {
        fx.users.create(OPERATOR, "unlockme", "Unlock-Pass-Word-2", AdminRole.ACCOUNT_ADMIN, "acme");
        for (int i = 0; i < AdminUserService.MAX_FAILURES; i++) {
            fx.users.login("unlockme", "wrong-password-" + i);
        }

        fx.users.unlock(OPERATOR, "unlockme");

        assertThat(fx.users.login("unlockme", "Unlock-Pass-Word-2").outcome())
                .isEqualTo(LoginResult.Outcome.ACCEPTED);
    }

    @Test
    void aLoginUpgradesAHashMadeWithOldParameters() throws Exception {
        PasswordHasher weaker = new PasswordHasher(new Argon2Settings(512, 1, 1));
        AdminUserService old = new AdminUserService(fx.database, weaker, fx.clock);
        old.create(OPERATOR, "upgrader", "Upgrade-Pass-Word-3", AdminRole.OPERATOR, null);
        assertThat(storedHash("upgrader")).contains("m=512,");

        assertThat(fx.users.login("upgrader", "Upgrade-Pass-Word-3").outcome())
                .isEqualTo(LoginResult.Outcome.ACCEPTED);

        assertThat(storedHash("upgrader")).contains("m=1024,");
        assertThat(fx.users.login("upgrader", "Upgrade-Pass-Word-3").outcome())
                .isEqualTo(LoginResult.Outcome.ACCEPTED);
    }

    @Test
    void usersAreCheckedAndManagedByOperatorsOnly() {
        assertThatThrownBy(() -> fx.users.create(OPERATOR, "weak", "weak", AdminRole.OPERATOR, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("password"));
        assertThatThrownBy(() -> fx.users.create(OPERATOR, "noaccount", "No-Account-Pass-5",
                AdminRole.ACCOUNT_ADMIN, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> fx.users.create(ACME_ADMIN, "sneaky", "Sneak-Pass-Word-6", AdminRole.OPERATOR,
                null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.users.list(ACME_ADMIN)).isInstanceOf(AccessDeniedException.class);
        fx.users.create(OPERATOR, "twice", "Duplicate-Pass-4", AdminRole.OPERATOR, null);
        assertThatThrownBy(() -> fx.users.create(OPERATOR, "twice", "Duplicate-Pass-4", AdminRole.OPERATOR, null))
                .isInstanceOf(ConflictException.class);
        assertThat(fx.users.list(OPERATOR)).extracting(AdminUserRecord::username).contains("twice");
        assertThat(fx.users.list(OPERATOR).toString()).doesNotContain("argon2");
    }

    private static String storedHash(String username) throws Exception {
        try (Connection connection = fx.schema.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT password_hash FROM admin_user WHERE username = '" + username + "'")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
