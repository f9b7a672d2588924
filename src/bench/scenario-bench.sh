#!/usr/bin/env bash
# A what-if scenario evaluated incrementally and by the full re-score, side by side, on the scaled region of
# src/bench/scoring-bench.sh: 10,000 clusters against >= 1,000,000 road segments, >= 100,000 finance points and
# >= 200,000 towns (whole-degree tiles of the real Pokhara extract, the real PMGSY finance points moved into the tiled
# region, GeoNames cities500 plus the tiled places). Builds the engine and the "before" run once, then times, per
# run, applying a deterministic 10-intervention scenario (4 roads paved, 2 banks, a mobile money agent, two 132 kV
# lines, a market), the incremental evaluation (an engine derived from the built one, only the clusters the scenario
# can affect re-scored) and the full re-score (a new engine, every cluster scored); then the same without the road
# upgrades. Prints the clusters re-scored and changed, how many differ between the two (must be 0), min / median /
# max of each and their ratio. A third variant replaces two of the upgrades by two new road links.
# Usage: src/bench/scenario-bench.sh [TILES_X TILES_Y CLUSTERS RUNS]   (default 3 3 10000 3); needs ../shared/gis
# (or CLUSTERGRID_SHARED_GIS).
set -euo pipefail
cd "$(dirname "$0")/../.."
GIS=${CLUSTERGRID_SHARED_GIS:-../shared/gis}
mvn -B -q test-compile
[ -f target/cp.txt ] && [ target/cp.txt -nt pom.xml ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx6g -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.clustergrid.bench.ScenarioBench \
  "$GIS" "${1:-3}" "${2:-3}" "${3:-10000}" "${4:-3}"
