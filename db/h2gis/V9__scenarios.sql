-- What-if scenarios as their users gave them (the GeoJSON of the interventions), with who made them, when, and on
-- which data version: a scenario made on other data than the current is marked stale.
CREATE TABLE scenario (
    id             varchar(40) PRIMARY KEY,
    name           text NOT NULL,
    description    text,
    interventions  integer NOT NULL,
    geojson        text NOT NULL,
    created_by     text NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    data_version   bigint NOT NULL
);
