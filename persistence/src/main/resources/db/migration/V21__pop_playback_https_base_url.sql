-- Issue 11: a PoP's HTTPS playback base URL, when HTTPS playback answers somewhere else than the HTTP base with its
-- scheme swapped (another port, host or path). NULL: the https URL is derived only where that is safe (SlotUrls).
ALTER TABLE pop ADD COLUMN playback_https_base_url VARCHAR(255) NULL AFTER playback_base_url;
