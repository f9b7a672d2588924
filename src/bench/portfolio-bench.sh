#!/usr/bin/env bash
# A portfolio chosen on the scaled region of src/bench/scoring-bench.sh (10,000 clusters, >= 1,000,000 road segments):
# candidates made from the gaps, the first N (highest priority first) weighed under a budget; prints the time of
# making, pricing, and weighing and choosing (each candidate's effect alone, the selection, the stability draws, the
# picks evaluated together).
# Usage: src/bench/portfolio-bench.sh [TILES_X TILES_Y CLUSTERS CANDIDATES BUDGET [PAVING_USD_KM [LINK_USD_KM
#   [KINDS]]]] (default 3 3 10000 100 5000000 0); a PAVING_USD_KM above 0 prices road upgrades, so paving candidates
#   are made too, a LINK_USD_KM above 0 new roads (road links); KINDS keeps only candidates of those kinds (e.g.
#   new_road);
# needs ../shared/gis (or CLUSTERGRID_SHARED_GIS).
set -euo pipefail
cd "$(dirname "$0")/../.."
GIS=${CLUSTERGRID_SHARED_GIS:-../shared/gis}
mvn -B -q test-compile
[ -f target/cp.txt ] && [ target/cp.txt -nt pom.xml ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx6g -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.clustergrid.bench.PortfolioBench \
  "$GIS" "${1:-3}" "${2:-3}" "${3:-10000}" "${4:-100}" "${5:-5000000}" "${6:-0}" "${7:-0}" ${8:+"$8"}
