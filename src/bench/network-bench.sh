#!/usr/bin/env bash
# Scoring engine build on the scaled region and on four regions far apart, with the finance points and towns far from
# any road that used to dominate it (see NetworkBuildBench): engine build time, road graph build, snapping alone.
# Usage: src/bench/network-bench.sh [TILES CLUSTERS]   (default 3 10000); needs ../shared/gis.
# BENCH_JAVA_OPTS=-Dclustergrid.bench.dump=DIR also writes every cluster's scores and indicators to DIR (with a
# SHA-256), to compare two versions of the engine value for value.
set -euo pipefail
cd "$(dirname "$0")/../.."
GIS=${CLUSTERGRID_SHARED_GIS:-../shared/gis}
mvn -B -q test-compile
[ -f target/cp.txt ] && [ target/cp.txt -nt pom.xml ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx8g ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.clustergrid.bench.NetworkBuildBench \
  "$GIS" "${1:-3}" "${2:-10000}"
