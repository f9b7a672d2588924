-- ClusterGrid schema on H2GIS (embedded store). Same tables as db/postgis; spatial functions come from H2GIS.
CREATE ALIAS IF NOT EXISTS H2GIS_SPATIAL FOR "org.h2gis.functions.factory.H2GISFunctions.load";
CALL H2GIS_SPATIAL();

-- Grows with every committed import or delete; read by caches and ETags.
CREATE TABLE store_state (
    id      integer PRIMARY KEY,
    version bigint NOT NULL
);
INSERT INTO store_state (id, version) VALUES (1, 0);

CREATE TABLE dataset (
    id             varchar(64) PRIMARY KEY,
    title          text,
    source         text,
    licence        text,
    attribution    text,
    imported_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    feature_counts text NOT NULL,
    synthetic      boolean NOT NULL DEFAULT false
);

-- Every Cluster Grid ID ever assigned; rows are never deleted, so an ID is never reused.
CREATE TABLE cluster_id_registry (
    cluster_grid_id varchar(32) PRIMARY KEY,
    dataset_id      varchar(64) NOT NULL,
    source_id       text NOT NULL,
    assigned_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (dataset_id, source_id)
);
CREATE SEQUENCE cluster_grid_seq;

CREATE TABLE clusters (
    dataset_id      varchar(64) NOT NULL REFERENCES dataset (id),
    source_id       text NOT NULL,
    cluster_grid_id varchar(32) NOT NULL UNIQUE,
    name            text,
    sector          text,
    products        text,
    typology        text,
    setting         text,
    firms           integer,
    employment      integer,
    markets_served  text,
    source          text,
    attributes      text,
    geom            GEOMETRY(GEOMETRY, 4326) NOT NULL,
    PRIMARY KEY (dataset_id, source_id)
);

CREATE TABLE roads (
    dataset_id varchar(64) NOT NULL REFERENCES dataset (id),
    id         text NOT NULL,
    road_class text NOT NULL,
    surface    text,
    paving     text,
    all_season boolean,
    motorable  boolean,
    name       text,
    ref        text,
    attributes text,
    geom       GEOMETRY(GEOMETRY, 4326) NOT NULL,
    PRIMARY KEY (dataset_id, id)
);

CREATE TABLE power (
    dataset_id   varchar(64) NOT NULL REFERENCES dataset (id),
    id           text NOT NULL,
    kind         text NOT NULL,
    name         text,
    voltages     text,
    max_voltage  integer,
    capacity_mw  DOUBLE PRECISION,
    supply_hours DOUBLE PRECISION,
    attributes   text,
    geom         GEOMETRY(GEOMETRY, 4326) NOT NULL,
    PRIMARY KEY (dataset_id, id)
);

CREATE TABLE finance (
    dataset_id varchar(64) NOT NULL REFERENCES dataset (id),
    id         text NOT NULL,
    type       text NOT NULL,
    name       text,
    operator   text,
    attributes text,
    geom       GEOMETRY(GEOMETRY, 4326) NOT NULL,
    PRIMARY KEY (dataset_id, id)
);

CREATE TABLE markets (
    dataset_id varchar(64) NOT NULL REFERENCES dataset (id),
    id         text NOT NULL,
    kind       text NOT NULL,
    name       text,
    population bigint,
    attributes text,
    geom       GEOMETRY(GEOMETRY, 4326) NOT NULL,
    PRIMARY KEY (dataset_id, id)
);

CREATE SPATIAL INDEX clusters_geom_idx ON clusters (geom);
CREATE SPATIAL INDEX roads_geom_idx ON roads (geom);
CREATE SPATIAL INDEX power_geom_idx ON power (geom);
CREATE SPATIAL INDEX finance_geom_idx ON finance (geom);
CREATE SPATIAL INDEX markets_geom_idx ON markets (geom);
