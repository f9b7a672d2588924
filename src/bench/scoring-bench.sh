#!/usr/bin/env bash
# Full scoring run on the scaled region: 10,000 clusters against >= 1,000,000 road segments, >= 100,000 finance
# points and >= 200,000 towns (data scaled as in src/bench/knn-bench.sh: whole-degree tiles of the real Pokhara
# extract, the real PMGSY finance points moved into the tiled region, GeoNames cities500 plus the tiled places).
# Prints the engine build time and heap, the time of complete runs (every indicator, score, gap, priority, rank
# and the 500-draw ranking stability) and of a re-weighting with the indicators cached.
# Usage: src/bench/scoring-bench.sh [TILES_X TILES_Y CLUSTERS RUNS]   (default 3 3 10000 1); needs ../shared/gis.
set -euo pipefail
cd "$(dirname "$0")/../.."
GIS=${CLUSTERGRID_SHARED_GIS:-../shared/gis}
mvn -B -q test-compile
[ -f target/cp.txt ] && [ target/cp.txt -nt pom.xml ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx6g -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.clustergrid.bench.ScoringBench \
  "$GIS" "${1:-3}" "${2:-3}" "${3:-10000}" "${4:-1}"
