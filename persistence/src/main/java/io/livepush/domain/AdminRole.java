package io.livepush.domain;

/** What a portal or API user may do (SPEC §2). */
public enum AdminRole {
    /** Manages accounts, entitlements, PoPs, users and every account's slots. */
    OPERATOR,
    /** Manages the slots of one account only. */
    ACCOUNT_ADMIN
}
