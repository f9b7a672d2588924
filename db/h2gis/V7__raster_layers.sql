-- Raster layers: the user's own GeoTIFFs. The store holds a file's bytes in chunks under its raster_no (or a row
-- names a file on the server's disk, path); an import writes the chunks and switches the row in one transaction.
CREATE TABLE raster_layer (
    name         varchar(63) PRIMARY KEY,
    title        text NOT NULL,
    raster_no    bigint NOT NULL,
    path         text,
    crs          text,
    width        integer NOT NULL,
    height       integer NOT NULL,
    min_x        double precision NOT NULL,
    min_y        double precision NOT NULL,
    max_x        double precision NOT NULL,
    max_y        double precision NOT NULL,
    min_value    double precision NOT NULL,
    max_value    double precision NOT NULL,
    no_data      double precision,
    ramp         text,
    elevation    text,
    source       text,
    licence      text,
    attribution  text,
    file         text,
    bytes        bigint NOT NULL,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE raster_chunk (
    raster_no  bigint NOT NULL,
    seq        integer NOT NULL,
    bytes      BLOB NOT NULL,
    PRIMARY KEY (raster_no, seq)
);

CREATE SEQUENCE raster_seq;
