package org.clustergrid.scoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clustergrid.index.Nearest;
import org.clustergrid.index.NearestIndex;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Point;

/**
 * Suspects incomplete road data around a cluster by comparing independent registers with the roads: when most of the
 * register's places near the cluster (finance points and markets from datasets that bring no roads, e.g. a national
 * facility register beside an OSM extract) have no mapped road within the Rural Access distance, the road data, not
 * the places, are probably what is missing — volunteered maps are thinnest where settlements are rural.
 */
final class RoadDataCheck {
    /** How far around the cluster register places are compared. */
    static final double RADIUS_M = 10_000;
    /** Fewest register places for a verdict: below it a share means little. */
    static final int MIN_PLACES = 5;
    /** Share of places without a road that raises the flag. */
    static final double SUSPECT_SHARE = 0.5;

    private final NearestIndex<StoredFeature> places;
    private final NearestIndex<StoredFeature> roads;
    private final double roadDistanceM;
    private final Set<String> roadDatasets;

    RoadDataCheck(ScoringData data, NearestIndex<StoredFeature> motorableRoads, double roadDistanceM) {
        this.roadDatasets = new HashSet<>();
        data.roads().forEach(f -> roadDatasets.add(f.datasetId()));
        this.places = NearestIndex.build(register(List.of(data.finance(), data.markets()), roadDatasets),
                f -> f.feature().geometry());
        this.roads = motorableRoads;
        this.roadDistanceM = roadDistanceM;
    }

    private RoadDataCheck(RoadDataCheck base, NearestIndex<StoredFeature> places) {
        this(places, base.roads, base.roadDistanceM, base.roadDatasets);
    }

    private RoadDataCheck(NearestIndex<StoredFeature> places, NearestIndex<StoredFeature> roads, double roadDistanceM,
            Set<String> roadDatasets) {
        this.places = places;
        this.roads = roads;
        this.roadDistanceM = roadDistanceM;
        this.roadDatasets = roadDatasets;
    }

    /**
     * This check, made on {@code before}, against other motorable roads, with {@code addedRoads} besides the roads
     * before: the register's places kept unless an added road comes from a dataset that brought
     * places (they leave the register then, and it is made again). Places added since join by
     * {@link #plus}, which leaves those of the added roads' datasets out.
     */
    RoadDataCheck withRoads(ScoringData before, NearestIndex<StoredFeature> motorableRoads,
            List<StoredFeature> addedRoads) {
        Set<String> datasets = new HashSet<>(roadDatasets);
        addedRoads.forEach(f -> datasets.add(f.datasetId()));
        for (List<StoredFeature> layer : List.of(before.finance(), before.markets())) {
            for (StoredFeature f : layer) {
                if (datasets.contains(f.datasetId()) && !roadDatasets.contains(f.datasetId())) {
                    return new RoadDataCheck(NearestIndex.build(register(List.of(before.finance(),
                            before.markets()), datasets), place -> place.feature().geometry()), motorableRoads,
                            roadDistanceM, datasets);
                }
            }
        }
        return new RoadDataCheck(places, motorableRoads, roadDistanceM, datasets);
    }

    /**
     * This check with finance points and markets added and the roads unchanged: the register's index plus those of
     * them from datasets that bring no roads (a verdict counts places, so where they come in the index is no matter).
     */
    RoadDataCheck plus(List<StoredFeature> finance, List<StoredFeature> markets) {
        List<StoredFeature> added = register(List.of(finance, markets), roadDatasets);
        return added.isEmpty() ? this : new RoadDataCheck(this, places.plus(added, f -> f.feature().geometry()));
    }

    /** The places of these layers from datasets that bring no roads (none of {@code roadDatasets}). */
    private static List<StoredFeature> register(List<List<StoredFeature>> layers, Set<String> roadDatasets) {
        List<StoredFeature> register = new ArrayList<>();
        for (List<StoredFeature> layer : layers) {
            for (StoredFeature f : layer) {
                if (!roadDatasets.contains(f.datasetId())) {
                    register.add(f);
                }
            }
        }
        return register;
    }

    /** The flag for a point inside the roads' coverage, if the registers around it suggest missing roads. */
    Optional<QualityFlag> check(Point at) {
        if (places.isEmpty() || roads.isEmpty()) {
            return Optional.empty();
        }
        List<Nearest<StoredFeature>> near = places.within(at, RADIUS_M);
        if (near.size() < MIN_PLACES) {
            return Optional.empty();
        }
        int without = 0;
        for (Nearest<StoredFeature> n : near) {
            Optional<Nearest<StoredFeature>> road = roads.nearest(n.item().feature().geometry());
            if (road.isEmpty() || road.get().metres() > roadDistanceM) {
                without++;
            }
        }
        if (without < SUSPECT_SHARE * near.size()) {
            return Optional.empty();
        }
        return Optional.of(new QualityFlag("road_data_suspect", String.format(java.util.Locale.ROOT,
                "%d of the %d register places within %.0f km have no mapped road within %.0f km", without, near.size(),
                RADIUS_M / 1000, roadDistanceM / 1000),
                "The road data look incomplete here: road distances and travel times may be worse than on the ground"));
    }
}
