#!/usr/bin/env bash
# Road-network travel times, ours against pgRouting on the same graph: the real Pokhara extract tiled by whole-degree
# shifts (default 5 x 2 tiles, about 1.1 million road segments), times from every settlement to every node, then
# bounded 2-hour searches from cluster points (default 10,000). Needs ../shared/gis and a PostgreSQL with pgRouting
# (CLUSTERGRID_TEST_POSTGIS_URL / _USER / _PASSWORD, as for the tests; the extension is created if missing).
# Usage: src/bench/routing-bench.sh [tilesX tilesY [clusters]]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
    org.clustergrid.bench.RoutingBench "$@"
