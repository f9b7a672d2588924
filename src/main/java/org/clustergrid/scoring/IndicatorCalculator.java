package org.clustergrid.scoring;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.clustergrid.index.Nearest;
import org.clustergrid.index.NearestIndex;
import org.clustergrid.model.FinancePoint;
import org.clustergrid.model.Layer;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.PowerFeature;
import org.clustergrid.network.Snap;
import org.clustergrid.network.TravelTimes;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** Computes every indicator of one footprint (a cluster's point or polygon, or any point or polygon asked about). */
final class IndicatorCalculator {
    /** Most sample points used to measure the share of a polygon near an all-season road. */
    private static final int ACCESS_SAMPLES = 64;

    private final ScoringProfile profile;
    private final Parameters p;
    private final LayerIndexes idx;
    private final NetworkAccess network;
    private final E2sfca e2sfca;
    private final Availability availability;

    IndicatorCalculator(ScoringProfile profile, LayerIndexes idx, NetworkAccess network, E2sfca e2sfca,
            Availability availability) {
        this.profile = profile;
        this.availability = availability;
        this.p = profile.parameters();
        this.idx = idx;
        this.network = network;
        this.e2sfca = e2sfca;
    }

    Map<Indicator, IndicatorResult> compute(Geometry footprint) {
        return compute(footprint, null, null);
    }

    /**
     * @param knownPotential the footprint's market potential and number of markets, when already computed for all
     *     clusters at once ({@link MarketPotentials}); null to compute it here
     * @param cluster the cluster of the data this footprint is, whose E2SFCA access was summed with the supply
     *     ratios; null for any other footprint
     */
    Map<Indicator, IndicatorResult> compute(Geometry footprint, double[] knownPotential, StoredFeature cluster) {
        return measure(footprint, knownPotential, cluster, Measures.ALL, Map.of());
    }

    /**
     * Measures only the {@link Measures parts} in {@code parts} and takes every other indicator from {@code kept},
     * the footprint's results on data that differ only in what those parts are measured by.
     *
     * @param knownPotential as for {@link #compute(Geometry, double[], StoredFeature)}, when the potential is measured
     */
    Map<Indicator, IndicatorResult> measure(Geometry footprint, double[] knownPotential, StoredFeature cluster,
            int parts, Map<Indicator, IndicatorResult> kept) {
        Map<Indicator, IndicatorResult> r = new EnumMap<>(Indicator.class);
        Point at = Features.representative(footprint);
        // what cannot be known here is settled first; the measurements below only fill what is left
        Set<Layer> covering = availability.covering(at.getCoordinate());
        for (Indicator i : Indicator.values()) {
            if (!Measures.of(i).in(parts)) {
                IndicatorResult k = kept.get(i);
                if (k != null) {
                    r.put(i, k);
                }
                continue;
            }
            Missing m = availability.check(i, covering);
            if (m != null) {
                r.put(i, new IndicatorResult(i, null, null, null, Map.of(), m));
            }
        }
        if (Measures.ALL_SEASON_ROADS.in(parts)) {
            allSeasonRoads(footprint, r);
        }
        if (Measures.MOTORABLE_ROADS.in(parts)) {
            motorableRoads(footprint, at, r);
        }
        if (Measures.POWER.in(parts)) {
            power(footprint, r);
        }
        // a finance layer that is empty or does not cover the place leaves every finance count unknown
        boolean financeSettled = idx.financePoints.isEmpty()
                || availability.check(Indicator.FINANCE_POINTS_NEARBY, covering) != null;
        if (Measures.FINANCE_NEAR.in(parts)) {
            financeNear(footprint, cluster, financeSettled, r);
        }
        boolean searches = Measures.FINANCE_REACH.in(parts) || Measures.POTENTIAL.in(parts);
        if (!searches && !Measures.TIERS.in(parts)) {
            return r;
        }
        // a place the road data do not cover is not snapped at all: the nearest road there belongs to another region
        boolean roadsHere = availability.check(Indicator.ROAD_DENSITY, covering) == null;
        Snap snap = roadsHere ? network.snap(at) : null;
        boolean offNetwork = snap != null && !snap.onNetwork();
        if (offNetwork) {
            // what lies within a walk is still measured (a market across the field); sums over the network are not
            for (Indicator i : List.of(Indicator.FINANCE_POINTS_REACHABLE, Indicator.MARKET_POTENTIAL)) {
                if (Measures.of(i).in(parts)) {
                    missing(r, i, Missing.Reason.OFF_NETWORK, offNetworkReason());
                }
            }
        }
        boolean withPotential = Measures.POTENTIAL.in(parts) && knownPotential == null;
        NetworkAccess.Reach reach = !searches || snap == null || offNetwork ? null : network.reach(snap, withPotential);
        if (Measures.FINANCE_REACH.in(parts) && !financeSettled && reach != null) {
            put(r, Indicator.FINANCE_POINTS_REACHABLE, (double) reach.financeCount(), null,
                    Map.of("by_type", reach.financeByType(), "travel_s", p.financeTravelSeconds()));
        }
        if (Measures.TIERS.in(parts)) {
            tiers(at, snap, r);
        }
        if (Measures.POTENTIAL.in(parts) && reach != null) {
            double[] potential = knownPotential != null ? knownPotential
                    : new double[] {reach.marketPotential(), reach.marketsReached()};
            put(r, Indicator.MARKET_POTENTIAL, potential[0], null, Map.of("markets", (int) potential[1],
                    "half_life_s", p.gravityHalfLifeSeconds(), "cutoff_s", p.gravityCutoffSeconds()));
        }
        return r;
    }

    private String offNetworkReason() {
        return offNetworkReason(p);
    }

    /** Why a travel time or a count over the network is unknown at a place with no road within the off-road limit. */
    static String offNetworkReason(Parameters p) {
        return "farther than " + Math.round(p.maxOffRoadM() / 1000) + " km from any road, with nothing of the kind"
                + " within a walk: no travel time over the network means anything here";
    }

    private static void missing(Map<Indicator, IndicatorResult> r, Indicator i, Missing.Reason reason, String why) {
        r.putIfAbsent(i, IndicatorResult.missing(i, reason, why));
    }

    private void motorableRoads(Geometry g, Point at, Map<Indicator, IndicatorResult> r) {
        distance(Indicator.ROAD_MOTORABLE_DISTANCE, idx.motorableRoads, g, r);
        if (idx.motorableRoads.isEmpty()) {
            missing(r, Indicator.ROAD_DENSITY, Missing.Reason.EMPTY_LAYER, "no motorable road in the data");
        } else if (!r.containsKey(Indicator.ROAD_DENSITY)) {
            double radius = p.roadDensityRadiusM();
            double km = idx.motorableRoads.lineLengthWithin(at, radius) / 1000;
            double density = km / (Math.PI * radius * radius / 1e6);
            put(r, Indicator.ROAD_DENSITY, density, null, Map.of("radius_m", radius, "road_km", km));
        }
    }

    private void allSeasonRoads(Geometry g, Map<Indicator, IndicatorResult> r) {
        distance(Indicator.ROAD_ALL_SEASON_DISTANCE, idx.allSeasonRoads, g, r);
        if (idx.allSeasonRoads.isEmpty()) {
            missing(r, Indicator.RURAL_ACCESS, Missing.Reason.EMPTY_LAYER, "no all-season road in the data");
        } else if (!r.containsKey(Indicator.RURAL_ACCESS)) {
            List<Point> samples = samples(g);
            int near = 0;
            for (Point s : samples) {
                // only whether one lies that near matters: the search need not go farther
                if (idx.allSeasonRoads.nearest(s, p.ruralAccessDistanceM()).isPresent()) {
                    near++;
                }
            }
            put(r, Indicator.RURAL_ACCESS, (double) near / samples.size(), null,
                    Map.of("samples", samples.size(), "distance_m", p.ruralAccessDistanceM()));
        }
    }

    /** The point itself, or up to {@value #ACCESS_SAMPLES} points of a regular grid inside a polygon. */
    private static List<Point> samples(Geometry g) {
        if (g instanceof Point pt) {
            return List.of(pt);
        }
        Envelope e = g.getEnvelopeInternal();
        int side = (int) Math.ceil(Math.sqrt(ACCESS_SAMPLES));
        List<Point> out = new java.util.ArrayList<>();
        var prepared = org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(g);
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                double x = e.getMinX() + (i + 0.5) * e.getWidth() / side;
                double y = e.getMinY() + (j + 0.5) * e.getHeight() / side;
                Point s = g.getFactory().createPoint(new Coordinate(x, y));
                if (prepared.contains(s)) {
                    out.add(s);
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Features.representative(g));
        }
        return out;
    }

    private void power(Geometry g, Map<Indicator, IndicatorResult> r) {
        Optional<Nearest<StoredFeature>> hv = distance(Indicator.POWER_HV_DISTANCE, idx.hvLines, g, r);
        Optional<Nearest<StoredFeature>> mv = distance(Indicator.POWER_MV_DISTANCE, idx.mvLines, g, r);
        Optional<Nearest<StoredFeature>> sub = distance(Indicator.POWER_SUBSTATION_DISTANCE, idx.substations, g, r);
        if (!idx.hasPower) {
            missing(r, Indicator.GRID_SERVED, Missing.Reason.EMPTY_LAYER, "no electricity network in the data");
        } else {
            boolean served = within(sub, p.gridServedTransformerM()) || within(mv, p.gridServedMvM())
                    || within(hv, p.gridServedHvM());
            put(r, Indicator.GRID_SERVED, served ? 1.0 : 0.0, null, Map.of("transformer_m", p.gridServedTransformerM(),
                    "mv_m", p.gridServedMvM(), "hv_m", p.gridServedHvM()));
        }
        if (r.containsKey(Indicator.SUPPLY_HOURS)) {
            return; // not known here: no feature of another region's grid to look for
        }
        // supply hours come from the nearest feature that reports them, if it is close enough to serve the cluster
        Optional<Nearest<StoredFeature>> supplied = idx.suppliedPower.nearest(g)
                .filter(n -> n.metres() <= p.gridServedHvM());
        if (supplied.isEmpty()) {
            missing(r, Indicator.SUPPLY_HOURS, Missing.Reason.NOT_REPORTED, "no grid feature within "
                    + Math.round(p.gridServedHvM() / 1000) + " km reports its hours of supply");
        } else {
            Nearest<StoredFeature> n = supplied.get();
            double hours = ((PowerFeature) n.item().feature()).supplyHours();
            put(r, Indicator.SUPPLY_HOURS, hours, evidence(n, g), Map.of());
        }
    }

    private static boolean within(Optional<Nearest<StoredFeature>> n, double metres) {
        return n.isPresent() && n.get().metres() <= metres;
    }

    private void financeNear(Geometry g, StoredFeature cluster, boolean settled, Map<Indicator, IndicatorResult> r) {
        distance(Indicator.BANK_DISTANCE, idx.banks, g, r);
        if (settled) {
            return;
        }
        List<Nearest<StoredFeature>> nearby = idx.financePoints.within(g, p.financeRadiusM());
        int[] counts = new int[FinanceType.values().length];
        for (Nearest<StoredFeature> n : nearby) {
            counts[((FinancePoint) n.item().feature()).type().ordinal()]++;
        }
        Map<String, Object> byType = new TreeMap<>();
        for (FinanceType t : FinanceType.values()) {
            if (counts[t.ordinal()] > 0) {
                byType.put(t.name().toLowerCase(java.util.Locale.ROOT), counts[t.ordinal()]);
            }
        }
        put(r, Indicator.FINANCE_POINTS_NEARBY, (double) nearby.size(),
                nearby.isEmpty() ? null : evidence(nearby.get(0), g), Map.of("by_type", byType, "radius_m",
                        p.financeRadiusM()));
        double access = cluster != null ? e2sfca.clusterAccess(cluster) : e2sfca.access(g);
        put(r, Indicator.FINANCE_E2SFCA, access, null, Map.of("catchment_m", p.e2sfcaCatchmentM()));
    }

    private void tiers(Point at, Snap snap, Map<Indicator, IndicatorResult> r) {
        for (MarketTier tier : MarketTier.values()) {
            Indicator i = tier.indicator;
            TravelTimes.Arrival a = network.arrival(tier, snap);
            if (a == null && snap != null && !snap.onNetwork()) {
                missing(r, i, Missing.Reason.OFF_NETWORK, offNetworkReason());
            } else if (a == null) {
                missing(r, i, Missing.Reason.NO_MARKET_OF_TIER, "no " + tier.name().toLowerCase(java.util.Locale.ROOT)
                        + " market in the data");
            } else if (!a.reachable()) {
                Missing beyond = availability.unreachable(tier);
                r.putIfAbsent(i, beyond == null ? IndicatorResult.unreachable(i)
                        : new IndicatorResult(i, null, null, null, Map.of(), beyond));
            } else {
                StoredFeature m = network.market(tier, a.source());
                Point mp = Features.representative(m.feature().geometry());
                Evidence e = Features.evidence(m, null, a.seconds(), at.getCoordinate(), mp.getCoordinate());
                put(r, i, a.seconds(), e, Map.of());
            }
        }
    }

    private Optional<Nearest<StoredFeature>> distance(Indicator i, NearestIndex<StoredFeature> index, Geometry g,
            Map<Indicator, IndicatorResult> r) {
        if (index.isEmpty()) {
            missing(r, i, Missing.Reason.EMPTY_LAYER, "none of this kind in the data");
            return Optional.empty();
        }
        if (r.containsKey(i)) {
            return Optional.empty(); // not known here: no nearest feature to speak of
        }
        Optional<Nearest<StoredFeature>> n = index.nearest(g);
        n.ifPresent(x -> put(r, i, x.metres(), evidence(x, g), Map.of()));
        return n;
    }

    private static Evidence evidence(Nearest<StoredFeature> n, Geometry from) {
        Coordinate start = nearestVertexTowards(from, n.closest());
        return Features.evidence(n.item(), n.metres(), null, start, n.closest());
    }

    /** Where the evidence line starts: the point itself, or the footprint's point nearest to the feature. */
    private static Coordinate nearestVertexTowards(Geometry from, Coordinate to) {
        if (from instanceof Point p) {
            return p.getCoordinate();
        }
        var op = new org.locationtech.jts.operation.distance.DistanceOp(from, from.getFactory().createPoint(to));
        return op.nearestPoints()[0];
    }

    private void put(Map<Indicator, IndicatorResult> r, Indicator i, double value, Evidence e,
            Map<String, Object> details) {
        double score = profile.indicators().get(i).curve().score(value);
        r.putIfAbsent(i, new IndicatorResult(i, value, score, e, details));
    }
}
