package io.livepush.domain;

import java.util.Objects;

/**
 * Who is calling a service: every service call that reads or changes account data takes one, and the service checks it.
 *
 * @param username the user's name, recorded in the audit log
 * @param role what the user may do
 * @param accountShortname the account an {@link AdminRole#ACCOUNT_ADMIN} belongs to; {@code null} for an operator
 */
public record Actor(String username, AdminRole role, String accountShortname) {

    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        if (role == AdminRole.ACCOUNT_ADMIN && accountShortname == null) {
            throw new IllegalArgumentException("An account admin must belong to an account");
        }
        if (role == AdminRole.OPERATOR && accountShortname != null) {
            throw new IllegalArgumentException("An operator belongs to no account");
        }
    }

    /** An operator. */
    public static Actor operator(String username) {
        return new Actor(username, AdminRole.OPERATOR, null);
    }

    /** An admin of the account {@code shortname}. */
    public static Actor accountAdmin(String username, String shortname) {
        return new Actor(username, AdminRole.ACCOUNT_ADMIN, shortname);
    }

    /** Whether this actor is an operator. */
    public boolean isOperator() {
        return role == AdminRole.OPERATOR;
    }

    /** Whether this actor may read and change the slots of the account {@code shortname}. */
    public boolean mayManage(String shortname) {
        return isOperator() || accountShortname.equals(shortname);
    }
}
