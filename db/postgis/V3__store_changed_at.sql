-- When the data version last grew, so HTTP responses can carry Last-Modified and answer If-Modified-Since.
ALTER TABLE store_state ADD COLUMN changed_at timestamp with time zone;
UPDATE store_state SET changed_at = COALESCE((SELECT MAX(imported_at) FROM dataset), CURRENT_TIMESTAMP);
ALTER TABLE store_state ALTER COLUMN changed_at SET NOT NULL;
