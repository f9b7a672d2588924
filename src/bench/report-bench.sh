#!/usr/bin/env bash
# Times the cluster profile on the real Pokhara extract (with GeoNames towns of Nepal) imported into a fresh embedded
# store: every cluster's profile in turn, built (scores, map, peers, candidates) and laid out as PDF and as HTML.
# Prints min / median / max per report after a few warm-up reports.
# Usage: src/bench/report-bench.sh [REPORTS]   (default 60); needs ../shared/gis.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q test-compile
[ -f target/cp.txt ] && [ target/cp.txt -nt pom.xml ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.clustergrid.bench.ReportBench \
  "${1:-60}"
