-- A map server answers many short queries at once, which already keep every core busy; starting a parallel worker
-- for one of them (a few milliseconds) costs more than it saves, and cuts throughput under load by half on two cores
-- (an extent-wide ST_Intersects count over Pokhara's roads: 46 against 139 queries/s). The Web Mercator copies of V4
-- double the tables' width, which tips even mid-size layers into parallel plans; layer scans stay serial.
ALTER TABLE clusters SET (parallel_workers = 0);
ALTER TABLE roads SET (parallel_workers = 0);
ALTER TABLE power SET (parallel_workers = 0);
ALTER TABLE finance SET (parallel_workers = 0);
ALTER TABLE markets SET (parallel_workers = 0);
