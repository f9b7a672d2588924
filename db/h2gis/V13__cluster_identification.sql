-- The Identification grid (org.clustergrid.model.Identification, docs/identification-grid.md): optional, null when
-- not known. Scalars are columns so CQL2 filters can use them; lists are JSON arrays in text columns.
ALTER TABLE clusters ADD COLUMN IF NOT EXISTS status text;
ALTER TABLE clusters ADD COLUMN IF NOT EXISTS emergence_year integer;
ALTER TABLE clusters ADD COLUMN IF NOT EXISTS product_markets text;
ALTER TABLE clusters ADD COLUMN IF NOT EXISTS informal_share double precision;
ALTER TABLE clusters ADD COLUMN IF NOT EXISTS associations text;
ALTER TABLE clusters ADD COLUMN IF NOT EXISTS support_institutions text;
ALTER TABLE clusters ADD COLUMN IF NOT EXISTS contact_organisation text;
ALTER TABLE clusters ADD COLUMN IF NOT EXISTS contact_email text;
ALTER TABLE clusters ADD COLUMN IF NOT EXISTS contact_url text;
