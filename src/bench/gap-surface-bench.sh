#!/usr/bin/env bash
# First gap-surface maps after an import, on a multi-region store built from ../shared/gis: the Pokhara OSM extract
# (roads, markets, clusters from OSM), the 13 literature clusters (India, Pakistan, Brazil, Mexico, Nigeria, Kenya,
# Peru, Indonesia, Ghana) and GeoNames cities500 for NP and IN. Starts a fresh server on that store and times, with
# curl, GetMaps of layer gap_surface in the order a web map user would send them: the layer's whole advertised extent
# (world view), then Pokhara (city view), then Pokhara again (cached), then Coimbatore/Tiruppur (MAPS="pokhara world"
# sends others, e.g. the city first, as a web map opened on the clusters does). Each request's time
# includes everything it triggers. With WARM_ENGINE=1 (the default) the scoring engine of the new data (built once
# per data version, for scoring as for the surface) is built first by scoring one point, and timed on its own, so
# the maps time the surface alone; with WARM_ENGINE=0 the first map pays for the engine too. Then prints what the
# server reports of the surface (GetCapabilities extent, the hexagon of two points by GetFeatureInfo, the regions).
# Usage: src/bench/gap-surface-bench.sh [JAR]   (default target/clustergrid.jar; PORT=18080, OUT=/tmp/...)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${1:-target/clustergrid.jar}
GIS=${CLUSTERGRID_SHARED_GIS:-../shared/gis}
PORT=${PORT:-18080}
OUT=${OUT:-/tmp/clustergrid-gap-surface-bench}
rm -rf "$OUT"; mkdir -p "$OUT"
DATA=(--clustergrid.data-dir="$OUT/data")
t0=$(date +%s.%N)
java -jar "$JAR" import osm "$GIS"/pokhara-osm/*.osm.pbf --dataset pokhara --clusters-from-osm "${DATA[@]}" > "$OUT/import.txt"
java -jar "$JAR" import clusters "$GIS/clusters-literature/clusters_literature_geonames.csv" --dataset literature \
  --mapping gis-data/mappings/clusters-literature.yaml "${DATA[@]}" >> "$OUT/import.txt"
java -jar "$JAR" import geonames "$GIS/geonames/cities500.txt.gz" --dataset geonames-np-in --countries NP,IN \
  "${DATA[@]}" >> "$OUT/import.txt"
echo "imports: $(echo "$(date +%s.%N) - $t0" | bc) s"
grep -iE "imported|features|rows" "$OUT/import.txt" | head -20 || true
java -XX:+UseParallelGC -Xmx2g -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 "${DATA[@]}" \
  > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for i in $(seq 120); do curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null && break; sleep 1; done
if [ "${WARM_ENGINE:-1}" = 1 ]; then
  echo "engine build + one point scored: $(curl -s -o /dev/null -w '%{http_code} %{time_total}' \
    "http://127.0.0.1:$PORT/api/scores/point?lon=83.96&lat=28.21") (HTTP/time s)"
fi
WMS="http://127.0.0.1:$PORT/ogc/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=gap_surface&STYLES=&CRS=CRS:84&FORMAT=image/png&TRANSPARENT=TRUE"
map() { # name bbox width height
  local s; s=$(curl -s -o "$OUT/$1.png" -w '%{http_code} %{time_total} %{size_download}' --max-time 900 \
    "$WMS&BBOX=$2&WIDTH=$3&HEIGHT=$4")
  echo "$1 BBOX=$2 ${3}x$4: HTTP/time s/bytes $s"
}
declare -A BOX=([world]="-180,-60,180,60 1024 341" [pokhara]="83.85,28.15,84.05,28.3 800 600"
  [coimbatore]="76.8,10.9,77.5,11.2 800 343")
for m in ${MAPS:-world pokhara pokhara coimbatore}; do
  # shellcheck disable=SC2086
  map "$m" ${BOX[$m]}
done
CAPS=$(curl -s "http://127.0.0.1:$PORT/ogc/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0")
echo "$CAPS" | tr -d '\n' | grep -o '<Name>gap_surface</Name>.*</EX_GeographicBoundingBox>' | grep -o '<EX_Geo.*' \
  | sed 's/<[^>]*>/ /g' | awk '{print "advertised extent (W E S N):", $1, $2, $3, $4}'
info() { # name lon lat
  curl -s "http://127.0.0.1:$PORT/ogc/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=gap_surface&QUERY_LAYERS=gap_surface&STYLES=&CRS=CRS:84&BBOX=$(echo "$2-0.01" | bc),$(echo "$3-0.01" | bc),$(echo "$2+0.01" | bc),$(echo "$3+0.01" | bc)&WIDTH=101&HEIGHT=101&I=50&J=50&INFO_FORMAT=application/json" \
    | python3 -c "import json,sys; f=json.load(sys.stdin)['features']; print('$1:', f[0]['properties'] if f else 'no hexagon')"
}
info pokhara-lakeside 83.96 28.21
info coimbatore 76.966 11.006
grep -i "gap surface" "$OUT/server.log" || true
