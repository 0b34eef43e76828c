-- Issue 12: a slot's "Low latency" setting. When on, playback serves media objects while they upload (LL-DASH) and
-- LL-HLS playlists with blocking reloads and origin-made parts. Off for every existing slot.
ALTER TABLE slot ADD COLUMN low_latency BOOLEAN NOT NULL DEFAULT FALSE AFTER file_expiry_seconds;
