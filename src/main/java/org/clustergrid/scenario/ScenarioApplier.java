package org.clustergrid.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clustergrid.geo.Geodesic;
import org.clustergrid.index.Nearest;
import org.clustergrid.index.NearestIndex;
import org.clustergrid.model.FinancePoint;
import org.clustergrid.model.Market;
import org.clustergrid.model.PowerFeature;
import org.clustergrid.model.Road;
import org.clustergrid.model.RoadRules;
import org.clustergrid.scoring.DataChanges;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * Applies a scenario to the data a scoring run reads: upgraded roads replaced by their new selves, new roads, power
 * lines, substations, finance points and markets added as features of the dataset {@code scenario}; and prices each
 * intervention, as entered or from the cost profile. The data's coverage stays that of the data: a new road where no
 * road data are does not make the area's road data complete. Nothing is applied when any intervention cannot be.
 */
public final class ScenarioApplier {
    /** The dataset the scenario's new features belong to. */
    public static final String DATASET = "scenario";
    /** Farthest a new road's nearer end may lie from a road of the data: a link that joins no road serves no one. */
    public static final double MAX_LINK_GAP_M = 500;

    /**
     * An intervention with its price.
     *
     * @param km the length priced (of the roads upgraded, or of the line drawn); null for a point
     * @param basis "entered", or the rate it was priced at with its source
     */
    public record Priced(Intervention intervention, double cost, Double km, String basis) {}

    /** The data with the scenario applied, what differs from the data before, and every intervention priced. */
    public record Applied(ScoringData data, DataChanges changes, List<Priced> priced, String currency) {
        public double totalCost() {
            return priced.stream().mapToDouble(Priced::cost).sum();
        }
    }

    private ScenarioApplier() {}

    /** @throws ScenarioException naming every intervention that cannot be applied or priced, and why */
    public static Applied apply(ScoringData base, Scenario scenario, CostProfile costs) {
        return apply(base, scenario, costs, roadPositions(base));
    }

    /** Each road's position in {@code data} by its layer id, which road upgrades name them by. */
    public static Map<String, Integer> roadPositions(ScoringData data) {
        Map<String, Integer> roadAt = new HashMap<>(data.roads().size() * 2);
        for (int i = 0; i < data.roads().size(); i++) {
            roadAt.put(data.roads().get(i).layerId(), i);
        }
        return roadAt;
    }

    /**
     * As {@link #apply(ScoringData, Scenario, CostProfile)}, with the roads' positions made once for many scenarios
     * on the same data (the candidates of a portfolio, each applied alone).
     *
     * @param roadAt {@link #roadPositions} of {@code base}
     */
    public static Applied apply(ScoringData base, Scenario scenario, CostProfile costs, Map<String, Integer> roadAt) {
        List<String> problems = new ArrayList<>();
        List<StoredFeature> roads = new ArrayList<>(base.roads());
        List<StoredFeature> power = new ArrayList<>(base.power());
        List<StoredFeature> finance = new ArrayList<>(base.finance());
        List<StoredFeature> markets = new ArrayList<>(base.markets());
        NearestIndex<StoredFeature> roadIndex = null;
        Map<String, String> upgradedBy = new HashMap<>();
        List<Priced> priced = new ArrayList<>();
        for (Intervention x : scenario.interventions()) {
            String at = "intervention '" + x.id() + "' (" + x.kind().id() + ")";
            String id = scenario.name() + "/" + x.id();
            Double km = null;
            switch (x.kind()) {
                case UPGRADE_ROAD -> {
                    double metres = 0;
                    for (String roadId : x.roadIds()) {
                        Integer i = roadAt.get(roadId);
                        if (i == null) {
                            problems.add(at + ": no road '" + roadId + "' in the data");
                            continue;
                        }
                        String first = upgradedBy.putIfAbsent(roadId, x.id());
                        if (first != null) {
                            problems.add(at + ": road '" + roadId + "' is upgraded by intervention '" + first
                                    + "' already (it would be paid for twice)");
                            continue;
                        }
                        StoredFeature was = roads.get(i);
                        Road r = (Road) was.feature();
                        roads.set(i, new StoredFeature(was.datasetId(), road(r.id(), x.roadClass() != null
                                ? x.roadClass() : r.roadClass(), x.surface(), r.name(), r.ref(), r.geometry(),
                                upgraded(r.attributes(), x))));
                        metres += length(r.geometry());
                    }
                    km = metres / 1000;
                }
                case NEW_ROAD -> {
                    LineString link = (LineString) x.geometry();
                    if (!joinsARoad(base.roads(), link)) {
                        if (roadIndex == null) { // only to say how far the nearest road is
                            roadIndex = NearestIndex.build(base.roads(), f -> f.feature().geometry());
                        }
                        linkProblem(roadIndex, link, at).ifPresent(problems::add);
                    }
                    roads.add(new StoredFeature(DATASET, road(id, x.roadClass(), x.surface(), x.name(), null,
                            x.geometry(), Map.of())));
                    km = length(x.geometry()) / 1000;
                }
                case NEW_POWER_LINE -> {
                    power.add(new StoredFeature(DATASET, new PowerFeature(id, x.voltageKv() >= CostProfile.HV_KV
                            ? PowerFeature.PowerKind.LINE : PowerFeature.PowerKind.MINOR_LINE, x.name(),
                            List.of(x.voltageKv() * 1000), null, x.supplyHours(), x.geometry(), Map.of())));
                    km = length(x.geometry()) / 1000;
                }
                case NEW_SUBSTATION -> power.add(new StoredFeature(DATASET, new PowerFeature(id,
                        PowerFeature.PowerKind.SUBSTATION, x.name(), x.voltageKv() == null ? List.of()
                        : List.of(x.voltageKv() * 1000), null, x.supplyHours(), x.geometry(), Map.of())));
                case FINANCE_POINT -> finance.add(new StoredFeature(DATASET, new FinancePoint(id, x.financeType(),
                        x.name(), null, (Point) x.geometry(), Map.of())));
                case MARKET -> markets.add(new StoredFeature(DATASET, new Market(id, x.marketKind(), x.name(),
                        x.population(), (Point) x.geometry(), Map.of())));
            }
            price(x, km, costs, at, problems).ifPresent(priced::add);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException("scenario '" + scenario.name() + "' cannot be applied", problems);
        }
        ScoringData data = new ScoringData(base.dataVersion(), base.clusters(), roads, power, finance, markets,
                base.coverages());
        List<Integer> upgraded = upgradedBy.keySet().stream().map(roadAt::get).sorted().toList();
        DataChanges changes = new DataChanges(upgraded, roads.size() - base.roads().size(),
                power.size() - base.power().size(), finance.size() - base.finance().size(),
                markets.size() - base.markets().size());
        return new Applied(data, changes, priced, costs.currency());
    }

    /** A road as the importer makes one: paving, all-season and motorable follow from class and surface. */
    private static Road road(String id, String roadClass, String surface, String name, String ref, Geometry g,
            Map<String, Object> attributes) {
        Road.Paving paving = RoadRules.pavingOf(surface, null, null);
        return new Road(id, roadClass, surface, paving, RoadRules.isAllSeason(roadClass, paving),
                RoadRules.isMotorable(roadClass), name, ref, g, attributes);
    }

    /**
     * A road's source attributes with the ones the upgrade supersedes brought up to date: OSM's {@code surface} and
     * {@code highway} set, {@code tracktype} and {@code smoothness} (which spoke of the old surface) dropped.
     */
    private static Map<String, Object> upgraded(Map<String, Object> attributes, Intervention x) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(attributes);
        out.remove("tracktype");
        out.remove("smoothness");
        if (out.containsKey("surface")) {
            out.put("surface", x.surface());
        }
        if (x.roadClass() != null && out.containsKey("highway")) {
            out.put("highway", x.roadClass());
        }
        return out;
    }

    /**
     * Whether an end of the link lies within {@value #MAX_LINK_GAP_M} m of a road: measured against the few roads
     * whose box comes that near, not an index of every road (a region has a million road segments).
     */
    private static boolean joinsARoad(List<StoredFeature> roads, LineString link) {
        // around each end, degrees that span at least the gap: 1° of latitude is over 110 km, of longitude shrinks
        // with it
        List<org.locationtech.jts.geom.Envelope> around = new ArrayList<>();
        for (Point end : List.of(link.getStartPoint(), link.getEndPoint())) {
            double dLat = MAX_LINK_GAP_M * 1.01 / 110_000;
            double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(Math.min(89.9, Math.abs(end.getY()) + 1))));
            org.locationtech.jts.geom.Envelope box = new org.locationtech.jts.geom.Envelope(end.getCoordinate());
            box.expandBy(dLon, dLat);
            around.add(box);
        }
        List<StoredFeature> near = new ArrayList<>();
        for (StoredFeature f : roads) {
            org.locationtech.jts.geom.Envelope box = f.feature().geometry().getEnvelopeInternal();
            if (around.stream().anyMatch(box::intersects)) {
                near.add(f);
            }
        }
        return !near.isEmpty() && linkProblem(NearestIndex.build(near, f -> f.feature().geometry()), link, "")
                .isEmpty();
    }

    private static Optional<String> linkProblem(NearestIndex<StoredFeature> roads, LineString line, String at) {
        if (roads.isEmpty()) {
            return Optional.of(at + ": the data have no road for it to join");
        }
        double nearest = Double.POSITIVE_INFINITY;
        for (Point end : List.of(line.getStartPoint(), line.getEndPoint())) {
            nearest = Math.min(nearest, roads.nearest(end).map(Nearest::metres).orElse(Double.POSITIVE_INFINITY));
        }
        return nearest <= MAX_LINK_GAP_M ? Optional.empty() : Optional.of(String.format(Locale.ROOT, "%s: neither end"
                + " lies within %.0f m of a road of the data (the nearer is %.1f km away): a link that joins no road"
                + " serves no one", at, MAX_LINK_GAP_M, nearest / 1000));
    }

    private static Optional<Priced> price(Intervention x, Double km, CostProfile costs, String at,
            List<String> problems) {
        Optional<Priced> p = price(x, km, costs);
        if (p.isEmpty()) {
            problems.add(at + ": no cost entered, and cost profile '" + costs.name() + "' has no rate '"
                    + CostProfile.rateKey(x) + "': enter its cost, or add the rate with its source");
        }
        return p;
    }

    /**
     * An intervention priced as {@link #apply} prices it: its cost as entered, else from the profile's rate (per
     * {@code km} for a line or road upgrade); empty when it has no cost and the profile no rate for it.
     */
    public static Optional<Priced> price(Intervention x, Double km, CostProfile costs) {
        if (x.cost() != null) {
            return Optional.of(new Priced(x, x.cost(), km, "entered"));
        }
        String key = CostProfile.rateKey(x);
        CostProfile.Rate rate = costs.rates().get(key);
        if (rate == null) {
            return Optional.empty();
        }
        double cost = km == null ? rate.value() : rate.value() * km;
        String basis = km == null ? String.format(Locale.ROOT, "%s: %,.0f %s each (%s)", key, rate.value(),
                costs.currency(), rate.source()) : String.format(Locale.ROOT, "%s: %,.3f km × %,.0f %s/km (%s)", key,
                km, rate.value(), costs.currency(), rate.source());
        return Optional.of(new Priced(x, cost, km, basis));
    }

    /**
     * Geodesic length in km of lines (a new line, or the roads an upgrade names, each summed in turn), to the last bit
     * as {@link #apply} measures what it prices.
     */
    public static double kilometres(List<? extends Geometry> lines) {
        double metres = 0;
        for (Geometry g : lines) {
            metres += length(g);
        }
        return metres / 1000;
    }

    /** Geodesic length (m) of a line's vertices in order. */
    private static double length(Geometry g) {
        double metres = 0;
        for (int p = 0; p < g.getNumGeometries(); p++) {
            Coordinate[] c = g.getGeometryN(p).getCoordinates();
            for (int i = 1; i < c.length; i++) {
                metres += Geodesic.distance(c[i - 1].x, c[i - 1].y, c[i].x, c[i].y);
            }
        }
        return metres;
    }
}
