package org.clustergrid.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceFeature;
import org.clustergrid.ingest.shapefile.ShapefileReader;
import org.clustergrid.model.FinancePoint;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.model.Market;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** The keyword rules of gis-data/mappings/pmgsy-facilities.yaml on PMGSY's free-text facility descriptions. */
class PmgsyMappingTest {
    static final Mapping MAPPING = read();

    static Mapping read() {
        try {
            return Mapping.read(Path.of("gis-data/mappings/pmgsy-facilities.yaml"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String classify(String desc) {
        ImportReport report = new ImportReport();
        var point = new GeometryFactory().createPoint(new Coordinate(77, 11));
        LayerFeature f = new FeatureMapper(MAPPING, report).map(new SourceFeature("Kerala.zip", "record 1", point,
                Map.of("FACILITY_I", 42L, "FAC_DESC", desc)));
        assertThat(report.hasErrors()).isFalse();
        if (f instanceof FinancePoint p) {
            return "finance:" + p.type().name().toLowerCase();
        }
        return f instanceof Market m ? "markets:" + m.kind().name().toLowerCase() : "skipped";
    }

    @ParameterizedTest
    @CsvSource({
        "bank, finance:bank",
        "SBI, finance:bank",
        "Kerala Gramin Bank, finance:bank",
        "co operative bank, finance:credit_cooperative",
        "Service Co-operative Bank, finance:credit_cooperative",
        "SCB, finance:credit_cooperative",
        "PACCS, finance:credit_cooperative",
        "ATM, finance:atm",
        "blood bank, skipped",
        "Milk society, skipped",
        "MILK PRODUCERS CO-OPERATIVE SOCIETY, skipped",
        "Dairy co operative society, skipped",
        "MILMA CO OPERATIVE SOCIETY, skipped",
        "dugdh utpadak sahakari bank, skipped",
        "PACs godown, skipped",
        "Pacs Godam Bhawan, skipped",
        "cooperative Society warehouse, skipped",
        "Vijaya Gramina Dairy Sangam, skipped",
        "PACS, finance:credit_cooperative",
        "PACS house, finance:credit_cooperative",
        "The Peoples Co operative Credit Society, finance:credit_cooperative",
        "credit society, finance:credit_cooperative",
        "Co operative or Rural Bank Dudhai, finance:bank",
        "UNITED BANK OF INDIA BELU MILKI BRANCH, finance:bank",
        "market, markets:marketplace",
        "weekly shandy, markets:marketplace",
        "Krishi Upaj Mandi, markets:marketplace",
        "haat, markets:marketplace",
        "Ration shop, skipped",
        "primary health centre, skipped",
    })
    void classifiesFacilityDescriptions(String desc, String expected) {
        assertThat(classify(desc)).isEqualTo(expected);
    }

    @Test
    void mapsTheRealKeralaRegister() throws Exception {
        Path kerala = SharedData.require("india-pmgsy/Facilities/Kerala.zip");
        ImportReport report = new ImportReport();
        FeatureMapper mapper = new FeatureMapper(MAPPING, report);
        List<LayerFeature> out = new ArrayList<>();
        Map<String, Integer> byDesc = new HashMap<>();
        ShapefileReader.read(kerala, report, s -> {
            LayerFeature f = mapper.map(s);
            if (f != null) {
                out.add(f);
                byDesc.merge(String.valueOf(s.attributes().get("FAC_DESC")), 1, Integer::sum);
            }
        });
        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        // ogrinfo -dialect SQLITE -sql "SELECT FAC_DESC, COUNT(*) ... GROUP BY FAC_DESC" on Kerala.zip: 'market' 1157,
        // 'bank' 322, 'mandi' 223, 'co operative bank' 93, 'SBI' 75, 'SCB' 50 — each must be taken, whole
        assertThat(byDesc).containsEntry("market", 1157).containsEntry("bank", 322).containsEntry("mandi", 223)
                .containsEntry("co operative bank", 93).containsEntry("SBI", 75).containsEntry("SCB", 50);
        assertThat(byDesc).doesNotContainKeys("Ration shop", "PHC", "school", "Milk society");
        assertThat(out.size() + report.skippedCount()).isEqualTo(31875); // every record of Kerala.zip, mapped or skipped
        assertThat(out.get(0).id()).matches("\\d+"); // FACILITY_I
    }
}
