package org.clustergrid.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.clustergrid.coverage.LayerCoverage;
import org.clustergrid.ingest.geonames.GeoNamesReader;
import org.clustergrid.model.Coverage;
import org.clustergrid.model.Layer;
import org.clustergrid.store.DatasetInfo;
import org.clustergrid.testing.SharedData;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * A national gazetteer declared for its country: GeoNames has 75 places of 500 people or more in Nepal, so the cells
 * around them leave the empty north-west "outside coverage", though the gazetteer does speak for it (no town there).
 */
class CountryCoverageOnGeoNamesTest {
    @TempDir
    Path dir;

    @Test
    void declaredByCountryTheGazetteerSpeaksForTheWholeCountry() throws Exception {
        Path geonames = SharedData.require("geonames/cities500.txt.gz");
        Coordinate upperDolpo = new Coordinate(83.075, 29.525);
        Coverage nepal = CoverageSpec.parse("countries:NP", CountryCoverageTest.BOUNDARIES, null);
        try (TestStore t = TestStore.h2gis(dir)) {
            Importer importer = new Importer(t.store());
            Coverage derived = importGeoNames(importer, geonames, null);
            assertThat(derived.method()).isEqualTo(Coverage.Method.DERIVED);
            Coverage declared = importGeoNames(importer, geonames, nepal);
            assertThat(declared.method()).isEqualTo(Coverage.Method.DECLARED);
            assertThat(declared.description()).contains("countries NP");
            assertThat(declared.layers()).containsExactly(Layer.MARKETS);

            Geometry border = nepal.area();
            double derivedShare = derived.area().intersection(border).getArea() / border.getArea();
            double declaredShare = declared.area().intersection(border).getArea() / border.getArea();
            System.out.printf("GeoNames Nepal: derived coverage holds %.1f%% of the country, declared %.1f%%%n",
                    100 * derivedShare, 100 * declaredShare);
            assertThat(derivedShare).isLessThan(0.9);
            assertThat(declaredShare).isGreaterThan(0.999);
            assertThat(LayerCoverage.of(List.of(derived)).covers(Layer.MARKETS, upperDolpo)).isFalse();
            assertThat(LayerCoverage.of(List.of(declared)).covers(Layer.MARKETS, upperDolpo)).isTrue();
            assertThat(LayerCoverage.of(List.of(declared)).covers(Layer.MARKETS, new Coordinate(80.33, 27.9)))
                    .as("Lucknow side of the border").isFalse();
        }
    }

    private static Coverage importGeoNames(Importer importer, Path file, Coverage coverage) throws Exception {
        DatasetInfo info = new DatasetInfo("geonames-np", "GeoNames Nepal", "cities500", "CC BY 4.0", "GeoNames",
                false, coverage, Set.of());
        return importer.run(new ImportRequest(SourceKind.GEONAMES, List.of(new ImportRequest.Source(file, null)),
                info, new GeoNamesReader.Filter(Set.of("NP"), 0), false, false)).dataset().coverage();
    }
}
