#!/usr/bin/env bash
# The gap surface's computing cost in process, where roads cover every region (see GapSurfaceBench): one grid over
# all clusters with every hexagon's time (the surface before regions) against grouping into regions and the first
# world and city maps' times; then every region's clusters, hexagons, side and hexagons with a time.
# Usage: src/bench/gap-surface-compute-bench.sh [TILES_X TILES_Y REPEATS]   (default 3 3 5); needs ../shared/gis.
set -euo pipefail
cd "$(dirname "$0")/../.."
GIS=${CLUSTERGRID_SHARED_GIS:-../shared/gis}
mvn -B -q -o test-compile
[ -f target/cp.txt ] && [ target/cp.txt -nt pom.xml ] || mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.clustergrid.bench.GapSurfaceBench \
  "$GIS" "${1:-3}" "${2:-3}" "${3:-5}"
