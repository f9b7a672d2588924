-- WMS dimensions (elevation, time) a context layer declares on its attributes: a JSON list of the import's
-- declarations ({name, attribute, values, default, multipleValues, nearestValue}); null for none.
ALTER TABLE context_layer ADD COLUMN dimensions text;
