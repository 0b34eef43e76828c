package io.livepush.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActorTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "demo", "other", "zz"})
    void operatorMayManageAnyAccount(String shortname) {
        assertThat(Actor.operator("root").mayManage(shortname)).isTrue();
    }

    @Test
    void accountAdminMayManageItsOwnAccount() {
        assertThat(Actor.accountAdmin("alice", "acme").mayManage("acme")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "acme2", "acm", "acmeacme", "ACME", "Acme", " acme", ""})
    void accountAdminMayNotManageAnotherAccount(String shortname) {
        assertThat(Actor.accountAdmin("alice", "acme").mayManage(shortname)).isFalse();
    }

    @Test
    void accountAdminMayNotManageAMissingAccount() {
        assertThat(Actor.accountAdmin("alice", "acme").mayManage(null)).isFalse();
    }

    @Test
    void factoriesSetRoleAndAccount() {
        Actor operator = Actor.operator("root");
        Actor admin = Actor.accountAdmin("alice", "acme");

        assertThat(operator).isEqualTo(new Actor("root", AdminRole.OPERATOR, null));
        assertThat(operator.isOperator()).isTrue();
        assertThat(admin).isEqualTo(new Actor("alice", AdminRole.ACCOUNT_ADMIN, "acme"));
        assertThat(admin.isOperator()).isFalse();
    }

    @Test
    void accountAdminWithoutAccountIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Actor("alice", AdminRole.ACCOUNT_ADMIN, null))
                .withMessage("An account admin must belong to an account");
        assertThatIllegalArgumentException().isThrownBy(() -> Actor.accountAdmin("alice", null));
    }

    @Test
    void operatorWithAccountIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Actor("root", AdminRole.OPERATOR, "acme"))
                .withMessage("An operator belongs to no account");
    }

    @ParameterizedTest
    @EnumSource(AdminRole.class)
    void actorWithoutUsernameIsRejected(AdminRole role) {
        String account = role == AdminRole.ACCOUNT_ADMIN ? "acme" : null;

        assertThatNullPointerException().isThrownBy(() -> new Actor(null, role, account)).withMessage("username");
    }

    @Test
    void actorWithoutRoleIsRejected() {
        assertThatNullPointerException().isThrownBy(() -> new Actor("alice", null, "acme")).withMessage("role");
    }
}
