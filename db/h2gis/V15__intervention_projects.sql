-- Rows of the Intervention grid made by accepting a portfolio's projects (origin portfolio): the project a row
-- belongs to. A project serving several clusters has a row at each, all with the same project; its budget repeats on
-- each of them, so a sum of budgets counts such a project once per project, not once per row. One row per cluster and
-- project: accepting a project again writes no second row.
ALTER TABLE cluster_intervention ADD COLUMN project varchar(120);
ALTER TABLE cluster_intervention ADD CONSTRAINT cluster_intervention_project UNIQUE (cluster_grid_id, project);
