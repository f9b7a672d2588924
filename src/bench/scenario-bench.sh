#!/usr/bin/env bash
# A what-if scenario evaluated by the full re-score on the scaled region of src/bench/scoring-bench.sh: 10,000
# clusters against >= 1,000,000 road segments, >= 100,000 finance points and >= 200,000 towns (whole-degree tiles of
# the real Pokhara extract, the real PMGSY finance points moved into the tiled region, GeoNames cities500 plus the
# tiled places). Builds the engine and the "before" run once, then times, per run, applying a deterministic
# 10-intervention scenario (4 roads paved, 2 banks, a mobile money agent, a 33 kV line, a substation, a market) and
# evaluating it (a new engine on the changed data, every cluster re-scored, before and after compared); prints the
# clusters changed, min / median / max and the heap: the baseline for an incremental evaluation.
# Usage: src/bench/scenario-bench.sh [TILES_X TILES_Y CLUSTERS RUNS]   (default 3 3 10000 3); needs ../shared/gis
# (or CLUSTERGRID_SHARED_GIS).
set -euo pipefail
cd "$(dirname "$0")/../.."
GIS=${CLUSTERGRID_SHARED_GIS:-../shared/gis}
mvn -B -q test-compile
[ -f target/cp.txt ] && [ target/cp.txt -nt pom.xml ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx6g -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.clustergrid.bench.ScenarioBench \
  "$GIS" "${1:-3}" "${2:-3}" "${3:-10000}" "${4:-3}"
