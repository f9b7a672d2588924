#!/usr/bin/env bash
# client-checks.sh — proof that real GIS clients read ClusterGrid: GDAL/OGR 3.6, OWSLib 0.27 and QGIS 3.22 (qgis_process
# and PyQGIS, headless) against a server started from the built jar on a fresh store holding the real Pokhara OSM
# extract. Every figure a client reports is compared with an expectation computed another way: the import's report,
# the PBF read by GDAL's own OSM driver, /api/layers, OGC API numberMatched, and counts made locally on full downloads.
# Last, editing the register (register-checks.py, with an editor key made by `keys create`): QGIS 3.22's OAPIF
# provider and GDAL's OAPIF driver are shown unable to write, the edit is made over OGC API - Features Part 4 with
# Python's urllib (ETag, If-Match, 412, history), and read back through QGIS, GDAL and OWSLib.
# Prints PASS/FAIL per check with its figures; exits 1 if any check failed. Stops the server (and drops its PostGIS
# schema) on exit.
#
# Needs: the jar (mvn -DskipTests package), ../shared/gis/pokhara-osm, Debian's gdal-bin, python3-owslib, qgis (which
# brings python3-qgis and qgis-providers), curl; /usr/bin/python3 (not a pyenv python: the bindings live there).
# Usage: src/test/clients/client-checks.sh [JAR]          (default target/clustergrid.jar)
#   CLIENT_CHECKS_STORE=postgis  runs on PostGIS instead of the embedded H2GIS store, in a schema of its own, with
#     CLIENT_CHECKS_POSTGIS_URL (default jdbc:postgresql://127.0.0.1:5432/clustergrid_test), _USER / _PASSWORD
#     (default postgres / postgres)
#   KEEP=1  keeps the work folder (server log, downloads, images); it is always kept when a check failed.
set -uo pipefail
cd "$(dirname "$0")/../../.."
JAR=${1:-target/clustergrid.jar}
HERE=src/test/clients
PY=/usr/bin/python3
PBF=${PBF:-$(ls ../shared/gis/pokhara-osm/*.osm.pbf 2>/dev/null | head -1)}
STORE_KIND=${CLIENT_CHECKS_STORE:-h2gis}
LAYERS="clusters roads power finance markets"
BBOX=83.95,28.19,84.0,28.24   # central Pokhara (minLon,minLat,maxLon,maxLat): about a quarter of the roads
MVT_Z=13                      # the tile of that box's centre at this zoom is checked through GDAL's MVT driver
[ -f "$JAR" ] || { echo "client-checks: no jar at $JAR (mvn -DskipTests package)" >&2; exit 2; }
[ -n "$PBF" ] || { echo "client-checks: no ../shared/gis/pokhara-osm/*.osm.pbf" >&2; exit 2; }
for t in gdalinfo gdal_translate ogrinfo ogr2ogr qgis_process.bin curl; do
  command -v $t >/dev/null || { echo "client-checks: $t not installed" >&2; exit 2; }
done
WORK=$(mktemp -d /tmp/clustergrid-clients.XXXXXX)
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$WORK/runtime GDAL_HTTP_TIMEOUT=60 CPL_VSIL_CURL_CACHE_SIZE=0
mkdir -m 700 "$XDG_RUNTIME_DIR"
PORT=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
OAPIF=OAPIF:$BASE/ogc/features

case "$STORE_KIND" in
  h2gis) STORE=(--clustergrid.data-dir="$WORK/data") ;;
  postgis)
    PG_URL=${CLIENT_CHECKS_POSTGIS_URL:-jdbc:postgresql://127.0.0.1:5432/clustergrid_test}
    PG_USER=${CLIENT_CHECKS_POSTGIS_USER:-postgres}; PG_PASSWORD=${CLIENT_CHECKS_POSTGIS_PASSWORD:-postgres}
    SCHEMA=client_checks_$$
    STORE=(--clustergrid.store=postgis --clustergrid.postgis.url="$PG_URL" --clustergrid.postgis.user="$PG_USER"
           --clustergrid.postgis.password="$PG_PASSWORD" --clustergrid.postgis.schema="$SCHEMA"
           --clustergrid.data-dir="$WORK/data") ;;
  *) echo "client-checks: CLIENT_CHECKS_STORE is h2gis or postgis" >&2; exit 2 ;;
esac
STORE+=(--clustergrid.demo.enabled=false)

PASSED=0; FAILED=0; SERVER=; KEYGEN=
pass() { PASSED=$((PASSED + 1)); echo "PASS $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $*"; }
# same NAME LABEL=VALUE...: passes when every value is the same non-empty number
same() {
  local name=$1; shift; local first=${1#*=} ok=1 v
  for v in "$@"; do [[ -n "${v#*=}" && "${v#*=}" =~ ^[0-9]+$ && "${v#*=}" == "$first" ]] || ok=0; done
  if [ $ok = 1 ]; then pass "$name: $*"; else fail "$name: $*"; fi
}
json() { $PY $HERE/client_checks.py json "$@"; }
count_file() { ogrinfo -ro -al -so "$@" 2>/dev/null | awk -F': ' '/^Feature Count/{print $2}'; }
cleanup() {
  [ -n "$KEYGEN" ] && kill "$KEYGEN" 2>/dev/null && wait "$KEYGEN" 2>/dev/null
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  if [ "$STORE_KIND" = postgis ] && [[ $PG_URL =~ //([^:/]+)(:([0-9]+))?/([^/?]+) ]]; then
    PGPASSWORD=$PG_PASSWORD psql -q -h "${BASH_REMATCH[1]}" -p "${BASH_REMATCH[3]:-5432}" -U "$PG_USER" \
      -d "${BASH_REMATCH[4]}" -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
  fi
  if [ "$FAILED" = 0 ] && [ -z "${KEEP:-}" ]; then rm -rf "$WORK"; else echo "client-checks: work folder kept: $WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "client-checks: $(gdalinfo --version | cut -d, -f1); $(qgis_process.bin --version 2>/dev/null | grep -m1 QGIS); \
$($PY -c 'import owslib; print("OWSLib", owslib.__version__)'); store $STORE_KIND; port $PORT; work $WORK"
T0=$(date +%s)

# ---- the server, empty, then the real extract imported while it runs ----
# Tomcat's access log (with each client's User-Agent) shows which requests the clients really made
java -Xmx1g -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 "${STORE[@]}" \
  --server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$WORK" --server.tomcat.accesslog.prefix=access \
  --server.tomcat.accesslog.suffix=.log --server.tomcat.accesslog.file-date-format= --server.tomcat.accesslog.buffered=false \
  '--server.tomcat.accesslog.pattern=%s "%r" "%{User-Agent}i" %{HH:mm:ss}t %Dus' > "$WORK/server.log" 2>&1 &
SERVER=$!
for i in $(seq 120); do curl -sf "$BASE/api/health" >/dev/null && break; kill -0 $SERVER 2>/dev/null || break; sleep 0.5; done
curl -sf "$BASE/api/health" >/dev/null || { fail "server start: see $WORK/server.log"; tail -20 "$WORK/server.log"; exit 1; }
java -jar "$JAR" import osm "$PBF" --dataset pokhara --clusters-from-osm "${STORE[@]}" > "$WORK/import.txt" 2>&1
IMPORTED=$(grep -m1 "^Imported dataset 'pokhara'" "$WORK/import.txt")
if [ -n "$IMPORTED" ]; then pass "import of $(basename "$PBF") into the running server: ${IMPORTED#*: }"
else fail "import: $(tail -5 "$WORK/import.txt" | tr '\n' ' ')"; exit 1; fi
declare -A IMPORT API MATCHED
for l in $LAYERS; do
  IMPORT[$l]=$(grep -o "[0-9]* $l" <<<"$IMPORTED" | cut -d' ' -f1)
  MATCHED[$l]=$(json "$BASE/ogc/features/collections/$l/items?limit=1" 'd["numberMatched"]')
done
for l in $LAYERS; do API[$l]=$(json "$BASE/api/layers" "next(x['count'] for x in d if x['id'] == '$l')"); done
# an editor's API key for the register checks at the end, made by the command line in the server's store while the
# read checks run (a JVM start: about 10 s)
java -jar "$JAR" keys create client-checks-editor --role editor "${STORE[@]}" > "$WORK/key.txt" 2> "$WORK/key-err.txt" &
KEYGEN=$!
EXTENT=$(json "$BASE/api/layers/roads" '",".join(map(str, d["extent"]))')
IFS=, read -r X0 Y0 X1 Y1 <<<"$EXTENT"; IFS=, read -r B0 B1 B2 B3 <<<"$BBOX"

# ---- GDAL/OGR ----
n=$(gdalinfo "WMS:$BASE/ogc/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities" 2>&1 | tee "$WORK/gdalinfo-wms.txt" \
  | grep -o 'SUBDATASET_[0-9]*_NAME=.*LAYERS=[a-z_]*' | sed 's/.*LAYERS=//' | LC_ALL=C sort | tr '\n' ' ')
want="clustergrid clusters coverage finance gap_surface markets power roads "
if [ "$n" = "$want" ]; then pass "gdalinfo WMS GetCapabilities: 8 subdatasets, layers $n"
else fail "gdalinfo WMS GetCapabilities: subdataset layers '$n' (want $want)"; fi

getmap() { echo "WMS:$BASE/ogc/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=roads,clusters&CRS=EPSG:4326&BBOX=$1&FORMAT=image/png"; }
gdal_translate -q -of PNG -outsize 512 512 "$(getmap "$Y0,$X0,$Y1,$X1")" "$WORK/gdal-wms.png" > "$WORK/gdal-wms.txt" 2>&1
gdal_translate -q -of PNG -outsize 512 512 "$(getmap "-10.4,80,-10,80.4")" "$WORK/gdal-wms-empty.png" >> "$WORK/gdal-wms.txt" 2>&1
size=$(gdalinfo "$WORK/gdal-wms.png" 2>/dev/null | grep -o 'Size is .*')
read -r drawn total < <($PY $HERE/client_checks.py pixels "$WORK/gdal-wms.png" 2>/dev/null)
read -r empty _ < <($PY $HERE/client_checks.py pixels "$WORK/gdal-wms-empty.png" 2>/dev/null)
if [ "$size" = "Size is 512, 512" ] && [ "${drawn:-0}" -ge $(( ${total:-0} / 100 )) ] && [ "${drawn:-0}" -gt 0 ] && [ "$empty" = 0 ]; then
  pass "gdal_translate WMS GetMap roads+clusters (EPSG:4326, lat,lon box) -> 512x512 PNG: $drawn of $total pixels drawn ($((100 * drawn / total)) %); the same over empty ocean: $empty"
else fail "gdal_translate WMS GetMap: '$size', drawn ${drawn:-?} of ${total:-?}, over empty ocean ${empty:-?} (want 0); $(tail -2 "$WORK/gdal-wms.txt" | tr '\n' ' ')"; fi

n=$(ogrinfo -ro -q "$OAPIF" 2>&1 | sed -nE 's/^[0-9]+: ([a-z]+).*/\1/p' | tr '\n' ' ')
# the five layers, and the Intervention grid (one row per need, at its cluster's point)
if [ "$n" = "clusters roads power finance markets interventions " ]; then pass "ogrinfo OAPIF lists the collections: $n"
else fail "ogrinfo OAPIF collections: '$n' (want clusters roads power finance markets interventions)"; fi

# independent counts of the real data: GDAL's OSM driver on the PBF (highway ways; industrial land use and craft)
PBF_ROADS=$(( $(ogrinfo -ro -q "$PBF" -sql "SELECT COUNT(*) FROM lines WHERE highway IS NOT NULL" | awk '/COUNT_/{print $NF}') \
  + $(ogrinfo -ro -q "$PBF" -sql "SELECT COUNT(*) FROM multipolygons WHERE other_tags LIKE '%\"highway\"=>%'" | awk '/COUNT_/{print $NF}') ))
PBF_CLUSTERS=$(( $(ogrinfo -ro -q "$PBF" -sql "SELECT COUNT(*) FROM multipolygons WHERE landuse='industrial' OR craft IS NOT NULL" | awk '/COUNT_/{print $NF}') \
  + $(ogrinfo -ro -q "$PBF" -sql "SELECT COUNT(*) FROM points WHERE other_tags LIKE '%\"craft\"=>%'" | awk '/COUNT_/{print $NF}') ))
for l in $LAYERS; do
  so=$(ogrinfo -ro -so "$OAPIF" $l 2>/dev/null | awk -F': ' '/^Feature Count/{print $2}')
  # every feature read through GDAL's own paging (3.6 asks for 10 a page), then an ogr2ogr download counted on disk
  it=$(ogrinfo -ro -al -q "$OAPIF" $l 2>/dev/null | grep -c '^OGRFeature(')
  page=(); [ $l = roads ] && page=(-oo PAGE_SIZE=1000)
  ogr2ogr -f GeoJSON "$WORK/$l.geojson" "$OAPIF" $l "${page[@]}" 2> "$WORK/ogr2ogr-$l.txt"
  dl=$(count_file "$WORK/$l.geojson")
  extra=(); [ $l = roads ] && extra=(pbf_highways=$PBF_ROADS); [ $l = clusters ] && extra=(pbf_industrial_and_craft=$PBF_CLUSTERS)
  same "OAPIF $l count" import=${IMPORT[$l]} api_layers=${API[$l]} numberMatched=${MATCHED[$l]} ogrinfo_count=$so \
    ogrinfo_read_all=$it "ogr2ogr_download${page[*]:+_page1000}=$dl" "${extra[@]}"
done

# the bbox query: expected = roads of the full download that intersect the box, counted by GDAL (GEOS) and by Python
exp_gdal=$(ogrinfo -ro -so -spat $B0 $B1 $B2 $B3 "$WORK/roads.geojson" roads 2>/dev/null | awk -F': ' '/^Feature Count/{print $2}')
exp_py=$($PY $HERE/client_checks.py count-in-bbox "$WORK/roads.geojson" "$BBOX")
matched=$(json "$BASE/ogc/features/collections/roads/items?bbox=$BBOX&limit=1" 'd["numberMatched"]')
ogrinfo -ro -al -q -oo PAGE_SIZE=100 -spat $B0 $B1 $B2 $B3 "$OAPIF" roads --debug on > "$WORK/ogrinfo-bbox.txt" 2>&1
got=$(grep -c '^OGRFeature(' "$WORK/ogrinfo-bbox.txt")
pages=$(grep -c 'Fetch(.*/collections/roads/items?.*bbox=' "$WORK/ogrinfo-bbox.txt")
lost=$(grep 'Fetch(.*/collections/roads/items?' "$WORK/ogrinfo-bbox.txt" | grep -v 'bbox=' | grep -vc 'items?f=json&limit=100)$')
if [ "$lost" = 0 ] && [ "$pages" -ge $(( (got + 99) / 100 )) ]; then
  same "OGR OAPIF bbox $BBOX paged 100 at a time ($pages requests, every one with bbox)" numberMatched=$matched \
    ogrinfo_read=$got in_download_by_gdal=$exp_gdal in_download_by_python=$exp_py
else fail "OGR OAPIF bbox paging: $lost request(s) without bbox, $pages with; read $got (see $WORK/ogrinfo-bbox.txt)"; fi

# a CQL2 filter (Part 3) counted by the server, and by GDAL evaluating the same condition itself: on the full download
# and through its OAPIF driver (GDAL 3.6 sends what Part 1's parameters can say and filters the rest client-side)
CQL2="class IN ('primary', 'secondary', 'tertiary') AND name IS NOT NULL"
f_server=$(json "$BASE/ogc/features/collections/roads/items?limit=1&filter=$($PY -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$CQL2")" 'd["numberMatched"]')
f_download=$(ogrinfo -ro -so "$WORK/roads.geojson" roads -where "$CQL2" 2>/dev/null | awk -F': ' '/^Feature Count/{print $2}')
f_oapif=$(ogrinfo -ro -so "$OAPIF" roads -where "$CQL2" 2>/dev/null | awk -F': ' '/^Feature Count/{print $2}')
same "OAPIF CQL2 filter \"$CQL2\" on roads" numberMatched=$f_server gdal_on_download=$f_download gdal_via_oapif=$f_oapif

read -r TX TY < <($PY $HERE/client_checks.py tile "$(awk "BEGIN{print ($B0 + $B2) / 2}")" "$(awk "BEGIN{print ($B1 + $B3) / 2}")" $MVT_Z)
for l in roads clusters; do
  out=$(ogrinfo -ro -al -so -oo Z=$MVT_Z -oo X=$TX -oo Y=$TY "/vsicurl/$BASE/tiles/$l/$MVT_Z/$TX/$TY.mvt" 2>&1)
  name=$(awk -F': ' '/^Layer name/{print $2}' <<<"$out"); n=$(awk -F': ' '/^Feature Count/{print $2}' <<<"$out")
  lo=$($PY $HERE/client_checks.py in-tile "$WORK/$l.geojson" $MVT_Z $TX $TY 0)
  hi=$($PY $HERE/client_checks.py in-tile "$WORK/$l.geojson" $MVT_Z $TX $TY 64)
  warn=$(grep -E '^(Warning|ERROR)' <<<"$out" | head -2 | tr '\n' ' ')
  fields=$(grep -cE '^(id|dataset): String' <<<"$out")
  if [ "$name" = "$l" ] && [ -z "$warn" ] && [ "$fields" = 2 ] && [ "${n:-0}" -ge "$lo" ] && [ "${n:-0}" -le "$hi" ] && [ "$hi" -gt 0 ]; then
    pass "OGR MVT driver reads /tiles/$l/$MVT_Z/$TX/$TY.mvt: layer '$name', $n features (download: $lo meet the tile, $hi with the 64-unit buffer), fields id and dataset"
  else fail "OGR MVT /tiles/$l/$MVT_Z/$TX/$TY.mvt: layer '$name', ${n:-?} features (want $lo..$hi), id/dataset fields $fields/2 $warn"; fi
done

# ---- OWSLib ----
$PY $HERE/client_checks.py owslib "$BASE" "$BBOX" "$WORK/owslib-wms.png" > "$WORK/owslib.txt" 2>&1
grep -v '^owslib-checks:' "$WORK/owslib.txt" | grep -v '^PASS\|^FAIL\|^OWSLib' | tail -3 | sed 's/^/  /'
while IFS= read -r line; do
  case "$line" in PASS*) pass "${line#PASS }" ;; FAIL*) fail "${line#FAIL }" ;; esac
done < "$WORK/owslib.txt"
grep -q '^owslib-checks: ' "$WORK/owslib.txt" || fail "owslib: did not finish: $(tail -3 "$WORK/owslib.txt" | tr '\n' ' ')"

# ---- QGIS ----
s=$(date +%s.%N)
qgis_process.bin run native:reprojectlayer \
  --INPUT="OAPIF://url='$BASE/ogc/features' typename='roads' pagingEnabled='true' pageSize='1000'" \
  --TARGET_CRS=EPSG:3857 --OUTPUT="$WORK/qgis-roads.geojson" > "$WORK/qgis_process.txt" 2>&1
n=$(count_file "$WORK/qgis-roads.geojson")
same "qgis_process native:reprojectlayer, QGIS's OAPIF provider paging 1000 at a time -> GeoJSON ($(awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $s}") s)" \
  written=$n numberMatched=${MATCHED[roads]} ogr2ogr_download=$(count_file "$WORK/roads.geojson")
$PY $HERE/qgis_checks.py "$BASE" "$WORK" "$BBOX" "${MATCHED[roads]}" "$exp_py" "$EXTENT" > "$WORK/pyqgis.txt" 2>&1
while IFS= read -r line; do
  case "$line" in PASS*) pass "${line#PASS }" ;; FAIL*) fail "${line#FAIL }" ;; esac
done < "$WORK/pyqgis.txt"
# the provider must have sent bbox= itself, paging with it: at least one such request per 100 roads in the box
qb=$(grep -c "^200 \"GET /ogc/features/collections/roads/items?[^\"]*bbox=[^\"]*\" \"[^\"]*QGIS" "$WORK/access.log")
if [ "$qb" -ge $(( (exp_py + 99) / 100 )) ]; then pass "QGIS OAPIF provider sent bbox= with its $qb page requests for the bbox read (access log)"
else fail "QGIS OAPIF provider: $qb roads requests with bbox= in the access log, want at least $(( (exp_py + 99) / 100 ))"; fi
grep -q '^pyqgis-checks: ' "$WORK/pyqgis.txt" || fail "pyqgis: did not finish: $(grep -v '^Warning\|^$' "$WORK/pyqgis.txt" | tail -3 | tr '\n' ' ')"

# ---- a layer of one's own: country borders imported as themselves while the server runs, read by every client ----
OWN=src/test/resources/boundaries/south-asia-countries.geojson
java -jar "$JAR" import layer "$OWN" --as countries --title "Countries" --licence ODbL-1.0 "${STORE[@]}" \
  > "$WORK/import-countries.txt" 2>&1
if grep -q "^Imported layer 'countries'" "$WORK/import-countries.txt"; then pass "import layer --as countries: $(head -1 "$WORK/import-countries.txt")"
else fail "import layer --as countries: $(tail -3 "$WORK/import-countries.txt" | tr '\n' ' ')"; fi
so=$(ogrinfo -ro -so "$OAPIF" countries 2>/dev/null | awk -F': ' '/^Feature Count/{print $2}')
ogr2ogr -f GeoJSON "$WORK/countries.geojson" "$OAPIF" countries 2> "$WORK/ogr2ogr-countries.txt"
same "OAPIF countries count" file_by_gdal=$(count_file "$OWN") ogrinfo_count=$so ogr2ogr_download=$(count_file "$WORK/countries.geojson")
a3_src=$(ogrinfo -ro -q -sql "SELECT A3 FROM \"$(basename "$OWN" .geojson)\" ORDER BY A3" "$OWN" | awk '/A3 \(String\)/{print $NF}' | tr '\n' ' ')
a3_dl=$(ogrinfo -ro -q -sql "SELECT A3 FROM countries ORDER BY A3" "$WORK/countries.geojson" | awk '/A3 \(String\)/{print $NF}' | tr '\n' ' ')
if [ -n "$a3_src" ] && [ "$a3_src" = "$a3_dl" ]; then pass "ogr2ogr of OAPIF countries keeps the attribute: A3 = $a3_dl as in the file"
else fail "ogr2ogr of OAPIF countries: A3 '$a3_dl', the file has '$a3_src'"; fi
n=$(gdalinfo "WMS:$BASE/ogc/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities" 2>/dev/null | grep -c 'SUBDATASET_[0-9]*_NAME=.*LAYERS=countries')
if [ "$n" = 1 ]; then pass "gdalinfo WMS GetCapabilities: the countries layer is a subdataset"; else fail "gdalinfo WMS: countries subdatasets $n"; fi
out=$(ogrinfo -ro -al -so -oo Z=4 -oo X=11 -oo Y=6 "/vsicurl/$BASE/tiles/countries/4/11/6.mvt" 2>&1)
if grep -q '^Layer name: countries' <<<"$out" && grep -q '^A3: String' <<<"$out"; then
  pass "OGR MVT driver reads /tiles/countries/4/11/6.mvt: layer countries, $(awk -F': ' '/^Feature Count/{print $2}' <<<"$out") features with the A3 field"
else fail "OGR MVT countries: $(head -c 300 <<<"$out")"; fi
$PY $HERE/own_layer_checks.py "$BASE" "$WORK" countries "$OWN" 83.98 28.21 A3 NPL > "$WORK/own-layer.txt" 2>&1
while IFS= read -r line; do
  case "$line" in PASS*) pass "${line#PASS }" ;; FAIL*) fail "${line#FAIL }" ;; esac
done < "$WORK/own-layer.txt"
grep -q '^own-layer-checks: ' "$WORK/own-layer.txt" || fail "own-layer checks did not finish: $(grep -v '^Warning\|^$' "$WORK/own-layer.txt" | tail -3 | tr '\n' ' ')"

# ---- a raster of one's own: a UTM grid of Pokhara imported while the server runs, drawn by GDAL, OWSLib and QGIS ----
GRID=src/test/resources/rasters/pokhara-utm44-grid.tif
java -jar "$JAR" import layer "$GRID" --as relief --title "Relief" --ramp "0:#000000, 3000:#ff0000" "${STORE[@]}" \
  > "$WORK/import-relief.txt" 2>&1
if grep -q "^Imported raster layer 'relief'" "$WORK/import-relief.txt"; then pass "import layer FILE.tif --as relief: $(head -1 "$WORK/import-relief.txt")"
else fail "import layer FILE.tif --as relief: $(tail -3 "$WORK/import-relief.txt" | tr '\n' ' ')"; fi
$PY $HERE/raster_layer_checks.py "$BASE" "$WORK" relief "$GRID" 3000 > "$WORK/raster-layer.txt" 2>&1
while IFS= read -r line; do
  case "$line" in PASS*) pass "${line#PASS }" ;; FAIL*) fail "${line#FAIL }" ;; esac
done < "$WORK/raster-layer.txt"
grep -q '^raster-layer-checks: ' "$WORK/raster-layer.txt" || fail "raster-layer checks did not finish: $(grep -v '^Warning\|^$' "$WORK/raster-layer.txt" | tail -3 | tr '\n' ' ')"

# ---- editing the register: QGIS 3.22 and GDAL 3.6 cannot write over OAPIF (shown), so the edit is made over Part 4
# with Python's urllib on a cluster of its own (created, patched, retired, restored: the last check, so no count above
# sees it) and every change is read back by QGIS's OAPIF provider, GDAL's OAPIF driver and OWSLib ----
wait "$KEYGEN"; KEYGEN=
EDITOR_KEY=$(grep -m1 '^cgk_' "$WORK/key.txt")
if [ -n "$EDITOR_KEY" ]; then pass "keys create client-checks-editor --role editor: $(grep -m1 '^Key ' "$WORK/key-err.txt")"
else fail "keys create client-checks-editor --role editor: $(tail -3 "$WORK/key-err.txt" | tr '\n' ' ')"; fi
seen=$(wc -l < "$WORK/access.log")
$PY $HERE/register-checks.py "$BASE" "$EDITOR_KEY" > "$WORK/register.txt" 2>&1
tail -n +$((seen + 1)) "$WORK/access.log" > "$WORK/access-register.log"
while IFS= read -r line; do
  case "$line" in PASS*) pass "${line#PASS }" ;; FAIL*) fail "${line#FAIL }" ;; esac
done < "$WORK/register.txt"
grep -q '^register-checks: [0-9]* failed' "$WORK/register.txt" || fail "register checks did not finish: $(grep -v '^Warning\|^$' "$WORK/register.txt" | tail -3 | tr '\n' ' ')"
# the access log of those checks: every write came from Python's urllib; QGIS, GDAL (ogr2ogr -update included) and
# OWSLib only read
writes=$(grep -E '^[0-9]+ "(POST|PUT|PATCH|DELETE) /(ogc/features/collections/clusters/items|api/clusters/)' "$WORK/access-register.log")
by_urllib=$(grep -c '"Python-urllib/' <<<"$writes"); others=$(grep -vc '"Python-urllib/' <<<"$writes")
reads=$(grep -E '^[0-9]+ "GET /ogc/features/collections/clusters/items' "$WORK/access-register.log" \
  | grep -oE '"(Mozilla/5.0 QGIS|GDAL|OWSLib)[^" ]*' | sed -E 's/^"(Mozilla\/5.0 )?//; s/\/.*//' | sort | uniq -c \
  | awk '{printf "%s%s %d", (NR > 1 ? ", " : ""), $2, $1}')
summary=$(awk '{print $1, substr($2, 2)}' <<<"$writes" | tr '\n' ',' | sed 's/,$//; s/,/, /g')
if [ "$by_urllib" = 6 ] && [ "$others" = 0 ]; then
  pass "access log: the $by_urllib register writes all came from Python's urllib ($summary); the clients read the clusters with GETs: $reads"
else fail "access log: $by_urllib register writes from Python's urllib (want 6), $others from other clients: $(grep -v '"Python-urllib/' <<<"$writes" | head -3 | tr '\n' ' ')"; fi

errors=$(grep -c ' ERROR ' "$WORK/server.log")
if [ "$errors" = 0 ]; then pass "server log: no ERROR lines"; else
  fail "server log: $errors ERROR line(s), e.g. $(grep -m1 ' ERROR ' "$WORK/server.log" | cut -c1-300)"
  # the stack trace and the requests served around it, so a failure seen only on another machine can be read
  grep -m3 -A25 ' ERROR ' "$WORK/server.log" | sed 's/^/  server.log: /'
  when=$(grep -m1 ' ERROR ' "$WORK/server.log" | cut -c12-19)
  grep -h "${when%?}" "$WORK"/access*.log 2>/dev/null | head -40 | sed 's/^/  access log: /'
fi
echo "client-checks ($STORE_KIND): $PASSED passed, $FAILED failed in $(( $(date +%s) - T0 )) s"
[ "$FAILED" = 0 ]
