#!/usr/bin/env bash
# Import benchmark: times the import command on real data and reports wall time and peak memory (max RSS) of the
# whole process, as /usr/bin/time measures them, for each store.
#   Pokhara OpenStreetMap extract (3.8 MB PBF: roads, power, finance, markets, clusters from OSM)
#   India PMGSY facility register (27 zipped shapefiles, 666,915 points, keyword-mapped to finance and markets)
# Usage: src/bench/import-bench.sh [RUNS]   (run by `mvn -Pbench -DskipTests package`)
# Needs: target/clustergrid.jar, ../shared/gis, GNU time (apt-get install time). PostGIS rows need
# CLUSTERGRID_BENCH_POSTGIS_URL (e.g. jdbc:postgresql://127.0.0.1:5432/clustergrid_test); otherwise they are skipped.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
GIS=${CLUSTERGRID_SHARED_GIS:-../shared/gis}
JAR=target/clustergrid.jar
[ -f "$JAR" ] || { echo "build first: mvn -DskipTests package" >&2; exit 2; }
[ -d "$GIS" ] || { echo "no real data at $GIS" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }
JAVA_OPTS=${JAVA_OPTS:--Xmx2g}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

pokhara=("$GIS/pokhara-osm/pokhara-2016-06-04.osm.pbf")
pmgsy=("$GIS"/india-pmgsy/Facilities/*.zip)

run() { # store label args...
  local store=$1 label=$2; shift 2
  local settings=()
  if [ "$store" = postgis ]; then
    settings=(--clustergrid.store=postgis --clustergrid.postgis.url="$CLUSTERGRID_BENCH_POSTGIS_URL"
              --clustergrid.postgis.user="${CLUSTERGRID_BENCH_POSTGIS_USER:-postgres}"
              --clustergrid.postgis.password="${CLUSTERGRID_BENCH_POSTGIS_PASSWORD:-postgres}"
              --clustergrid.postgis.schema=clustergrid_bench)
  else
    settings=(--clustergrid.data-dir="$WORK/h2")
  fi
  local walls=() rss=() line=""
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %M' -o "$WORK/time" java $JAVA_OPTS -jar "$JAR" import "$@" "${settings[@]}" > "$WORK/out" 2>&1 \
      || { cat "$WORK/out" >&2; exit 1; }
    read -r wall kb < "$WORK/time"
    walls+=("$wall"); rss+=("$((kb / 1024))")
    line=$(grep '^Imported' "$WORK/out")
  done
  local median_wall median_rss
  median_wall=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  median_rss=$(printf '%s\n' "${rss[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '| %-8s | %-22s | %6s s | %6s MB | %s |\n' "$store" "$label" "$median_wall" "$median_rss" "${line#Imported }"
}

stores=(h2gis)
if [ -n "${CLUSTERGRID_BENCH_POSTGIS_URL:-}" ]; then stores+=(postgis); fi
echo "import benchmark: median of $RUNS runs, whole process (JVM start included), $JAVA_OPTS, $(nproc) cores"
printf '| %-8s | %-22s | %8s | %9s | %s |\n' store data wall "max RSS" "the command's own report"
for store in "${stores[@]}"; do
  run "$store" "Pokhara OSM (3.8 MB)" osm "${pokhara[@]}" --dataset pokhara --clusters-from-osm
  run "$store" "PMGSY facilities (667k)" layer "${pmgsy[@]}" --mapping gis-data/mappings/pmgsy-facilities.yaml \
      --dataset pmgsy-facilities --licence GODL-India
done
