package org.clustergrid.portfolio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.clustergrid.geo.Geodesic;
import org.clustergrid.index.Nearest;
import org.clustergrid.index.NearestIndex;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.Market;
import org.clustergrid.model.PowerFeature;
import org.clustergrid.model.Road;
import org.clustergrid.scenario.CostProfile;
import org.clustergrid.scenario.Intervention;
import org.clustergrid.scenario.InterventionKind;
import org.clustergrid.scenario.Scenario;
import org.clustergrid.scenario.ScenarioReader;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Candidate projects made from the gaps, for every cluster with a gap in a dimension, highest priority first:
 * <ul>
 *   <li>power: a 33 kV line from the cluster to the nearest point of the nearest power line;</li>
 *   <li>finance: a bank branch and a mobile money agent at the cluster, and a branch at each town with a population
 *       whose E2SFCA catchment holds two or more clusters with a finance gap (one branch they share);</li>
 *   <li>roads: where the nearest all-season road is farther than the Rural Access distance, a new tertiary asphalt
 *       road from the cluster to that road's nearest vertex (where the network joins it), and paving the route to
 *       the all-season network; for a market gap, paving the route to its market ({@link PavingCandidates}).</li>
 * </ul>
 * Only kinds the cost profile has a rate for are made: a candidate without a price cannot be weighed.
 */
public final class CandidateGenerator {
    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);
    static final int LINE_KV = 33;

    /** The candidates made, and the kinds not made for want of a rate. */
    public record Generated(Scenario candidates, List<String> notes) {}

    private CandidateGenerator() {}

    public static Generated generate(ScoringEngine engine, ScoringRun before, CostProfile costs, double ruralAccessM,
            double catchmentM) {
        ScoringData data = engine.data();
        List<String> notes = new ArrayList<>();
        boolean lines = rate(costs, "mv_line_km", "grid extensions", notes);
        boolean banks = rate(costs, "finance_bank", "bank branches", notes);
        boolean agents = rate(costs, "finance_mobile_money_agent", "mobile money agents", notes);
        boolean roads = rate(costs, "new_road_km", "road links", notes);
        PavingCandidates paving = rate(costs, "road_upgrade_km", "paving candidates", notes)
                ? PavingCandidates.of(engine) : null;
        NearestIndex<StoredFeature> power = NearestIndex.build(data.power().stream()
                .filter(f -> ((PowerFeature) f.feature()).kind().isLinear()).toList(), f -> f.feature().geometry());
        NearestIndex<StoredFeature> allSeason = NearestIndex.build(data.roads().stream()
                .filter(f -> ((Road) f.feature()).allSeason()).toList(), f -> f.feature().geometry());
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < data.clusters().size(); c++) {
            if (before.ranked().get(c).score().gap() != null && before.ranked().get(c).score().gap() > 0) {
                order.add(c);
            }
        }
        order.sort(Comparator.comparingDouble((Integer c) -> -measure(before.ranked().get(c).score())));
        List<Intervention> out = new ArrayList<>();
        List<StoredFeature> financeGaps = new ArrayList<>();
        for (int c : order) {
            ClusterScore s = before.ranked().get(c).score();
            Point at = data.clusters().get(c).feature().geometry().getInteriorPoint();
            String id = s.id();
            if (lines && gap(s, Dimension.POWER) && !power.isEmpty()) {
                power.nearest(at).filter(n -> n.metres() > 0 && n.metres() <= ScenarioReader.MAX_LINE_KM * 1000.0)
                        .ifPresent(n -> out.add(new Intervention("grid-" + id, InterventionKind.NEW_POWER_LINE,
                                "33 kV line to " + label(s), line(at.getCoordinate(), n.closest()), null, null,
                                null, LINE_KV, null, null, null, null)));
            }
            if (gap(s, Dimension.FINANCE)) {
                financeGaps.add(data.clusters().get(c));
                if (banks) {
                    out.add(point("bank-" + id, "Bank branch at " + label(s), at, FinanceType.BANK));
                }
                if (agents) {
                    out.add(point("agent-" + id, "Mobile money agent at " + label(s), at,
                            FinanceType.MOBILE_MONEY_AGENT));
                }
            }
            if (roads && gap(s, Dimension.ROADS) && !allSeason.isEmpty()) {
                link(allSeason, at, ruralAccessM).ifPresent(to -> out.add(new Intervention("link-" + id,
                        InterventionKind.NEW_ROAD, "Road link to " + label(s), line(at.getCoordinate(), to), null,
                        "tertiary", "asphalt", null, null, null, null, null)));
            }
            if (paving != null) {
                out.addAll(paving.of(data.clusters().get(c), s, ruralAccessM));
            }
        }
        if (banks) {
            out.addAll(sharedBranches(data, financeGaps, catchmentM));
        }
        if (out.size() > Candidates.MAX) {
            notes.add(out.size() + " candidates made; the first " + Candidates.MAX + " (highest priority first) kept");
        }
        return new Generated(new Scenario("generated", null, out.subList(0, Math.min(out.size(), Candidates.MAX))),
                notes);
    }

    private static boolean rate(CostProfile costs, String key, String what, List<String> notes) {
        if (costs.rates().containsKey(key)) {
            return true;
        }
        notes.add("no " + what + " made: cost profile '" + costs.name() + "' has no rate '" + key + "'");
        return false;
    }

    private static boolean gap(ClusterScore s, Dimension d) {
        Double g = s.gaps().get(d);
        return g != null && g > 0;
    }

    /** The cluster as a candidate's name calls it: its name, else its Cluster Grid ID. */
    static String label(ClusterScore s) {
        return s.name() != null && !s.name().isBlank() ? s.name() : s.id();
    }

    private static double measure(ClusterScore s) {
        return s.priority() != null ? s.priority() : s.gap();
    }

    /** The nearest all-season road's vertex nearest the place, when that road is farther than the Rural Access distance. */
    private static java.util.Optional<Coordinate> link(NearestIndex<StoredFeature> roads, Point at, double minM) {
        java.util.Optional<Nearest<StoredFeature>> n = roads.nearest(at);
        if (n.isEmpty() || n.get().metres() <= minM) {
            return java.util.Optional.empty();
        }
        Coordinate best = null;
        double bestM = Double.POSITIVE_INFINITY;
        for (Coordinate v : n.get().item().feature().geometry().getCoordinates()) {
            double m = Geodesic.distance(at.getX(), at.getY(), v.x, v.y);
            if (m < bestM) {
                bestM = m;
                best = v;
            }
        }
        return bestM <= ScenarioReader.MAX_ROAD_STRETCH_KM * 1000.0 ? java.util.Optional.of(best)
                : java.util.Optional.empty();
    }

    /** A branch at each populated town whose catchment holds two or more clusters with a finance gap. */
    private static List<Intervention> sharedBranches(ScoringData data, List<StoredFeature> gaps, double catchmentM) {
        if (gaps.size() < 2) {
            return List.of();
        }
        NearestIndex<StoredFeature> index = NearestIndex.build(gaps, f -> f.feature().geometry());
        List<Intervention> out = new ArrayList<>();
        for (StoredFeature f : data.markets()) {
            Market m = (Market) f.feature();
            if (m.population() != null && index.within(m.geometry(), catchmentM).size() >= 2) {
                out.add(point("bank-town-" + f.layerId(), "Bank branch at " + m.name() + ", shared",
                        m.geometry(), FinanceType.BANK));
            }
        }
        return out;
    }

    private static Intervention point(String id, String name, Point at, FinanceType type) {
        return new Intervention(id, InterventionKind.FINANCE_POINT, name, GF.createPoint(at.getCoordinate()), null,
                null, null, null, type, null, null, null);
    }

    private static org.locationtech.jts.geom.LineString line(Coordinate from, Coordinate to) {
        return GF.createLineString(new Coordinate[] {new Coordinate(from.x, from.y), new Coordinate(to.x, to.y)});
    }

    /** Where a generated candidate comes from, told by its id. */
    public static String origin(Intervention x) {
        String id = x.id();
        return id.startsWith("grid-") ? "generated: grid extension"
                : id.startsWith("pave-market-") ? "generated: paving the route to the market"
                : id.startsWith("pave-") ? "generated: paving the route to the all-season network"
                : id.startsWith("bank-town-") ? "generated: branch shared by clusters"
                : id.startsWith("bank-") ? "generated: branch at the cluster"
                : id.startsWith("agent-") ? "generated: agent at the cluster" : "generated: road link";
    }
}
