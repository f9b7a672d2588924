-- Scoring runs: each run records what produced it (profile, its hash, weights, the data version and the datasets'
-- import times), so results can be traced and a run recomputed when the data change.
CREATE TABLE scoring_run (
    id             varchar(40) PRIMARY KEY,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    profile_name   text NOT NULL,
    profile_hash   text NOT NULL,
    weights        text NOT NULL,
    data_version   bigint NOT NULL,
    datasets       text NOT NULL,
    cluster_count  integer NOT NULL,
    seconds        DOUBLE PRECISION NOT NULL
);

CREATE TABLE cluster_score (
    run_id          varchar(40) NOT NULL REFERENCES scoring_run (id) ON DELETE CASCADE,
    cluster_grid_id varchar(32) NOT NULL,
    rank            integer,
    composite       DOUBLE PRECISION,
    gap             DOUBLE PRECISION,
    priority        DOUBLE PRECISION,
    stability       DOUBLE PRECISION,
    result          text NOT NULL,
    PRIMARY KEY (run_id, cluster_grid_id)
);
