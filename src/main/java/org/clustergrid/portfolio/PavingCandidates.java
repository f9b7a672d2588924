package org.clustergrid.portfolio;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clustergrid.model.Road;
import org.clustergrid.model.RoadRules;
import org.clustergrid.network.RoadGraph;
import org.clustergrid.network.Routes;
import org.clustergrid.network.Snap;
import org.clustergrid.scenario.Intervention;
import org.clustergrid.scenario.InterventionKind;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.Evidence;
import org.clustergrid.scoring.Indicator;
import org.clustergrid.scoring.IndicatorResult;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Paving candidates along clusters' quickest routes, made in priority order:
 * <ul>
 *   <li>to the all-season network, for a cluster with a road gap whose nearest all-season road is beyond the Rural
 *       Access distance: the route to the nearest node of an all-season road, its motorable roads that are not
 *       all-season paved;</li>
 *   <li>to its market, for a cluster with a market gap: the route to the market behind its lowest-scoring market
 *       time, its motorable roads that are not paved paved.</li>
 * </ul>
 * A road goes whole into the first candidate whose route runs along it, and into no later one: no road is paid for
 * twice, and any set of candidates can be applied together. A later route sharing roads with an earlier one is
 * therefore paved only where the earlier leaves off (its gain alone counts only its own roads).
 */
final class PavingCandidates {
    /** The surface a paved road is given: asphalt, as the Rural Access Index counts it all-season. */
    static final String SURFACE = "asphalt";
    /** Longest route to the all-season network searched: beyond it a new link is the project, not paving. */
    static final double ALL_SEASON_CUTOFF_S = 3 * 3600;
    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

    private final ScoringEngine engine;
    private final List<StoredFeature> roads;
    private final RoadGraph graph;
    private final Routes routes;
    private final BitSet allSeasonNodes;
    private final Set<Integer> taken = new HashSet<>();

    /** Null when the engine has no road network. */
    static PavingCandidates of(ScoringEngine engine) {
        return engine.roadGraph() == null ? null : new PavingCandidates(engine);
    }

    private PavingCandidates(ScoringEngine engine) {
        this.engine = engine;
        this.roads = engine.data().roads();
        this.graph = engine.roadGraph();
        this.routes = new Routes(graph);
        this.allSeasonNodes = graph.nodesOnRoads(r -> {
            Road road = road(r);
            return road.allSeason() && RoadRules.isMotorable(road.roadClass());
        });
    }

    /** The paving candidates of one cluster (none, one or two), given in priority order across clusters. */
    List<Intervention> of(StoredFeature cluster, ClusterScore s, double ruralAccessM) {
        List<Intervention> out = new ArrayList<>();
        Snap from = engine.snap(cluster.feature().geometry());
        if (from == null) {
            return out;
        }
        IndicatorResult allSeason = s.indicators().get(Indicator.ROAD_ALL_SEASON_DISTANCE);
        if (gap(s, Dimension.ROADS) && allSeason != null && allSeason.value() != null
                && allSeason.value() > ruralAccessM) {
            routes.toNearest(from, allSeasonNodes, ALL_SEASON_CUTOFF_S)
                    .flatMap(r -> take(r.edges(), road -> !road.allSeason()))
                    .ifPresent(ids -> out.add(upgrade("pave-" + s.id(), "Pave the route from " + CandidateGenerator.label(s)
                            + " to the all-season network", ids)));
        }
        if (gap(s, Dimension.MARKETS)) {
            worstMarket(s).flatMap(e -> routes.to(from, graph.snap(GF.createPoint(e.to())), e.seconds() + 1))
                    .flatMap(r -> take(r.edges(), road -> road.paving() != Road.Paving.PAVED))
                    .ifPresent(ids -> out.add(upgrade("pave-market-" + s.id(), "Pave the route from " + CandidateGenerator.label(s)
                            + " to its market", ids)));
        }
        return out;
    }

    /** The evidence of the lowest-scoring market time that was travelled over the roads. */
    private static Optional<Evidence> worstMarket(ClusterScore s) {
        return s.indicators().values().stream()
                .filter(r -> r.indicator().dimension() == Dimension.MARKETS && r.known() && r.evidence() != null
                        && r.evidence().seconds() != null && r.evidence().to() != null)
                .min(Comparator.comparingDouble(IndicatorResult::score)).map(IndicatorResult::evidence);
    }

    /** The layer ids of the route's motorable roads that {@code pave} picks and no earlier candidate took. */
    private Optional<List<String>> take(int[] edges, java.util.function.Predicate<Road> pave) {
        List<String> ids = new ArrayList<>();
        for (int r : graph.roadsAlong(edges)) {
            Road road = road(r);
            if (pave.test(road) && RoadRules.isMotorable(road.roadClass()) && taken.add(r)) {
                ids.add(roads.get(r).layerId());
            }
        }
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids);
    }

    private Road road(int position) {
        return (Road) roads.get(position).feature();
    }

    private static boolean gap(ClusterScore s, Dimension d) {
        Double g = s.gaps().get(d);
        return g != null && g > 0;
    }

    private static Intervention upgrade(String id, String name, List<String> roadIds) {
        return new Intervention(id, InterventionKind.UPGRADE_ROAD, name, null, roadIds, null, SURFACE, null, null,
                null, null, null);
    }
}
