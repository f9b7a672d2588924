#!/usr/bin/env bash
# own-layers-bench.sh — serving an imported layer side by side with MapServer 8, beside the built-in layers (so a
# regression of those shows in the same run). Imports the Pokhara extract with our import command into a PostGIS schema
# of its own: the built-in layers (as serving-bench.sh does), `landuse=*` as the context layer `landuse` (1,307 mostly
# polygon features) and a raster made from the same roads with GDAL (gdal_rasterize of the imported roads, 4000 x 4000
# Byte cells over 83.74-84.15 E, 28.07-28.47 N, the value the road's rank 0..5) as the raster layer `roads_grid`.
# MapServer reads a plain copy of the layer's `cl_<n>` table and the GeoTIFF file itself. Loopback only.
# Needs: ../shared/peers/install-peers.sh (mapserv, spawn-fcgi, nginx, wrk, hey, gdal-bin), PostGIS at 127.0.0.1:5432
# (PGUSER/PGPASSWORD, default postgres/postgres), the built jar (mvn -DskipTests package), ../shared/gis.
# Reports, after warming both servers alike: WMS GetMap 256x256 PNG req/s and p99 at 1 and 4 clients over seeded random
# boxes in the Pokhara extent for the built-in roads (with the clusters, serving-bench.sh's map), `landuse` and
# `roads_grid`, ours vs MapServer with the ratio; vector tiles of `landuse` ours (with and without the tile cache);
# /items?limit=1000 of `landuse` ours vs MapServer's OGC API. Raw outputs and one sample map per layer and server
# (checked: 200, a PNG, not one flat colour) under $OUT.
# Usage: src/bench/own-layers-bench.sh [SECONDS per run, default 10] (WARM=seconds of warm-up, default 40)
set -euo pipefail
cd "$(dirname "$0")/../.."
D=${1:-10}; WARM=${WARM:-40}; OUT=${OUT:-/tmp/clustergrid-own-layers-bench}; mkdir -p "$OUT"
export PGPASSWORD=${PGPASSWORD:-postgres}; PGUSER=${PGUSER:-postgres}; DB=${BENCH_DB:-clustergrid_bench}
# ports and schemas of their own, apart from serving-bench.sh's (which drops and remakes its schema `peer`)
PORT=${PORT:-8092}; MS_PORT=${MS_PORT:-8183}; SCHEMA=own_layers; PEER=own_layers_peer
PBF=$(ls ../shared/gis/pokhara-osm/*.osm.pbf | head -1)
URL="jdbc:postgresql://127.0.0.1:5432/$DB"
PGCONN="host=127.0.0.1 port=5432 dbname=$DB user=$PGUSER password=$PGPASSWORD"
sql() { psql -h 127.0.0.1 -U "$PGUSER" -d "$DB" -v ON_ERROR_STOP=1 -q "$@"; }
psql -h 127.0.0.1 -U "$PGUSER" -Atc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1 \
  || createdb -h 127.0.0.1 -U "$PGUSER" "$DB"
STORE=(--clustergrid.store=postgis --clustergrid.postgis.url="$URL" --clustergrid.postgis.user="$PGUSER"
       --clustergrid.postgis.password="$PGPASSWORD" --clustergrid.postgis.schema="$SCHEMA")

# --- data: the built-in layers, the context layer, the raster (each import replaces the previous run's) ---
java -jar target/clustergrid.jar import osm "$PBF" --dataset pokhara --clusters-from-osm "${STORE[@]}" > "$OUT/import.txt"
java -jar target/clustergrid.jar import layer "$PBF" --as landuse --osm-filter "landuse=*" "${STORE[@]}" \
  > "$OUT/import-landuse.txt"
# the roads just imported, burnt into a grid by rank (major roads last, so they win a shared cell); 0 where no road
RANK="CASE WHEN road_class IN ('trunk','trunk_link','primary','primary_link') THEN 5
  WHEN road_class IN ('secondary','secondary_link') THEN 4 WHEN road_class IN ('tertiary','tertiary_link') THEN 3
  WHEN road_class IN ('residential','living_street','service','road','unclassified') THEN 2 ELSE 1 END"
rm -f "$OUT/roads_grid.tif"
gdal_rasterize -q -a v -sql "SELECT $RANK AS v, geom FROM $SCHEMA.roads ORDER BY 1" \
  -te 83.74 28.07 84.15 28.47 -ts 4000 4000 -ot Byte -init 0 -co TILED=YES -co COMPRESS=DEFLATE \
  "PG:$PGCONN" "$OUT/roads_grid.tif" 2> >(grep -v 'Multi-column primary key' >&2)
# a linear ramp black -> red over the ranks; MapServer gets the same ramp as one COLORRANGE below
java -jar target/clustergrid.jar import layer "$OUT/roads_grid.tif" --as roads_grid --ramp "0:#000000, 5:#ff0000" \
  "${STORE[@]}" > "$OUT/import-roads_grid.txt"
CL=$(psql -h 127.0.0.1 -U "$PGUSER" -d "$DB" -Atc "SELECT 'cl_' || table_no FROM $SCHEMA.context_layer WHERE name = 'landuse'")
# a re-import leaves dead rows behind; both servers read the tables as a settled database would hold them
sql -c "VACUUM ANALYZE $SCHEMA.roads" -c "VACUUM ANALYZE $SCHEMA.clusters" -c "VACUUM ANALYZE $SCHEMA.$CL"
# MapServer reads plain copies: the built-in layers' drawn columns (as serving-bench.sh), and the whole layer table
# (fid, geom, a1..aN: its attributes under their column names, where ours names them by their OSM keys)
sql -c "DROP SCHEMA IF EXISTS $PEER CASCADE" -c "CREATE SCHEMA $PEER" \
  -c "CREATE TABLE $PEER.roads AS SELECT dataset_id, id, road_class, geom FROM $SCHEMA.roads" \
  -c "CREATE TABLE $PEER.clusters AS SELECT cluster_grid_id, name, geom FROM $SCHEMA.clusters" \
  -c "CREATE TABLE $PEER.landuse AS SELECT * FROM $SCHEMA.$CL ORDER BY fid" \
  -c "ALTER TABLE $PEER.landuse ADD PRIMARY KEY (fid)" \
  -c "CREATE INDEX ON $PEER.roads USING gist (geom)" -c "CREATE INDEX ON $PEER.clusters USING gist (geom)" \
  -c "CREATE INDEX ON $PEER.landuse USING gist (geom)" \
  -c "VACUUM ANALYZE $PEER.roads" -c "VACUUM ANALYZE $PEER.clusters" -c "VACUUM ANALYZE $PEER.landuse"

# --- servers ---
# ours as serving-bench.sh runs it (parallel collector, no GetMap cache: every map drawn), each instance with a data
# directory of its own under $OUT (the raster's local copy is written there the first time it is drawn)
java -XX:+UseParallelGC -Xmx1g -jar target/clustergrid.jar --server.port=$PORT --server.address=127.0.0.1 \
  --clustergrid.wms.cache-megabytes=0 --clustergrid.data-dir="$OUT/data-ours" "${STORE[@]}" > "$OUT/ours.log" 2>&1 &
OURS=$!
# a second instance without the tile cache, for what building every tile costs
COLD_PORT=$((PORT + 1))
java -XX:+UseParallelGC -Xmx512m -jar target/clustergrid.jar --server.port=$COLD_PORT --server.address=127.0.0.1 \
  --clustergrid.tiles.cache-megabytes=0 --clustergrid.data-dir="$OUT/data-ours-cold" "${STORE[@]}" \
  > "$OUT/ours-cold.log" 2>&1 &
OURS_COLD=$!
cleanup() { kill "$OURS" "$OURS_COLD" 2>/dev/null || true; WORK=$OUT/ms bash ../shared/peers/run-mapserver-wms.sh stop >/dev/null 2>&1 || true; }
trap cleanup EXIT
# MapServer (FastCGI, two processes, behind nginx): the peer kit's mapfile pointed at the copies, plus our two layers
WORK=$OUT/ms MS_PORT=$MS_PORT PGCONN="$PGCONN" bash ../shared/peers/run-mapserver-wms.sh >/dev/null
sed -i -e "s#bench\.lines using unique id#(SELECT dataset_id||'.'||id AS id, road_class, geom FROM $PEER.roads) AS t using unique id#" \
       -e "s#bench\.pts using unique id#(SELECT cluster_grid_id AS id, name, ST_PointOnSurface(geom) AS geom FROM $PEER.clusters) AS t using unique id#" \
       -e 's#EXTENT 9.9 49.9 12.1 52.1#EXTENT 83.74 28.07 84.15 28.47#' -e 's#"9.9 49.9 12.1 52.1"#"83.74 28.07 84.15 28.47"#' "$OUT/ms/bench.map"
# `landuse` in our default look for areas (#AAAAAA, 1 px black outline). A MapServer layer has one geometry type:
# as TYPE POLYGON it leaves the layer's 15 lines and 2 points out of its items (its first 1,000 items are 983
# features, ours 1,000), and ours draws them as lines and points. `roads_grid`: nearest cell, as
# ours, coloured by one linear COLORRANGE over 0..5, our ramp's two stops (the colours are close, not the point: the
# work is); both read the same file, ours its local copy of the bytes stored in PostGIS
cat > "$OUT/ms/own-layers.map" <<EOMAP
  LAYER
    NAME "landuse"
    TYPE POLYGON
    STATUS ON
    CONNECTIONTYPE POSTGIS
    CONNECTION "$PGCONN"
    DATA "geom from $PEER.landuse using unique fid using srid=4326"
    PROCESSING "CLOSE_CONNECTION=DEFER"
    TEMPLATE "ttt"
    METADATA "ows_title" "landuse" "gml_include_items" "all" "gml_featureid" "fid" "gml_types" "auto" "ows_extent" "83.74 28.07 84.15 28.47" END
    PROJECTION "init=epsg:4326" END
    CLASS STYLE COLOR 170 170 170 OUTLINECOLOR 0 0 0 WIDTH 1 END END
  END
  LAYER
    NAME "roads_grid"
    TYPE RASTER
    STATUS ON
    DATA "$OUT/roads_grid.tif"
    METADATA "ows_title" "roads_grid" "ows_extent" "83.74 28.07 84.15 28.47" END
    PROJECTION "init=epsg:4326" END
    CLASS
      EXPRESSION ([pixel] >= 0)
      STYLE COLORRANGE 0 0 0 255 0 0 DATARANGE 0 5 RANGEITEM "pixel" END
    END
  END
EOMAP
sed -i "/^  SYMBOL NAME \"circle\"/r $OUT/ms/own-layers.map" "$OUT/ms/bench.map"
for p in $PORT $COLD_PORT; do
  for i in $(seq 90); do curl -sf "http://127.0.0.1:$p/api/health" >/dev/null && break; sleep 1; done
done

Q='SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=&CRS=EPSG:4326&WIDTH=256&HEIGHT=256&FORMAT=image/png'
OURS_WMS="http://127.0.0.1:$PORT/ogc/wms?$Q"; MS_WMS="http://127.0.0.1:$MS_PORT/ms?$Q"
# the three maps: ours' layer names, MapServer's
MAPS=("roads,clusters lines,pts" "landuse landuse" "roads_grid roads_grid")
# one map of each from each server, over central Pokhara, kept for the eye and checked: 200, a PNG, not one colour
BOX='&BBOX=28.19,83.95,28.24,84.00'
for m in "${MAPS[@]}"; do
  set -- $m
  for s in ours ms; do
    if [ $s = ours ]; then u="$OURS_WMS&LAYERS=$1$BOX"; else u="$MS_WMS&LAYERS=$2$BOX"; fi
    f="$OUT/sample-$s-${1//,/+}.png"
    st=$(curl -s -o "$f" -w '%{http_code} %{content_type} %{size_download}' "$u")
    sd=$(GDAL_PAM_ENABLED=NO gdalinfo -stats "$f" 2>/dev/null | awk -F'StdDev=' '/StdDev=/{if ($2 + 0 > m) m = $2 + 0} END{print m + 0}')
    ok=$(awk -v s="$st" -v d="$sd" 'BEGIN{split(s, a, " "); print (a[1] == 200 && a[2] ~ /image\/png/ && d > 0) ? "ok" : "FAILED"}')
    echo "sample map $1 ($s): $st bytes, largest band std dev $sd: $ok -> $f"
  done
done

cat > "$OUT/bbox.lua" <<'LUA'
math.randomseed(42)   -- 0.05 deg boxes inside the Pokhara extent, lat,lon order (WMS 1.3.0 EPSG:4326)
request = function()
  local lat = 28.08 + math.random() * 0.33; local lon = 83.75 + math.random() * 0.34
  return wrk.format("GET", wrk.path .. string.format("&BBOX=%.5f,%.5f,%.5f,%.5f", lat, lon, lat + 0.05, lon + 0.05))
end
LUA
cat > "$OUT/tile.lua" <<'LUA'
math.randomseed(42)   -- z12..z15 tiles over Pokhara (the tiles serving-bench.sh asks of roads)
request = function()
  local z = math.random(12, 15); local n = 2 ^ z
  local lon = 83.9 + math.random() * 0.1; local lat = math.rad(28.18 + math.random() * 0.08)
  local x = math.floor((lon + 180) / 360 * n); local y = math.floor((1 - math.log(math.tan(lat) + 1 / math.cos(lat)) / math.pi) / 2 * n)
  return wrk.format("GET", string.format("/tiles/landuse/%d/%d/%d.mvt", z, x, y))
end
LUA
OURS_ITEMS="http://127.0.0.1:$PORT/ogc/features/collections/landuse/items?limit=1000"
MS_ITEMS="http://127.0.0.1:$MS_PORT/ms/bench/ogcapi/collections/landuse/items?f=json&limit=1000"
echo "items limit=1000: ours $(curl -s "$OURS_ITEMS" | jq '.features | length') features," \
  "mapserver $(curl -s "$MS_ITEMS" | jq '.features | length') features"

# both servers warmed alike before anything is timed, as serving-bench.sh does (our JIT compiles the hot paths,
# MapServer's FastCGI processes open their connections): one map of all three layers, the tiles, the items
wrk -t1 -c4 -d${WARM}s -s "$OUT/bbox.lua" "$OURS_WMS&LAYERS=roads_grid,landuse,roads,clusters" > /dev/null
wrk -t1 -c4 -d${WARM}s -s "$OUT/bbox.lua" "$MS_WMS&LAYERS=roads_grid,landuse,lines,pts" > /dev/null
for p in $PORT $COLD_PORT; do wrk -t1 -c4 -d${WARM}s -s "$OUT/tile.lua" "http://127.0.0.1:$p" > /dev/null; done
hey -n 300 -c 4 "$OURS_ITEMS" > /dev/null
hey -n 300 -c 4 "$MS_ITEMS" > /dev/null

wrkline() { awk '/Requests\/sec/{r=$2} $1=="99%"{p=$2} /Non-2xx/{e=$NF} /Socket errors/{s=$0} END{printf "%s req/s p99=%s non2xx=%s %s\n", r, p, e+0, s}' "$1"; }
heyline() { awk '/Requests\/sec/{r=$2} / 99% in/{p=$3} /\[200\]/{ok=$2} END{printf "%s req/s p99=%ss 200s=%s/200\n", r, p, ok}' "$1"; }
rate() { awk '/Requests\/sec/{print $2}' "$1"; }
ratio() { awk -v a="$(rate "$1")" -v b="$(rate "$2")" 'BEGIN{if (b > 0) printf "%.2fx", a / b; else print "n/a"}'; }
for m in "${MAPS[@]}"; do
  set -- $m; n=${1//,/+}
  for c in 1 4; do
    wrk -t1 -c$c -d${D}s --latency -s "$OUT/bbox.lua" "$OURS_WMS&LAYERS=$1" > "$OUT/wms-ours-$n-$c.txt"
    wrk -t1 -c$c -d${D}s --latency -s "$OUT/bbox.lua" "$MS_WMS&LAYERS=$2" > "$OUT/wms-ms-$n-$c.txt"
    printf 'WMS %-14s c=%s ours:      %s\n' "$1" $c "$(wrkline "$OUT/wms-ours-$n-$c.txt")"
    printf 'WMS %-14s c=%s mapserver: %s ours/mapserver %s\n' "$1" $c "$(wrkline "$OUT/wms-ms-$n-$c.txt")" \
      "$(ratio "$OUT/wms-ours-$n-$c.txt" "$OUT/wms-ms-$n-$c.txt")"
  done
done

wrk -t1 -c4 -d${D}s --latency -s "$OUT/tile.lua" "http://127.0.0.1:$PORT" > "$OUT/tiles-ours.txt"
echo "MVT landuse z12-15 c=4 ours: $(wrkline "$OUT/tiles-ours.txt") (tiles kept per data version)"
wrk -t1 -c4 -d${D}s --latency -s "$OUT/tile.lua" "http://127.0.0.1:$COLD_PORT" > "$OUT/tiles-ours-cold.txt"
echo "MVT landuse z12-15 c=4 ours: $(wrkline "$OUT/tiles-ours-cold.txt") (no tile cache: every tile built by ST_AsMVT)"

hey -n 200 -c 4 -disable-compression "$OURS_ITEMS" > "$OUT/items-ours-identity.txt"
hey -n 200 -c 4 "$OURS_ITEMS" > "$OUT/items-ours.txt"
hey -n 200 -c 4 "$MS_ITEMS" > "$OUT/items-ms.txt"
echo "items landuse limit=1000 c=4 ours:      $(heyline "$OUT/items-ours.txt") (gzipped: hey accepts gzip, MapServer sends plain JSON)"
echo "items landuse limit=1000 c=4 ours:      $(heyline "$OUT/items-ours-identity.txt") (plain JSON, as MapServer sends)"
echo "items landuse limit=1000 c=4 mapserver: $(heyline "$OUT/items-ms.txt") ours/mapserver $(ratio "$OUT/items-ours.txt" "$OUT/items-ms.txt") gzipped, $(ratio "$OUT/items-ours-identity.txt" "$OUT/items-ms.txt") plain"
echo "raw outputs, sample maps and logs: $OUT"
