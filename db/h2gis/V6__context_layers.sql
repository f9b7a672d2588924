-- Context layers: the user's own vector layers, each in a table of its own (cl_<table_no>) made at import.
-- A layer's row points at the table holding its current features; an import fills a new table and then switches the
-- row in one transaction, so a crash leaves the old layer or the new one, and at worst a table no row points at.
CREATE TABLE context_layer (
    name           varchar(63) PRIMARY KEY,
    title          text NOT NULL,
    table_no       bigint NOT NULL,
    geometry_kind  varchar(16) NOT NULL,
    attributes     text NOT NULL,
    feature_count  bigint NOT NULL,
    min_x          double precision,
    min_y          double precision,
    max_x          double precision,
    max_y          double precision,
    source         text,
    licence        text,
    attribution    text,
    file           text,
    imported_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    style          text
);

-- Tables being filled by an import that has not switched its layer yet; one left behind by a crash is dropped later.
CREATE TABLE context_table_pending (
    table_no   bigint PRIMARY KEY,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE SEQUENCE context_table_seq;
