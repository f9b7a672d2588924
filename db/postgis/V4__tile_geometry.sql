-- Each layer's geometry also in Web Mercator (EPSG:3857), kept by PostgreSQL itself, so vector tiles are cut from
-- stored coordinates instead of projecting every feature of every tile again. Clipped to Web Mercator's latitude
-- limit first: beyond it the projection has no finite coordinates, and a feature reaching a pole must still import.
-- Within the limit the clip returns the geometry unchanged, so tiles carry exactly the coordinates they did.
ALTER TABLE clusters ADD COLUMN geom_3857 public.geometry GENERATED ALWAYS AS (public.ST_Transform(
    public.ST_ClipByBox2D(geom, public.ST_MakeEnvelope(-180, -85.0511287798066, 180, 85.0511287798066, 4326)), 3857)) STORED;
ALTER TABLE roads ADD COLUMN geom_3857 public.geometry GENERATED ALWAYS AS (public.ST_Transform(
    public.ST_ClipByBox2D(geom, public.ST_MakeEnvelope(-180, -85.0511287798066, 180, 85.0511287798066, 4326)), 3857)) STORED;
ALTER TABLE power ADD COLUMN geom_3857 public.geometry GENERATED ALWAYS AS (public.ST_Transform(
    public.ST_ClipByBox2D(geom, public.ST_MakeEnvelope(-180, -85.0511287798066, 180, 85.0511287798066, 4326)), 3857)) STORED;
ALTER TABLE finance ADD COLUMN geom_3857 public.geometry GENERATED ALWAYS AS (public.ST_Transform(
    public.ST_ClipByBox2D(geom, public.ST_MakeEnvelope(-180, -85.0511287798066, 180, 85.0511287798066, 4326)), 3857)) STORED;
ALTER TABLE markets ADD COLUMN geom_3857 public.geometry GENERATED ALWAYS AS (public.ST_Transform(
    public.ST_ClipByBox2D(geom, public.ST_MakeEnvelope(-180, -85.0511287798066, 180, 85.0511287798066, 4326)), 3857)) STORED;

CREATE INDEX clusters_geom_3857_idx ON clusters USING gist (geom_3857);
CREATE INDEX roads_geom_3857_idx ON roads USING gist (geom_3857);
CREATE INDEX power_geom_3857_idx ON power USING gist (geom_3857);
CREATE INDEX finance_geom_3857_idx ON finance USING gist (geom_3857);
CREATE INDEX markets_geom_3857_idx ON markets USING gist (geom_3857);
