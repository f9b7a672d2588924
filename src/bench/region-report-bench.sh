#!/usr/bin/env bash
# Times the regional priority report of CLUSTERS clusters (default 500): the scoring benchmarks' region (the real
# Pokhara roads and grid, PMGSY finance points, GeoNames towns; the 41 OSM clusters plus seeded ones near the roads,
# with seeded sizes) scored once, then the report of every cluster built (content, two maps, chart) and written as
# PDF (A4), HTML and CSV, REPORTS times after 2 warm-ups. Prints min / median / max.
# Usage: src/bench/region-report-bench.sh [CLUSTERS] [REPORTS]   (default 500 5); needs ../shared/gis.
set -euo pipefail
cd "$(dirname "$0")/../.."
GIS=${CLUSTERGRID_SHARED_GIS:-../shared/gis}
mvn -B -q test-compile
[ -f target/cp.txt ] && [ target/cp.txt -nt pom.xml ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.clustergrid.bench.RegionReportBench \
  "$GIS" "${1:-500}" "${2:-5}"
