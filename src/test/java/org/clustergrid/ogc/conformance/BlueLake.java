package org.clustergrid.ogc.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clustergrid.app.ImportOptions;
import org.clustergrid.app.cli.ImportCommand;
import org.clustergrid.ingest.context.ContextLayerImporter;
import org.clustergrid.ingest.raster.RasterImporter;
import org.clustergrid.testing.SharedData;

/**
 * The OGC WMS 1.3.0 test data set ("Blue Lake", ets-wms13's {@code data/}, in {@code ../shared/ogc-test-data/wms13})
 * imported as the suite expects to find it: every layer titled {@code cite:<Name>} and named {@code <Name>}, through
 * the import command's own argument parsing and the real importers, as {@code docs/ogc.md} loads it with the CLI.
 * Lakes holds the three lake outlines of {@code lakesWithElevation.shp} with the elevation dimension on ELEV (the
 * suite's vector elevation option asks cite:Lakes for them; the default 500 is Blue Lake itself, as in Lakes.shp);
 * Autos the time dimension on TIME; Terrain the elevation dimension over its cells.
 */
final class BlueLake {
    static final String TIME_EXTENT = "2000-01-01T00:00:00Z/2000-01-01T00:01:00Z/PT5S";
    /** The plain layers, each from {@code shapefile/<Name>.shp}. */
    static final List<String> PLAIN = List.of("BasicPolygons", "Bridges", "Buildings", "BuildingCenters",
            "DividedRoutes", "Forests", "MapNeatline", "NamedPlaces", "Ponds", "RoadSegments", "Streams");

    private BlueLake() {}

    /** The {@code import} arguments of every layer, as one would type them (paths below the data set's folder). */
    static List<List<String>> imports(Path data) {
        String shp = data.resolve("shapefile").toString() + "/";
        List<List<String>> out = new ArrayList<>();
        for (String name : PLAIN) {
            out.add(List.of("layer", shp + name + ".shp", "--as", name, "--title", "cite:" + name));
        }
        out.add(List.of("layer", shp + "lakesWithElevation.shp", "--as", "Lakes", "--title", "cite:Lakes",
                "--elevation-attribute", "ELEV", "--elevation", "500,490,480", "--elevation-default", "500",
                "--elevation-multiple", "false", "--elevation-nearest", "true"));
        out.add(List.of("layer", shp + "Autos.shp", "--as", "Autos", "--title", "cite:Autos",
                "--time-attribute", "TIME", "--time", TIME_EXTENT, "--time-default", "2000-01-01T00:01:00Z",
                "--time-multiple", "true", "--time-nearest", "true"));
        out.add(List.of("layer", data.resolve("raster/terrain.tif").toString(), "--as", "Terrain", "--crs",
                "EPSG:4326", "--title", "cite:Terrain", "--elevation", "0/425/1"));
        return out;
    }

    static Path data() {
        return SharedData.requireOgcTestData("wms13");
    }

    /** Imports every layer; fails on the first import that does not succeed. */
    static void load(ContextLayerImporter vectors, RasterImporter rasters) throws Exception {
        for (List<String> args : imports(data())) {
            run(vectors, rasters, args);
        }
    }

    static void run(ContextLayerImporter vectors, RasterImporter rasters, List<String> args) throws Exception {
        ImportOptions o = ImportCommand.parse(args.toArray(String[]::new));
        if (o.isRaster()) {
            rasters.run(o.toRasterRequest());
        } else {
            vectors.run(o.toContextRequest());
        }
    }
}
