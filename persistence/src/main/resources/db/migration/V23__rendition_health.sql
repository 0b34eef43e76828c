-- Encoder health per rendition (SPEC §7, issue 13): one row per ingest node, slot and rendition, written by the node
-- when what it observed changes (at most every few seconds, sooner when the stored row would otherwise turn Late).
-- The admin application judges the row with its own clock, so Late and Stopped need no further write.
CREATE TABLE rendition_health (
    node_id             VARCHAR(64)  NOT NULL,
    slot_id             CHAR(32)     NOT NULL,
    -- the media playlist's path in the slot (720p/index.m3u8), or the MPD's path, '#' and the Representation id
    rendition           VARCHAR(255) NOT NULL,
    format              VARCHAR(8)   NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    -- the state the node judged at updated_at: healthy, late, missing_segments, off_bitrate or stopped
    state               VARCHAR(20)  NOT NULL,
    segment_duration_ms INT          NOT NULL,
    last_sequence       BIGINT       NULL,
    last_segment_at     DATETIME(6)  NOT NULL,
    playlist_at         DATETIME(6)  NOT NULL,
    ended_at            DATETIME(6)  NULL,
    missing_since       DATETIME(6)  NULL,
    missing_now         INT          NOT NULL,
    missing_total       BIGINT       NOT NULL,
    off_bitrate_since   DATETIME(6)  NULL,
    measured_kbps       INT          NULL,
    declared_kbps       INT          NULL,
    sequence_resets     INT          NOT NULL,
    last_reset_at       DATETIME(6)  NULL,
    discontinuities     BIGINT       NOT NULL,
    healthy_since       DATETIME(6)  NULL,
    PRIMARY KEY (node_id, slot_id, rendition),
    CONSTRAINT fk_rendition_health_slot FOREIGN KEY (slot_id) REFERENCES slot (id) ON DELETE CASCADE,
    INDEX ix_rendition_health_slot (slot_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
