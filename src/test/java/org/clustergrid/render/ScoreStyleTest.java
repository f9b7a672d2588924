package org.clustergrid.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Typology;
import org.clustergrid.render.Symbol.Marker;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.ScoringRun;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Score styles read the run once per map and follow the supplier to a new run. */
class ScoreStyleTest {
    static final GeometryFactory GF = new GeometryFactory();

    static ScoringRun run(double composite, double roadsGap) {
        Map<Dimension, Double> dims = new EnumMap<>(Dimension.class);
        Map<Dimension, Double> gaps = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            dims.put(d, composite);
            gaps.put(d, d == Dimension.ROADS ? roadsGap : 0.0);
        }
        ClusterScore s = new ClusterScore("CG-XX-000001", "Test", 500, Map.of(), dims, composite, dims, gaps, roadsGap,
                roadsGap * 500, Map.of(), 1, List.of());
        return new ScoringRun("run", Instant.now(), null, null, 1, List.of(new ScoringRun.Ranked(s, 1, 1.0, 1, null)),
                0);
    }

    static Cluster cluster(String id) {
        return new Cluster(id, "c1", "Test", null, null, Typology.UNKNOWN, null, 500, java.util.Set.of(),
                GF.createPoint(new Coordinate(80, 20)), null, Map.of());
    }

    static Color fill(Style style, Cluster c) {
        Color f = ((Marker) style.symbol(c)).fill();
        return new Color(f.getRed(), f.getGreen(), f.getBlue());
    }

    @Test
    void colourFollowsTheSuppliedRunAndUnscoredClustersAreGrey() {
        AtomicReference<ScoringRun> current = new AtomicReference<>(run(10, 90));
        List<Style> styles = ScoreStyle.all(new ScoreLookup(current::get));
        Style composite = styles.stream().filter(s -> s.name().equals("composite")).findFirst().orElseThrow();
        Style roads = styles.stream().filter(s -> s.name().equals("roads_gap")).findFirst().orElseThrow();
        Style bound = composite.resolved();
        assertThat(composite.resolved()).as("one binding per run").isSameAs(bound);
        assertThat(fill(bound, cluster("CG-XX-000001"))).isEqualTo(ScoreClasses.COLOURS[4]);
        assertThat(fill(roads.resolved(), cluster("CG-XX-000001"))).isEqualTo(ScoreClasses.COLOURS[4]);
        assertThat(fill(bound, cluster("CG-XX-000099"))).isEqualTo(ScoreClasses.NO_SCORE);
        assertThat(((Marker) bound.symbol(cluster("CG-XX-000001"))).size()).isEqualTo(ClusterStyle.diameter(500));

        current.set(run(90, 10)); // a new import: a new run
        Style next = composite.resolved();
        assertThat(next).isNotSameAs(bound);
        assertThat(fill(next, cluster("CG-XX-000001"))).isEqualTo(ScoreClasses.COLOURS[0]);
        assertThat(fill(roads, cluster("CG-XX-000001"))).isEqualTo(ScoreClasses.COLOURS[0]);
        assertThat(next.label(cluster("CG-XX-000001"), 100)).isEqualTo("Test");
        assertThat(next.label(cluster("CG-XX-000001"), 1000)).isNull();
        assertThat(next.legend()).extracting(LegendItem::label).contains("0 – 20 · most need", "no score");
    }
}
