package org.clustergrid.ingest.geonames;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.model.Market;
import org.clustergrid.model.Market.MarketKind;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoNamesReaderTest {
    @TempDir
    Path dir;

    static List<Market> read(Path file, GeoNamesReader.Filter filter, ImportReport report) throws Exception {
        List<Market> out = new ArrayList<>();
        GeoNamesReader.read(file, filter, report, out::add);
        return out;
    }

    @Test
    void readsNepalFromTheRealCities500Dump() throws Exception {
        Path dump = SharedData.require("geonames/cities500.txt.gz");
        ImportReport report = new ImportReport();
        List<Market> nepal = read(dump, new GeoNamesReader.Filter(Set.of("NP"), 0), report);
        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        // ../shared/gis/geonames/SOURCE.txt counts 75 rows for NP, all populated places
        assertThat(nepal).hasSize(75);
        Market kathmandu = nepal.stream().filter(m -> m.name().equals("Kathmandu")).findFirst().orElseThrow();
        assertThat(kathmandu.kind()).isEqualTo(MarketKind.CITY);
        assertThat(kathmandu.geometry().getX()).isBetween(85.2, 85.4);
        assertThat(kathmandu.geometry().getY()).isBetween(27.6, 27.8);
        Market pokhara = nepal.stream().filter(m -> m.name().equals("Pokhara")).findFirst().orElseThrow();
        assertThat(pokhara.population()).isGreaterThan(100_000L);
    }

    @Test
    void classifiesByPopulationAndReportsBadLines() throws Exception {
        String row = "%s\t%s\t%s\t\t%s\t%s\tP\t%s\tXX\t\t01\t\t\t\t%s\t\t100\tAsia/Kolkata\t2020-01-01";
        Path file = dir.resolve("XX.txt");
        Files.writeString(file, String.join("\n",
                String.format(row, "1", "Capital", "Capital", "20.0", "80.0", "PPLC", "4000"),
                String.format(row, "2", "Big", "Big", "20.1", "80.1", "PPL", "250000"),
                String.format(row, "3", "Mid", "Mid", "20.2", "80.2", "PPL", "5000"),
                String.format(row, "4", "Small", "Small", "20.3", "80.3", "PPL", "0"),
                String.format(row, "5", "Bad", "Bad", "north", "80.3", "PPL", "10"),
                "6\tshort line") + "\n");
        ImportReport report = new ImportReport();
        Map<String, MarketKind> kinds = read(file, GeoNamesReader.Filter.ALL, report).stream()
                .collect(Collectors.toMap(Market::name, Market::kind));
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of("Capital", MarketKind.CITY, "Big", MarketKind.CITY,
                "Mid", MarketKind.TOWN, "Small", MarketKind.VILLAGE));
        assertThat(report.problems()).extracting(Object::toString).containsExactly(
                "ERROR: XX.txt, line 5, field 'latitude': 'north' is not a number",
                "ERROR: XX.txt, line 6: has 2 tab-separated columns; a GeoNames dump has 19");
    }

    @Test
    void rejectsAFileOfTheWrongType() throws Exception {
        ImportReport report = new ImportReport();
        read(SharedData.pokharaPbf(), GeoNamesReader.Filter.ALL, report);
        assertThat(report.problems()).extracting(Object::toString).containsExactly("ERROR: pokhara-2016-06-04.osm.pbf: "
                + "expected a GeoNames dump (tab-separated text, .gz or .zip) but it is an OpenStreetMap PBF file");
    }
}
