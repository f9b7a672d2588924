package org.clustergrid.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clustergrid.ingest.CoverageSpecTest.covers;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clustergrid.model.Coverage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --coverage countries:…} on real (OSM-derived, 10 km) borders of India, Nepal and Pakistan. */
public class CountryCoverageTest {
    public static final Path BOUNDARIES = resource("/boundaries/south-asia-countries.geojson");

    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(CountryCoverageTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void countryCodesBecomeTheirBorders() throws Exception {
        Coverage c = CoverageSpec.parse("countries:NP,IN", BOUNDARIES, null);
        assertThat(c.method()).isEqualTo(Coverage.Method.DECLARED);
        assertThat(c.description()).contains("countries NP (1 polygon), IN (1 polygon)")
                .contains("south-asia-countries.geojson");
        assertThat(covers(c.area(), 83.98, 28.21)).as("Pokhara").isTrue();
        assertThat(covers(c.area(), 75.85, 30.90)).as("Ludhiana").isTrue();
        assertThat(covers(c.area(), 77.34, 11.11)).as("Tiruppur").isTrue();
        assertThat(covers(c.area(), 67.01, 24.86)).as("Karachi, Pakistan").isFalse();
        assertThat(covers(c.area(), 74.53, 32.49)).as("Sialkot, Pakistan").isFalse();
        assertThat(covers(c.area(), 85.0, 33.0)).as("Tibet").isFalse();
        assertThat(c.area().getSRID()).isEqualTo(4326);
    }

    @Test
    void alpha3CodesAnyCaseAndANamedField() throws Exception {
        Coverage c = CoverageSpec.parse("country: pak ", BOUNDARIES, "A3");
        assertThat(covers(c.area(), 74.53, 32.49)).isTrue();
        assertThat(covers(c.area(), 75.85, 30.90)).isFalse();
        assertThat(c.description()).contains("PAK").contains("field A3");
    }

    @Test
    void whatCannotBeResolvedIsSaid() throws Exception {
        assertThatThrownBy(() -> CoverageSpec.parse("countries:NP", null, null))
                .hasMessageContaining("--boundaries FILE");
        assertThatThrownBy(() -> CoverageSpec.parse("countries:XQ", BOUNDARIES, null))
                .hasMessageContaining("'XQ' is not an ISO 3166-1");
        assertThatThrownBy(() -> CoverageSpec.parse("countries:NP,BD", BOUNDARIES, null))
                .hasMessageContaining("has the code BD").hasMessageContaining("codes present: IND, NPL, PAK");
        assertThatThrownBy(() -> CoverageSpec.parse("countries:NP", BOUNDARIES, "ISO_A2"))
                .hasMessageContaining("field 'ISO_A2'").hasMessageContaining("codes present: none");
        assertThatThrownBy(() -> CoverageSpec.parse("countries:", BOUNDARIES, null))
                .hasMessageContaining("at least one");
        Path points = dir.resolve("points.geojson");
        Files.writeString(points, """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ISO_A2":"NP"},
                 "geometry":{"type":"Point","coordinates":[84,28]}}]}""");
        assertThatThrownBy(() -> CoverageSpec.parse("countries:NP", points, null))
                .hasMessageContaining("the boundary of NP is Point, not polygons");
        Path text = dir.resolve("borders.txt");
        Files.writeString(text, "not boundaries");
        assertThatThrownBy(() -> CoverageSpec.parse("countries:NP", text, null))
                .hasMessageContaining("borders.txt").hasMessageContaining("a text file");
    }
}
