package org.clustergrid.surface;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clustergrid.surface.Regions.Region;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** Grouping clusters into regions: the link distance, chains, merged overlapping grids, order and names. */
class RegionsTest {
    static Envelope point(double lon, double lat) {
        return new Envelope(lon, lon, lat, lat);
    }

    /** A point {@code km} east of (lon, lat) on the equirectangular plane. */
    static Envelope east(double lon, double lat, double km) {
        return point(lon + km * 1000 / (Math.PI * 6_378_137 / 180 * Math.cos(Math.toRadians(lat))), lat);
    }

    @Test
    void clustersWithinTheLinkDistanceShareARegionAndFartherOnesDoNot() {
        List<Region> regions = Regions.of(List.of(point(10, 45), east(10, 45, 49), east(10, 45, 49 + 51)));
        assertThat(regions).hasSize(2);
        assertThat(regions.get(0).clusterCount()).isEqualTo(2);
        assertThat(regions.get(1).clusterCount()).isEqualTo(1);
        assertThat(Regions.near(point(10, 45), east(10, 45, 49.9), Regions.LINK_METRES)).isTrue();
        assertThat(Regions.near(point(10, 45), east(10, 45, 50.1), Regions.LINK_METRES)).isFalse();
        // footprints count by their boxes: a 40 km wide area reaches a point 45 km beyond its west edge
        Envelope area = new Envelope(east(10, 45, 0).getMinX(), east(10, 45, 40).getMaxX(), 44.9, 45.1);
        assertThat(Regions.of(List.of(area, east(10, 45, 85)))).hasSize(1);
    }

    @Test
    void chainsLinkAndRegionsAreOrderedWestToEast() {
        List<Envelope> boxes = new ArrayList<>();
        // a chain of clusters 30 km apart over 300 km, listed east to west, and one lone cluster 2,000 km west
        for (int k = 10; k >= 0; k--) {
            boxes.add(east(20, 0, 30 * k));
        }
        boxes.add(point(2, 0));
        List<Region> regions = Regions.of(boxes);
        assertThat(regions).extracting(Region::id).containsExactly("r0", "r1");
        assertThat(regions).extracting(Region::index).containsExactly(0, 1);
        assertThat(regions.get(0).clusterCount()).isEqualTo(1);
        assertThat(regions.get(1).clusterCount()).isEqualTo(11);
        // each grid is sized to its own region: the lone cluster at the finest side, the chain coarser
        assertThat(regions.get(0).grid().sideMetres()).isEqualTo(HexGrid.MIN_SIDE_METRES);
        assertThat(regions.get(1).grid().sideMetres()).isGreaterThan(HexGrid.MIN_SIDE_METRES).isLessThan(3_000);
    }

    @Test
    void regionsWhoseGridsWouldOverlapAreMergedSoNoPlaceHasTwoHexagons() {
        // two 600 km wide regions 60 km apart: too far to link, but each grid's margin (a tenth of 600 km) reaches
        // over the gap
        Envelope west = new Envelope(east(0, 0, 0).getMinX(), east(0, 0, 600).getMaxX(), 0, 0.1);
        Envelope eastBox = new Envelope(east(0, 0, 660).getMinX(), east(0, 0, 1260).getMaxX(), 0, 0.1);
        assertThat(Regions.near(west, eastBox, Regions.LINK_METRES)).isFalse();
        List<Region> regions = Regions.of(List.of(west, eastBox));
        assertThat(regions).hasSize(1);
        assertThat(regions.get(0).clusterCount()).isEqualTo(2);
        assertThat(regions.get(0).clusters().covers(west)).isTrue();
        assertThat(regions.get(0).clusters().covers(eastBox)).isTrue();
    }

    @Test
    void noClustersNoRegions() {
        assertThat(Regions.of(List.of())).isEmpty();
    }
}
