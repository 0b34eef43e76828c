-- Per-slot ingest statistics (SPEC §7), one row per node and slot, rewritten by the node every few seconds.
CREATE TABLE slot_ingest_stats (
    node_id                   VARCHAR(64)   NOT NULL,
    slot_id                   CHAR(32)      NOT NULL,
    updated_at                DATETIME(6)   NOT NULL,
    last_put_at               DATETIME(6)   NULL,
    bitrate_kbps              INT           NOT NULL,
    over_bitrate              BOOLEAN       NOT NULL,
    -- "status=count" pairs separated by spaces, e.g. "201=30 204=12 401=2"
    requests_last_minute      VARCHAR(512)  NOT NULL,
    bytes_last_minute         BIGINT        NOT NULL,
    requests_last_hour        VARCHAR(512)  NOT NULL,
    bytes_last_hour           BIGINT        NOT NULL,
    auth_failures_last_minute INT           NOT NULL,
    last_error                VARCHAR(1024) NULL,
    last_error_at             DATETIME(6)   NULL,
    PRIMARY KEY (node_id, slot_id),
    CONSTRAINT fk_ingest_stats_slot FOREIGN KEY (slot_id) REFERENCES slot (id) ON DELETE CASCADE,
    INDEX ix_ingest_stats_slot (slot_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
