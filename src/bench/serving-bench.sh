#!/usr/bin/env bash
# serving-bench.sh — ClusterGrid's serving side by side with MapServer 8 on the SAME real layers (Pokhara roads and the
# OSM clusters, imported by our own import command into PostGIS; MapServer reads plain copies of those rows), loopback only.
# Needs: ../shared/peers/install-peers.sh (mapserv, spawn-fcgi, nginx, wrk, hey), PostGIS at 127.0.0.1:5432
# (PGUSER/PGPASSWORD, default postgres/postgres), the built jar (mvn -DskipTests package), ../shared/gis.
# Reports, after warming both servers alike: WMS GetMap 256x256 PNG req/s and p99 at 1 and 4 clients over seeded
# random boxes in the Pokhara extent; vector tiles/s ours (with and without the tile cache) vs ST_AsMVT called
# directly (pgbench) on the same tiles; /items?limit=1000 ours vs MapServer's OGC API; a 60 s load at 16 connections
# with its error count. Usage: src/bench/serving-bench.sh [SECONDS per run, default 10] (WARM=seconds of warm-up, default 40)
set -euo pipefail
cd "$(dirname "$0")/../.."
D=${1:-10}; WARM=${WARM:-40}; OUT=${OUT:-/tmp/clustergrid-serving-bench}; mkdir -p "$OUT"
export PGPASSWORD=${PGPASSWORD:-postgres}; PGUSER=${PGUSER:-postgres}; DB=${BENCH_DB:-clustergrid_bench}
PORT=${PORT:-8090}; MS_PORT=${MS_PORT:-8181}; SCHEMA=bench
PBF=$(ls ../shared/gis/pokhara-osm/*.osm.pbf | head -1)
URL="jdbc:postgresql://127.0.0.1:5432/$DB"
psql -h 127.0.0.1 -U "$PGUSER" -Atc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1 \
  || createdb -h 127.0.0.1 -U "$PGUSER" "$DB"
STORE=(--clustergrid.store=postgis --clustergrid.postgis.url="$URL" --clustergrid.postgis.user="$PGUSER"
       --clustergrid.postgis.password="$PGPASSWORD" --clustergrid.postgis.schema="$SCHEMA")
java -jar target/clustergrid.jar import osm "$PBF" --dataset pokhara --clusters-from-osm "${STORE[@]}" > "$OUT/import.txt"
# a re-import leaves dead rows behind; both servers read the tables as a settled database would hold them
psql -h 127.0.0.1 -U "$PGUSER" -d "$DB" -q -c "VACUUM ANALYZE $SCHEMA.roads" -c "VACUUM ANALYZE $SCHEMA.clusters"
# MapServer reads the same rows from plain tables of the columns it draws, as one's own PostGIS would hold them: our
# tables also carry a Web Mercator copy of each geometry for tiles, which a peer should neither read past nor pay for
psql -h 127.0.0.1 -U "$PGUSER" -d "$DB" -q -c "DROP SCHEMA IF EXISTS peer CASCADE" -c "CREATE SCHEMA peer" \
  -c "CREATE TABLE peer.roads AS SELECT dataset_id, id, road_class, geom FROM $SCHEMA.roads" \
  -c "CREATE TABLE peer.clusters AS SELECT cluster_grid_id, name, geom FROM $SCHEMA.clusters" \
  -c "CREATE INDEX ON peer.roads USING gist (geom)" -c "CREATE INDEX ON peer.clusters USING gist (geom)" \
  -c "VACUUM ANALYZE peer.roads" -c "VACUUM ANALYZE peer.clusters"

# ours
# the README's server command line (parallel collector: steadier throughput than the default G1 on two cores);
# GetMap answers are not kept, since every wrk run asks for the same seeded boxes: the maps are drawn each time
java -XX:+UseParallelGC -Xmx1g -jar target/clustergrid.jar --server.port=$PORT --server.address=127.0.0.1 \
  --clustergrid.wms.cache-megabytes=0 "${STORE[@]}" > "$OUT/ours.log" 2>&1 &
OURS=$!
# a second instance without the tile cache, for what building every tile costs
COLD_PORT=$((PORT + 1))
java -XX:+UseParallelGC -Xmx512m -jar target/clustergrid.jar --server.port=$COLD_PORT --server.address=127.0.0.1 \
  --clustergrid.tiles.cache-megabytes=0 "${STORE[@]}" > "$OUT/ours-cold.log" 2>&1 &
OURS_COLD=$!
cleanup() { kill "$OURS" "$OURS_COLD" 2>/dev/null || true; WORK=$OUT/ms bash ../shared/peers/run-mapserver-wms.sh stop >/dev/null 2>&1 || true; }
trap cleanup EXIT
# MapServer on the same tables (its own mapfile under $OUT/ms, written over the peer kit's synthetic one)
PGCONN="host=127.0.0.1 port=5432 dbname=$DB user=$PGUSER password=$PGPASSWORD"
WORK=$OUT/ms MS_PORT=$MS_PORT PGCONN="$PGCONN" bash ../shared/peers/run-mapserver-wms.sh >/dev/null
# plain sub-selects, so PostgreSQL takes MapServer's box filter into them and uses the spatial index
sed -i -e "s#bench\.lines using unique id#(SELECT dataset_id||'.'||id AS id, road_class, geom FROM peer.roads) AS t using unique id#" \
       -e "s#bench\.pts using unique id#(SELECT cluster_grid_id AS id, name, ST_PointOnSurface(geom) AS geom FROM peer.clusters) AS t using unique id#" \
       -e 's#EXTENT 9.9 49.9 12.1 52.1#EXTENT 83.74 28.07 84.15 28.47#' -e 's#"9.9 49.9 12.1 52.1"#"83.74 28.07 84.15 28.47"#' "$OUT/ms/bench.map"
for p in $PORT $COLD_PORT; do
  for i in $(seq 60); do curl -sf "http://127.0.0.1:$p/api/health" >/dev/null && break; sleep 1; done
done

Q='SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=&CRS=EPSG:4326&WIDTH=256&HEIGHT=256&FORMAT=image/png'
cat > "$OUT/bbox.lua" <<'LUA'
math.randomseed(42)   -- 0.05 deg boxes inside the Pokhara extent, lat,lon order (WMS 1.3.0 EPSG:4326)
request = function()
  local lat = 28.08 + math.random() * 0.33; local lon = 83.75 + math.random() * 0.34
  return wrk.format("GET", wrk.path .. string.format("&BBOX=%.5f,%.5f,%.5f,%.5f", lat, lon, lat + 0.05, lon + 0.05))
end
LUA
# both servers warmed alike before anything is timed, as a server that has been up a while: our JIT compiles the
# hot paths (throughput still rises for about 30 s of load), MapServer's FastCGI processes open their connections
wrk -t1 -c4 -d${WARM}s -s "$OUT/bbox.lua" "http://127.0.0.1:$PORT/ogc/wms?$Q&LAYERS=roads,clusters" > /dev/null
wrk -t1 -c4 -d${WARM}s -s "$OUT/bbox.lua" "http://127.0.0.1:$MS_PORT/ms?$Q&LAYERS=lines,pts" > /dev/null
hey -n 300 -c 4 "http://127.0.0.1:$PORT/ogc/features/collections/roads/items?limit=1000" > /dev/null
hey -n 300 -c 4 "http://127.0.0.1:$MS_PORT/ms/bench/ogcapi/collections/lines/items?f=json&limit=1000" > /dev/null
wrkline() { awk '/Requests\/sec/{r=$2} $1=="99%"{p=$2} /Non-2xx/{e=$NF} /Socket errors/{s=$0} END{printf "%s req/s p99=%s non2xx=%s %s\n", r, p, e+0, s}' "$1"; }
for c in 1 4; do
  wrk -t1 -c$c -d${D}s --latency -s "$OUT/bbox.lua" "http://127.0.0.1:$PORT/ogc/wms?$Q&LAYERS=roads,clusters" > "$OUT/wms-ours-$c.txt"
  wrk -t1 -c$c -d${D}s --latency -s "$OUT/bbox.lua" "http://127.0.0.1:$MS_PORT/ms?$Q&LAYERS=lines,pts" > "$OUT/wms-ms-$c.txt"
  echo "WMS GetMap c=$c  ours:      $(wrkline "$OUT/wms-ours-$c.txt")"
  echo "WMS GetMap c=$c  mapserver: $(wrkline "$OUT/wms-ms-$c.txt")"
done

cat > "$OUT/tile.lua" <<'LUA'
math.randomseed(42)   -- z12..z15 tiles over Pokhara
request = function()
  local z = math.random(12, 15); local n = 2 ^ z
  local lon = 83.9 + math.random() * 0.1; local lat = math.rad(28.18 + math.random() * 0.08)
  local x = math.floor((lon + 180) / 360 * n); local y = math.floor((1 - math.log(math.tan(lat) + 1 / math.cos(lat)) / math.pi) / 2 * n)
  return wrk.format("GET", string.format("/tiles/roads/%d/%d/%d.mvt", z, x, y))
end
LUA
# warmed as long as the maps: the JIT is still compiling the tile path (in a system-time-heavy burst) for ~30 s
for p in $PORT $COLD_PORT; do wrk -t1 -c4 -d${WARM}s -s "$OUT/tile.lua" "http://127.0.0.1:$p" > /dev/null; done
wrk -t1 -c4 -d${D}s --latency -s "$OUT/tile.lua" "http://127.0.0.1:$PORT" > "$OUT/tiles-ours.txt"
echo "MVT roads c=4     ours:      $(wrkline "$OUT/tiles-ours.txt") (tiles kept per data version)"
wrk -t1 -c4 -d${D}s --latency -s "$OUT/tile.lua" "http://127.0.0.1:$COLD_PORT" > "$OUT/tiles-ours-cold.txt"
echo "MVT roads c=4     ours:      $(wrkline "$OUT/tiles-ours-cold.txt") (no tile cache: every tile built by ST_AsMVT)"
# ST_AsMVT called directly by pgbench, on the same tiles as tile.lua asks for, the same columns (so the same tile):
# first as one would call it on the layer table, projecting each feature (the peer kit's postgis-mvt.sh form);
# then our PostGIS store's own statement (PostgisTileSql), which cuts from the stored Web Mercator copy
TILES='\set z random(12, 15)
-- the z12..z15 tiles over lon 83.9..84.0, lat 28.18..28.26
\set n (1 << :z)
\set x random((:n * 73305) / 100000, (:n * 73334) / 100000)
\set y random((:n * 41810) / 100000, (:n * 41837) / 100000)'
COLUMNS="dataset_id || '.' || id AS id, dataset_id AS dataset, road_class AS \"class\", surface AS \"surface\",
  paving AS \"paving\", all_season AS \"all_season\", motorable AS \"motorable\", name AS \"name\", ref AS \"ref\""
cat > "$OUT/pgbench-mvt-direct.sql" <<PGB
$TILES
WITH mvtgeom AS (SELECT $COLUMNS,
  ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope(:z, :x, :y), 4096, 64, true) AS geom
  FROM $SCHEMA.roads WHERE geom && ST_Transform(ST_TileEnvelope(:z, :x, :y, margin => 65.0 / 4096), 4326))
SELECT length(ST_AsMVT(mvtgeom, 'roads', 4096, 'geom')) FROM mvtgeom WHERE geom IS NOT NULL;
PGB
cat > "$OUT/pgbench-mvt-ours.sql" <<PGB
$TILES
WITH mvtgeom AS (SELECT $COLUMNS,
  ST_AsMVTGeom(geom_3857, ST_TileEnvelope(:z, :x, :y), 4096, 64, true) AS geom
  FROM $SCHEMA.roads WHERE geom_3857 && ST_TileEnvelope(:z, :x, :y, margin => 65.0 / 4096))
SELECT length(ST_AsMVT(mvtgeom, 'roads', 4096, 'geom')) FROM mvtgeom WHERE geom IS NOT NULL;
PGB
for f in direct ours; do
  /usr/lib/postgresql/15/bin/pgbench -h 127.0.0.1 -U "$PGUSER" -n -c 4 -j 2 -T "$D" -f "$OUT/pgbench-mvt-$f.sql" "$DB" \
    > "$OUT/pgbench-mvt-$f.txt" 2>&1
done
echo "MVT roads c=4     ST_AsMVT direct (pgbench): $(awk '/^tps/{print $3}' "$OUT/pgbench-mvt-direct.txt") tiles/s (projecting per tile)"
echo "MVT roads c=4     ST_AsMVT direct (pgbench): $(awk '/^tps/{print $3}' "$OUT/pgbench-mvt-ours.txt") tiles/s (our store's statement)"

hey -n 200 -c 4 -disable-compression "http://127.0.0.1:$PORT/ogc/features/collections/roads/items?limit=1000" \
  > "$OUT/items-ours-identity.txt"
hey -n 200 -c 4 "http://127.0.0.1:$PORT/ogc/features/collections/roads/items?limit=1000" > "$OUT/items-ours.txt"
hey -n 200 -c 4 "http://127.0.0.1:$MS_PORT/ms/bench/ogcapi/collections/lines/items?f=json&limit=1000" > "$OUT/items-ms.txt"
heyline() { awk '/Requests\/sec/{r=$2} / 99% in/{p=$3} /\[200\]/{ok=$2} END{printf "%s req/s p99=%ss 200s=%s/200\n", r, p, ok}' "$1"; }
echo "items limit=1000 c=4 ours:      $(heyline "$OUT/items-ours.txt") (gzipped: hey accepts gzip, MapServer sends plain JSON)"
echo "items limit=1000 c=4 ours:      $(heyline "$OUT/items-ours-identity.txt") (plain JSON, as MapServer sends)"
echo "items limit=1000 c=4 mapserver: $(heyline "$OUT/items-ms.txt")"

wrk -t2 -c16 -d60s --latency -s "$OUT/bbox.lua" "http://127.0.0.1:$PORT/ogc/wms?$Q&LAYERS=roads,clusters" > "$OUT/load-60s.txt"
echo "60 s WMS load c=16 ours:        $(wrkline "$OUT/load-60s.txt")"
