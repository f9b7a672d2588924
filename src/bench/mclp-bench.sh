#!/usr/bin/env bash
# The portfolio's exact solver (SCIP through OR-Tools) against spopt's maximal covering model solved by PuLP with CBC
# (src/test/python/mclp_pulp.py), on the same instances from GeoNames cities500 (India twice, Brazil), alternating;
# prints both objectives, each side's median solve time and their ratio. Needs ../shared/gis (or
# CLUSTERGRID_SHARED_GIS) and Debian's python3-pulp and coinor-cbc.
# Usage: src/bench/mclp-bench.sh [RUNS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
GIS=${CLUSTERGRID_SHARED_GIS:-../shared/gis}
mvn -B -q test-compile
[ -f target/cp.txt ] && [ target/cp.txt -nt pom.xml ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.clustergrid.bench.McLpBench "$GIS" "${1:-5}"
