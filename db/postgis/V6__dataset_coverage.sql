-- The area each dataset has data for and the layers it speaks for there (see org.clustergrid.model.Coverage).
-- Datasets imported before this version have none; the scoring derives theirs from their features.
ALTER TABLE dataset ADD COLUMN coverage_wkt text;
ALTER TABLE dataset ADD COLUMN coverage_layers text;
ALTER TABLE dataset ADD COLUMN coverage_method varchar(16);
ALTER TABLE dataset ADD COLUMN coverage_description text;
