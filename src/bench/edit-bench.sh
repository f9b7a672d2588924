#!/usr/bin/env bash
# A register edit re-scored on the engine it follows, against rebuilding the engine and scoring every cluster, side
# by side on the scaled region of src/bench/scoring-bench.sh (10,000 clusters, >= 1,000,000 road segments, >= 100,000
# finance points, >= 200,000 towns). Each run edits one seeded cluster (employment doubled, moved 300 m) and times
# both ways to the profile's run; prints the clusters measured again, how many scores differ (must be 0), min /
# median / max and the median ratio.
# Usage: src/bench/edit-bench.sh [TILES_X TILES_Y CLUSTERS RUNS]   (default 3 3 10000 5); needs ../shared/gis
# (or CLUSTERGRID_SHARED_GIS).
set -euo pipefail
cd "$(dirname "$0")/../.."
GIS=${CLUSTERGRID_SHARED_GIS:-../shared/gis}
mvn -B -q test-compile
[ -f target/cp.txt ] && [ target/cp.txt -nt pom.xml ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx6g -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.clustergrid.bench.EditBench \
  "$GIS" "${1:-3}" "${2:-3}" "${3:-10000}" "${4:-5}"
