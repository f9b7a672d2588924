#!/usr/bin/env bash
# load-bench.sh — the server under a mixed load, calm and then with hostile requests beside it.
# A fresh embedded store with the Pokhara OSM extract (imported by the import command), one server
# (java -XX:+UseParallelGC -Xmx1g, as the README runs it). Each run: SECONDS at 32 connections, 16 anonymous and 16
# with an analyst API key, each request picked at random (seeded) from WMS GetMap 256x256 over a random box, OGC API
# items in a random box, a vector tile at zoom 12-15, and scores (default weights for anonymous clients, custom
# weights for the key). The hostile run adds, in loops for the whole run, the requests of the "safe to deploy"
# findings: a CQL2 literal of 1e999999999, a profile of 2,000,000,000 stability draws, a geometry of 200,000
# vertices, a 300 MB anonymous upload, a zip bomb by an admin, a WMS box of +-1e308, a text/plain profile.
# Reports per run and client group req/s, p50, p99 and non-2xx answers, the server's peak RSS and heap, the hostile
# answers by status, and the hostile/calm p99 ratio (aim: under 2, 0 errors, no OutOfMemoryError).
# Usage: src/bench/load-bench.sh [SECONDS, default 60]; needs wrk, python3, the built jar (mvn -DskipTests package),
# ../shared/gis.
set -euo pipefail
cd "$(dirname "$0")/../.."
D=${1:-60}; OUT=${OUT:-/tmp/clustergrid-load-bench}; PORT=${PORT:-8093}
rm -rf "$OUT"; mkdir -p "$OUT/data"
JAR=target/clustergrid.jar; DATA=(--clustergrid.data-dir="$OUT/data")
PBF=$(ls ../shared/gis/pokhara-osm/*.osm.pbf | head -1)
java -jar "$JAR" import osm "$PBF" --dataset pokhara --clusters-from-osm "${DATA[@]}" > "$OUT/import.txt"
key() { java -jar "$JAR" keys create "$1" --role "$2" "${DATA[@]}" 2>&1 | grep -o 'cgk_[A-Za-z0-9_-]*' | head -1; }
ANALYST=$(key load-analyst analyst); ADMIN=$(key load-admin admin)
[ -n "$ANALYST" ] && [ -n "$ADMIN" ] || { echo "could not create API keys"; exit 1; }

java -XX:+UseParallelGC -Xmx1g -jar "$JAR" --server.port=$PORT --server.address=127.0.0.1 "${DATA[@]}" \
  > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; kill $(jobs -p) 2>/dev/null || true' EXIT
for i in $(seq 90); do curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null && break; sleep 1; done
BASE="http://127.0.0.1:$PORT"

cat > "$OUT/mixed.lua" <<'LUA'
-- seeded per connection: WMS maps, OGC API items, vector tiles and scores over the Pokhara extent
local counter = 0
function setup(thread) counter = counter + 1; thread:set("id", counter) end
function init(args) math.randomseed(42 + id); custom = args[1] == "custom" end
local function box(size)
  local lon = 83.75 + math.random() * (0.34 - size); local lat = 28.08 + math.random() * (0.33 - size)
  return lon, lat, lon + size, lat + size
end
local function tile()
  local z = math.random(12, 15); local lon = 83.75 + math.random() * 0.34; local lat = 28.08 + math.random() * 0.33
  local n = 2 ^ z; local r = math.rad(lat)
  local x = math.floor((lon + 180) / 360 * n); local y = math.floor((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * n)
  return string.format("/tiles/roads/%d/%d/%d.mvt", z, x, y)
end
request = function()
  local k = math.random(4)
  if k == 1 then
    local x1, y1, x2, y2 = box(0.05)
    return wrk.format("GET", string.format("/ogc/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=roads,clusters&STYLES=&CRS=EPSG:4326&WIDTH=256&HEIGHT=256&FORMAT=image/png&BBOX=%.5f,%.5f,%.5f,%.5f", y1, x1, y2, x2))
  elseif k == 2 then
    local x1, y1, x2, y2 = box(0.03)
    return wrk.format("GET", string.format("/ogc/features/collections/roads/items?f=json&limit=100&bbox=%.5f,%.5f,%.5f,%.5f", x1, y1, x2, y2))
  elseif k == 3 then
    return wrk.format("GET", tile())
  elseif custom then
    return wrk.format("GET", string.format("/api/scores?roads=%d&power=%d&finance=%d&markets=%d", math.random(1, 5), math.random(1, 5), math.random(1, 5), math.random(1, 5)))
  end
  return wrk.format("GET", "/api/scores")
end
LUA

# warm-up: the engine is built and the JIT settles before anything is measured
wrk -t1 -c8 -d20s -s "$OUT/mixed.lua" "$BASE" > /dev/null
wrk -t1 -c8 -d10s -s "$OUT/mixed.lua" -H "X-API-Key: $ANALYST" "$BASE" -- custom > /dev/null

memory() { # peak RSS (MB) of the server while the run lasts
  local peak=0
  while kill -0 "$SERVER" 2>/dev/null && [ ! -f "$OUT/stop" ]; do
    local rss; rss=$(awk '/VmRSS/{print int($2/1024)}' /proc/$SERVER/status 2>/dev/null || echo 0)
    [ "$rss" -gt "$peak" ] && peak=$rss
    echo "$peak" > "$OUT/rss-$1"; sleep 1
  done
}

# the hostile run's files: a zip of a 2 GB .shp and a 2 GB .dbf of zeros (about 4 MB), a polygon of 200,000 vertices
python3 - "$OUT/bomb.zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    block = bytes(1 << 20)
    for member in ("roads.shp", "roads.dbf"):
        with z.open(member, "w", force_zip64=True) as f:
            for _ in range(2048):
                f.write(block)
PY
python3 - "$OUT/big-geometry.json" <<'PY'
import json, math, sys
ring = [[83.9 + 0.05 * math.cos(2 * math.pi * i / 200000), 28.2 + 0.05 * math.sin(2 * math.pi * i / 200000)]
        for i in range(200000)]
json.dump({"type": "Polygon", "coordinates": [ring + [ring[0]]]}, open(sys.argv[1], "w"))
PY

hostile() { # loops of the hostile requests until the run ends; each answer's status into hostile.txt
  local until=$(( $(date +%s) + D ))
  local q; q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("firms BETWEEN 0 AND 1e999999999"))')
  while [ "$(date +%s)" -lt "$until" ]; do
    {
      curl -s -o /dev/null -m 30 -w 'cql2-literal %{http_code}\n' "$BASE/ogc/features/collections/clusters/items?filter=$q"
      curl -s -o /dev/null -m 30 -w 'profile-draws %{http_code}\n' -H "X-API-Key: $ANALYST" \
        -H 'Content-Type: application/yaml' --data-binary $'stability_draws: 2000000000\n' "$BASE/api/scores/profile"
      curl -s -o /dev/null -m 30 -w 'geometry-200k %{http_code}\n' -H "X-API-Key: $ANALYST" \
        -H 'Content-Type: application/geo+json' --data-binary @"$OUT/big-geometry.json" "$BASE/api/scores/geometry"
      head -c 300000000 /dev/zero | curl -s -o /dev/null -m 30 -w 'upload-300mb-anonymous %{http_code}\n' \
        -H 'Content-Type: multipart/form-data; boundary=x' --data-binary @- "$BASE/api/admin/imports"
      curl -s -o /dev/null -m 30 -w 'zip-bomb-admin %{http_code}\n' -H "X-API-Key: $ADMIN" -F kind=layer \
        -F layer=roads -F dataset=bomb -F file=@"$OUT/bomb.zip" "$BASE/api/admin/imports"
      curl -s -o /dev/null -m 30 -w 'wms-bbox-1e308 %{http_code}\n' "$BASE/ogc/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=roads&STYLES=&CRS=EPSG:4326&WIDTH=256&HEIGHT=256&FORMAT=image/png&BBOX=-1e308,-1e308,1e308,1e308"
      curl -s -o /dev/null -m 30 -w 'profile-text-plain %{http_code}\n' -H 'Content-Type: text/plain' \
        --data-binary $'weights: {roads: 1}\n' "$BASE/api/scores/profile"
    } >> "$OUT/hostile.txt"
  done
}

run() { # $1: calm | hostile
  rm -f "$OUT/stop"; memory "$1" & local mem=$!
  local bad=
  [ "$1" = hostile ] && { hostile & bad=$!; }
  wrk -t1 -c16 -d${D}s --latency -s "$OUT/mixed.lua" "$BASE" > "$OUT/$1-anonymous.txt" &
  local a=$!
  wrk -t1 -c16 -d${D}s --latency -s "$OUT/mixed.lua" -H "X-API-Key: $ANALYST" "$BASE" -- custom > "$OUT/$1-key.txt"
  wait $a; touch "$OUT/stop"; wait $mem || true
  [ -n "$bad" ] && wait "$bad"
  return 0
}
line() { awk '/Requests\/sec/{r=$2} $1=="50%"{p50=$2} $1=="99%"{p99=$2} /Non-2xx/{e=$NF} /Socket errors/{s=$0}
  END{printf "%s req/s, p50 %s, p99 %s, non-2xx %d %s\n", r, p50, p99, e+0, s}' "$1"; }
ms() { awk '$1=="99%"{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' "$1"; }

run calm
run hostile
heap=$( (jcmd $SERVER GC.heap_info 2>/dev/null || true) | awk '/total/{print; exit}')
echo "load-bench: $D s per run, 32 connections (16 anonymous, 16 with an analyst key), Pokhara on H2GIS"
for r in calm hostile; do
  echo "  $r  anonymous: $(line "$OUT/$r-anonymous.txt")"
  echo "  $r  with key:  $(line "$OUT/$r-key.txt")"
  echo "  $r  server peak RSS $(cat "$OUT/rss-$r") MB"
done
echo "  hostile requests answered: $(sort "$OUT/hostile.txt" | uniq -c | awk '{printf "%s %s x%d; ", $2, $3, $1}')"
for g in anonymous key; do
  echo "  p99 hostile/calm ($g): $(awk -v a="$(ms "$OUT/calm-$g.txt")" -v b="$(ms "$OUT/hostile-$g.txt")" 'BEGIN{printf "%.2f", b/a}')"
done
echo "  heap at the end: $heap"
echo "  OutOfMemoryError in the server log: $(grep -c OutOfMemoryError "$OUT/server.log" || true)"
echo "  server still answers: $(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/health")"
