#!/usr/bin/env bash
# The portfolio report's time on top of the portfolio's, on the scaled region of src/bench/portfolio-bench.sh: the
# portfolio of the first N candidates made from the gaps chosen once, then its report laid out REPORTS times in each
# form (HTML, PDF, picks CSV, clusters CSV) after two warm-up reports; prints min / median / max per form.
# Usage: src/bench/portfolio-report-bench.sh [TILES_X TILES_Y CLUSTERS CANDIDATES BUDGET REPORTS [OUT_DIR]]
#        (default 3 3 10000 100 5000000 5; with OUT_DIR the PDF is left there to look at); needs ../shared/gis
#        (or CLUSTERGRID_SHARED_GIS).
set -euo pipefail
cd "$(dirname "$0")/../.."
GIS=${CLUSTERGRID_SHARED_GIS:-../shared/gis}
mvn -B -q test-compile
[ -f target/cp.txt ] && [ target/cp.txt -nt pom.xml ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx6g -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.clustergrid.bench.PortfolioReportBench \
  "$GIS" "${1:-3}" "${2:-3}" "${3:-10000}" "${4:-100}" "${5:-5000000}" "${6:-5}" ${7:+"$7"}
