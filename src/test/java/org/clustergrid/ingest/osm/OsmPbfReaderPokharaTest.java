package org.clustergrid.ingest.osm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.FinancePoint;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.model.Market;
import org.clustergrid.model.Market.MarketKind;
import org.clustergrid.model.PowerFeature;
import org.clustergrid.model.PowerFeature.PowerKind;
import org.clustergrid.model.Road;
import org.clustergrid.model.Road.Paving;
import org.clustergrid.model.Typology.ClusterType;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads the real Pokhara extract and compares with counts made independently with osmium-tool (see
 * {@code ../shared/gis/pokhara-osm/SOURCE.txt}; per element type with {@code osmium tags-filter -R ... | cut -c1 |
 * uniq -c}).
 */
class OsmPbfReaderPokharaTest {
    /** The extract's bbox (osmconvert cut) from SOURCE.txt; no way in this file reaches beyond it. */
    static final Envelope BBOX = new Envelope(83.7490007, 84.1429802, 28.0770044, 28.4659564);

    static ImportReport report;
    static List<LayerFeature> features;
    static Map<String, LayerFeature> byId;

    /** Once for the class, from each test: without the shared data each test skips with the reason. */
    @BeforeEach
    void read() throws Exception {
        if (byId != null) {
            return;
        }
        report = new ImportReport();
        features = new ArrayList<>();
        Runtime rt = Runtime.getRuntime();
        long t0 = System.nanoTime();
        OsmPbfReader.read(SharedData.pokharaPbf(), OsmImportOptions.withClusters(), report, features::add);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("Pokhara read in %d ms, heap in use %d MB (incl. garbage), %d features%n", ms,
                (rt.totalMemory() - rt.freeMemory()) >> 20, features.size());
        byId = features.stream().collect(Collectors.toMap(f -> f.layer() + "/" + f.id(), Function.identity()));
    }

    private static <T extends LayerFeature, K> Map<K, Long> count(Class<T> type, Function<T, K> key) {
        return features.stream().filter(type::isInstance).map(type::cast)
                .collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    @Test
    void readsWithoutErrorsAndOneUnbuildableWay() {
        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        // w340950338 (highway=road) references a single node: osmium getid ... w340950338
        assertThat(report.warningCount()).as(report.summary()).isEqualTo(1);
        assertThat(report.problems().get(0).location()).isEqualTo("way 340950338");
    }

    @Test
    void roads() {
        // osmium: highway=* on 6,310 objects = 86 nodes (crossings, bus stops ...) + 6,224 ways; roads are ways only,
        // and one of the ways has a single node, so 6,223 roads
        assertThat(report.counts().get(Layer.ROADS)).isEqualTo(6223);
        assertThat(count(Road.class, Road::roadClass)).containsEntry("trunk", 45L).containsEntry("primary", 43L)
                .containsEntry("secondary", 57L).containsEntry("tertiary", 219L);
        // osmium getid w24613052: name=Mansawar, highway=primary, surface=asphalt
        Road mansawar = (Road) byId.get("ROADS/w24613052");
        assertThat(mansawar.name()).isEqualTo("Mansawar");
        assertThat(mansawar.paving()).isEqualTo(Paving.PAVED);
        assertThat(mansawar.allSeason()).isTrue();
        assertThat(mansawar.geometry()).isInstanceOf(LineString.class);
        assertThat(mansawar.geometry().getNumPoints()).isEqualTo(62); // its 62 node refs
    }

    @Test
    void power() {
        // osmium: line 12, generator 3, substation 2, transformer 2, plant 1 (3 nodes, 17 ways); tower/pole/portal
        // are not imported
        assertThat(count(PowerFeature.class, PowerFeature::kind)).isEqualTo(new EnumMap<>(Map.of(
                PowerKind.LINE, 12L, PowerKind.GENERATOR, 3L, PowerKind.SUBSTATION, 2L, PowerKind.TRANSFORMER, 2L,
                PowerKind.PLANT, 1L)));
        // nine lines carry voltage=132000
        assertThat(features).filteredOn(f -> f instanceof PowerFeature p && p.voltages().equals(List.of(132000)))
                .hasSize(9);
        // w417195969 Bijaypur Hydropower: generator:output:electricity=4500 kW
        PowerFeature bijaypur = (PowerFeature) byId.get("POWER/w417195969");
        assertThat(bijaypur.capacityMw()).isEqualTo(4.5);
        assertThat(bijaypur.geometry()).isInstanceOf(Polygon.class);
    }

    @Test
    void finance() {
        // osmium: amenity=bank 64, atm 23, bureau_de_change 10; 7 of the "banks" are savings and credit
        // co-operatives by name (e.g. n4063122754 "Sahayatri Sahakari"), so BANK + CREDIT_COOPERATIVE = 64
        assertThat(count(FinancePoint.class, FinancePoint::type)).isEqualTo(new EnumMap<>(Map.of(
                FinanceType.BANK, 57L, FinanceType.CREDIT_COOPERATIVE, 7L, FinanceType.ATM, 23L,
                FinanceType.BUREAU_DE_CHANGE, 10L)));
        // osmium getid n1346572363: name=Standard Chartered Bank, amenity=bank x83.9869316 y28.2205176
        FinancePoint sc = (FinancePoint) byId.get("FINANCE/n1346572363");
        assertThat(sc.name()).isEqualTo("Standard Chartered Bank");
        assertThat(sc.type()).isEqualTo(FinanceType.BANK);
        assertThat(sc.geometry().getX()).isEqualTo(83.9869316);
        assertThat(sc.geometry().getY()).isEqualTo(28.2205176);
        assertThat(((FinancePoint) byId.get("FINANCE/n4063122754")).type())
                .isEqualTo(FinanceType.CREDIT_COOPERATIVE);
    }

    @Test
    void markets() {
        // osmium: place city 3, town 3, village 64; amenity=marketplace 5; aeroway=aerodrome 1 (a way: Pokhara
        // Airport); no landuse=port, harbour or industrial=port
        assertThat(count(Market.class, Market::kind)).isEqualTo(new EnumMap<>(Map.of(
                MarketKind.CITY, 3L, MarketKind.TOWN, 3L, MarketKind.VILLAGE, 64L, MarketKind.MARKETPLACE, 5L,
                MarketKind.AIRPORT, 1L)));
        // osmium getid n3957677257: name=Putalibazar, place=city, population=30704
        Market putalibazar = (Market) byId.get("MARKETS/n3957677257");
        assertThat(putalibazar.population()).isEqualTo(30704L);
        Market airport = (Market) byId.get("MARKETS/w126708147");
        assertThat(airport.name()).isEqualTo("Pokhara Airport");
        assertThat(airport.kind()).isEqualTo(MarketKind.AIRPORT);
    }

    @Test
    void clusters() {
        // osmium: landuse=industrial 18 ways; craft=* 23 (15 nodes, 8 ways)
        assertThat(count(Cluster.class, c -> c.typology().type() == ClusterType.ARTISANAL_CRAFT ? "craft" : "industrial"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("craft", 23L, "industrial", 18L));
        assertThat(features).filteredOn(f -> f instanceof Cluster c && c.typology().type() == null)
                .allSatisfy(c -> assertThat(c.geometry()).isInstanceOf(Polygon.class));
    }

    @Test
    void everyGeometryIsValidAndInsideTheExtract() {
        assertThat(features).hasSize(6223 + 20 + 97 + 76 + 41);
        assertThat(features).allSatisfy(f -> {
            assertThat(f.geometry().isValid()).as(f.id()).isTrue();
            assertThat(f.geometry().getSRID()).isEqualTo(4326);
            assertThat(BBOX.contains(f.geometry().getEnvelopeInternal())).as(f.id()).isTrue();
        });
    }
}
