#!/bin/sh
# Imports the OGC WMS 1.3.0 test data ("Blue Lake") into a ClusterGrid data directory with the import command, as
# ets-wms13 expects to find it (docs/ogc.md). Usage: load-bluelake.sh JAR DATA_SET_DIR DATA_DIR
set -e
J=$1; D=$2; S="--clustergrid.data-dir=$3 --clustergrid.demo.enabled=false"
for n in BasicPolygons Bridges Buildings BuildingCenters DividedRoutes Forests MapNeatline NamedPlaces Ponds RoadSegments Streams; do
  java -jar "$J" import layer "$D/shapefile/$n.shp" --as $n --title cite:$n $S
done
java -jar "$J" import layer "$D/shapefile/lakesWithElevation.shp" --as Lakes --title cite:Lakes \
    --elevation-attribute ELEV --elevation 500,490,480 --elevation-default 500 --elevation-multiple false $S
java -jar "$J" import layer "$D/shapefile/Autos.shp" --as Autos --title cite:Autos --time-attribute TIME \
    --time 2000-01-01T00:00:00Z/2000-01-01T00:01:00Z/PT5S --time-default 2000-01-01T00:01:00Z $S
java -jar "$J" import layer "$D/raster/terrain.tif" --as Terrain --crs EPSG:4326 --title cite:Terrain \
    --elevation 0/425/1 $S
