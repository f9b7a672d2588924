-- Scenarios are made and deleted without the data changing, yet maps and collections list them: their own version
-- and change time, grown with each one stored or deleted, validate those answers beside the data version.
ALTER TABLE store_state ADD COLUMN scenarios_version bigint DEFAULT 0 NOT NULL;
ALTER TABLE store_state ADD COLUMN scenarios_changed_at timestamp with time zone;
UPDATE store_state SET scenarios_changed_at = changed_at;
ALTER TABLE store_state ALTER COLUMN scenarios_changed_at SET NOT NULL;
