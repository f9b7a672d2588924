#!/usr/bin/env bash
# raster-reachable-bench.sh — population within a travel time from a raster: raster_sum_reachable over a GeoTIFF of
# WorldPop's resolution (3 arc-seconds, about 90 m) against sum_reachable over the same cells imported as points, on
# the real Pokhara roads and clusters (org.clustergrid.bench.RasterReachableBench). The raster is made here with GDAL:
# Float32 cells over 83.75-84.15 E, 28.08-28.47 N (the roads' box; a layer of points holds at most 250,000 features
# for a run), a seeded pseudo-population that is 0 on a fifth of the cells and no data on a band; its cells with a value other than 0 are
# written out as a CSV of points by gdal_translate -of XYZ.
# Needs: gdal-bin, python3, ../shared/gis. Usage: src/bench/raster-reachable-bench.sh [MINUTES, default 30] [RUNS, 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-/tmp/clustergrid-raster-reachable-bench}; mkdir -p "$OUT"
python3 - "$OUT/population.asc" <<'PY'
import random, sys
random.seed(7)
cols, rows, cell = 480, 468, 1 / 1200
with open(sys.argv[1], "w") as f:
    f.write(f"ncols {cols}\nnrows {rows}\nxllcorner 83.75\nyllcorner 28.08\ncellsize {cell!r}\nNODATA_value -1\n")
    for r in range(rows):
        f.write(" ".join("-1" if 200 <= r < 210 else "0" if random.random() < 0.2
                         else f"{random.random() * 40:.2f}" for _ in range(cols)) + "\n")
PY
gdal_translate -q -ot Float32 -a_srs EPSG:4326 -co COMPRESS=DEFLATE "$OUT/population.asc" "$OUT/population.tif"
{ echo "lon,lat,value"; gdal_translate -q -of XYZ "$OUT/population.tif" /vsistdout/ \
    | awk '$3 != 0 && $3 != -1 { printf "%s,%s,%s\n", $1, $2, $3 }'; } > "$OUT/population.csv"
echo "raster: $(gdalinfo "$OUT/population.tif" | grep '^Size'); points: $(($(wc -l < "$OUT/population.csv") - 1))"
mvn -B -q test-compile
[ -f target/cp.txt ] && [ target/cp.txt -nt pom.xml ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx6g -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
  org.clustergrid.bench.RasterReachableBench "$OUT/population.tif" "$OUT/population.csv" "${1:-30}" "${2:-3}"
