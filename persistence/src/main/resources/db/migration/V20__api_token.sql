-- Per-user API tokens for the admin REST API (issue 3). Only a SHA-256 digest of each token is stored: tokens are
-- 160-bit random values, so a fast digest is enough (no dictionary to attack) and lookups stay one indexed read.
CREATE TABLE api_token (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    admin_user_id BIGINT       NOT NULL,
    label         VARCHAR(100) NOT NULL,
    token_digest  CHAR(64)     NOT NULL,
    token_hint    VARCHAR(12)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    last_used_at  DATETIME(6)  NULL,
    CONSTRAINT uk_api_token_digest UNIQUE (token_digest),
    CONSTRAINT fk_api_token_user FOREIGN KEY (admin_user_id) REFERENCES admin_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_api_token_user ON api_token (admin_user_id);
