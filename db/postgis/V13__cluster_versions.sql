-- The register's history (org.clustergrid.register): every state a cluster has had, one row per version, written in
-- the same transaction as the change to the clusters table. Rows are never updated or deleted, so a retired cluster
-- (whose row leaves clusters) keeps its last state and every earlier one here, and any version can be restored.
CREATE TABLE cluster_version (
    cluster_grid_id varchar(32) NOT NULL,
    version         integer NOT NULL,
    -- create, replace, update, retire, restore, import
    action          varchar(16) NOT NULL,
    changed_at      timestamp with time zone NOT NULL,
    actor           varchar(200) NOT NULL,
    via             varchar(16) NOT NULL,
    comment         varchar(1000),
    dataset_id      varchar(64) NOT NULL,
    source_id       text NOT NULL,
    retired         boolean NOT NULL,
    -- the canonical properties and the free attributes of this state, as JSON objects
    properties      text NOT NULL,
    attributes      text,
    geom            public.geometry(Geometry, 4326) NOT NULL,
    -- what changed from the version before, field by field (JSON array of {field, from, to})
    changes         text NOT NULL,
    PRIMARY KEY (cluster_grid_id, version)
);
