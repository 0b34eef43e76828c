-- Live Push for Tomcat: the slot domain (SPEC §2-§3). Hibernate validates against this schema; it never changes it.
-- Identifiers and user names compare exactly (utf8mb4_bin); case-insensitive slot names use slot.name_key.

CREATE TABLE config_state (
    id      TINYINT NOT NULL PRIMARY KEY,
    version BIGINT  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row: the configuration version that ingest nodes poll. Every slot change takes the row lock, so versions
-- become visible in commit order and a node that has loaded version N has seen every change up to N.
INSERT INTO config_state (id, version) VALUES (1, 0);

CREATE TABLE account (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    shortname      VARCHAR(32)  NOT NULL,
    display_name   VARCHAR(255) NOT NULL,
    live_push_kbps INT          NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    CONSTRAINT uk_account_shortname UNIQUE (shortname)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE account_entitlement (
    account_id BIGINT      NOT NULL,
    slot_type  VARCHAR(32) NOT NULL,
    slot_count INT         NOT NULL,
    PRIMARY KEY (account_id, slot_type),
    CONSTRAINT fk_entitlement_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE pop (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name              VARCHAR(64)  NOT NULL,
    region            VARCHAR(16)  NOT NULL,
    ingest_base_url   VARCHAR(255) NOT NULL,
    playback_base_url VARCHAR(255) NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    CONSTRAINT uk_pop_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE slot (
    id                     CHAR(32)     NOT NULL PRIMARY KEY,
    account_id             BIGINT       NOT NULL,
    name                   VARCHAR(63)  NOT NULL,
    -- lower-case name while the name is taken (ACTIVE, DELETING); NULL once DELETED, which frees the name
    name_key               VARCHAR(63)  NULL,
    description            VARCHAR(255) NULL,
    slot_type              VARCHAR(32)  NOT NULL,
    region                 VARCHAR(16)  NOT NULL,
    primary_pop_id         BIGINT       NOT NULL,
    backup_pop_id          BIGINT       NULL,
    use_backup_ingest      BOOLEAN      NOT NULL,
    total_kbps             INT          NOT NULL,
    segment_duration_ms    INT          NOT NULL,
    file_expiry_seconds    INT          NOT NULL,
    viewer_default_action  VARCHAR(8)   NOT NULL,
    mv_mode                VARCHAR(32)  NOT NULL,
    mv_primary_secret      VARCHAR(128) NULL,
    mv_secondary_secret    VARCHAR(128) NULL,
    mv_deny_status         INT          NOT NULL,
    mv_path_based          BOOLEAN      NOT NULL,
    mv_path_token          VARCHAR(16)  NOT NULL,
    mv_path_delim          VARCHAR(4)   NOT NULL,
    mv_strict_referrer     BOOLEAN      NOT NULL,
    mv_clock_skew_seconds  INT          NOT NULL,
    lifecycle              VARCHAR(16)  NOT NULL,
    config_version         BIGINT       NOT NULL,
    provision_requested_at DATETIME(6)  NOT NULL,
    created_at             DATETIME(6)  NOT NULL,
    updated_at             DATETIME(6)  NOT NULL,
    deleted_at             DATETIME(6)  NULL,
    CONSTRAINT uk_slot_account_name UNIQUE (account_id, name_key),
    CONSTRAINT fk_slot_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_slot_primary_pop FOREIGN KEY (primary_pop_id) REFERENCES pop (id),
    CONSTRAINT fk_slot_backup_pop FOREIGN KEY (backup_pop_id) REFERENCES pop (id),
    -- one index per sort order of the slot list, each led by the account and covering the lifecycle filter, so
    -- that counting and finding a page's IDs never read table rows (SPEC §8: 10 000 slots per account)
    INDEX ix_slot_account_created (account_id, created_at, lifecycle),
    INDEX ix_slot_account_name (account_id, name, lifecycle),
    INDEX ix_slot_account_region (account_id, region, name, lifecycle),
    INDEX ix_slot_account_type (account_id, slot_type, name, lifecycle),
    INDEX ix_slot_config_version (config_version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE publish_credential (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    slot_id       CHAR(32)     NOT NULL,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT uk_credential_slot_username UNIQUE (slot_id, username),
    CONSTRAINT fk_credential_slot FOREIGN KEY (slot_id) REFERENCES slot (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE publish_cidr (
    slot_id  CHAR(32)    NOT NULL,
    position INT         NOT NULL,
    cidr     VARCHAR(64) NOT NULL,
    PRIMARY KEY (slot_id, position),
    CONSTRAINT fk_publish_cidr_slot FOREIGN KEY (slot_id) REFERENCES slot (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE viewer_rule (
    slot_id  CHAR(32)    NOT NULL,
    position INT         NOT NULL,
    action   VARCHAR(8)  NOT NULL,
    cidr     VARCHAR(64) NOT NULL,
    PRIMARY KEY (slot_id, position),
    CONSTRAINT fk_viewer_rule_slot FOREIGN KEY (slot_id) REFERENCES slot (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE admin_user (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    account_id      BIGINT       NULL,
    password_hash   VARCHAR(255) NOT NULL,
    failed_logins   INT          NOT NULL,
    locked_until    DATETIME(6)  NULL,
    last_login_at   DATETIME(6)  NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uk_admin_user_username UNIQUE (username),
    CONSTRAINT fk_admin_user_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ingest_node (
    node_id        VARCHAR(64)   NOT NULL PRIMARY KEY,
    pop_id         BIGINT        NOT NULL,
    config_version BIGINT        NOT NULL,
    started_at     DATETIME(6)   NOT NULL,
    last_seen      DATETIME(6)   NOT NULL,
    error          VARCHAR(1024) NULL,
    CONSTRAINT fk_ingest_node_pop FOREIGN KEY (pop_id) REFERENCES pop (id),
    INDEX ix_ingest_node_pop (pop_id, last_seen)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ingest_node_slot_error (
    node_id     VARCHAR(64)   NOT NULL,
    slot_id     CHAR(32)      NOT NULL,
    message     VARCHAR(1024) NOT NULL,
    reported_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (node_id, slot_id),
    CONSTRAINT fk_node_slot_error_node FOREIGN KEY (node_id) REFERENCES ingest_node (node_id) ON DELETE CASCADE,
    CONSTRAINT fk_node_slot_error_slot FOREIGN KEY (slot_id) REFERENCES slot (id) ON DELETE CASCADE,
    INDEX ix_node_slot_error_slot (slot_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Who changed what in a slot, and when. The change text never holds a password or a secret, only that one changed.
CREATE TABLE slot_audit (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    slot_id    CHAR(32)    NOT NULL,
    account_id BIGINT      NOT NULL,
    actor      VARCHAR(64) NOT NULL,
    at         DATETIME(6) NOT NULL,
    action     VARCHAR(32) NOT NULL,
    changes    TEXT        NOT NULL,
    CONSTRAINT fk_slot_audit_slot FOREIGN KEY (slot_id) REFERENCES slot (id) ON DELETE CASCADE,
    INDEX ix_slot_audit_slot (slot_id, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
