package org.clustergrid.scoring;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.function.Predicate;
import org.clustergrid.index.NearestIndex;
import org.clustergrid.model.FinancePoint;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.PowerFeature;
import org.clustergrid.model.PowerFeature.PowerKind;
import org.clustergrid.model.Road;
import org.clustergrid.store.StoredFeature;

/**
 * The nearest-feature indexes the indicators query, one per kind of feature. Power lines split by voltage: a line
 * at or above the high-voltage threshold, or an OSM {@code power=line} without a voltage (the tag is for major
 * lines), is high voltage; minor lines, cables and lower-voltage lines are distribution lines.
 */
final class LayerIndexes {
    final NearestIndex<StoredFeature> allSeasonRoads;
    final NearestIndex<StoredFeature> motorableRoads;
    final NearestIndex<StoredFeature> hvLines;
    final NearestIndex<StoredFeature> mvLines;
    final NearestIndex<StoredFeature> substations;
    final NearestIndex<StoredFeature> suppliedPower;
    final NearestIndex<StoredFeature> banks;
    final NearestIndex<StoredFeature> financePoints;
    final NearestIndex<StoredFeature> clusters;
    /** For each position of {@link #clusters}, the cluster's position in the data's clusters. */
    final int[] clusterPositions;
    final boolean hasPower;

    LayerIndexes(ScoringData data, Parameters p) {
        this(null, data, p, null, null);
    }

    /**
     * The indexes of {@code data}; from {@code same}, the indexes of the data before {@code changes} (both null: all
     * built), those of the layers the changes leave as they were, and those of layers with features added only as
     * those indexes {@link NearestIndex#plus plus} the added features (added at the end of their layer, they come
     * after the others in the index too, as in one built anew); the roads' indexes as {@link #roads} says.
     */
    private LayerIndexes(ScoringData before, ScoringData data, Parameters p, LayerIndexes same, DataChanges changes) {
        Predicate<StoredFeature> hv = f -> isLine(f) && isHighVoltage((PowerFeature) f.feature(), p.hvMinVoltage());
        Predicate<StoredFeature> mv = f -> isLine(f) && !isHighVoltage((PowerFeature) f.feature(), p.hvMinVoltage());
        Predicate<StoredFeature> substation = f -> {
            PowerKind k = ((PowerFeature) f.feature()).kind();
            return k == PowerKind.SUBSTATION || k == PowerKind.TRANSFORMER;
        };
        Predicate<StoredFeature> supplied = f -> ((PowerFeature) f.feature()).supplyHours() != null;
        Predicate<StoredFeature> bank = f -> ((FinancePoint) f.feature()).type() == FinanceType.BANK;
        allSeasonRoads = roads(before, data, same == null ? null : same.allSeasonRoads, changes, Road::allSeason);
        motorableRoads = roads(before, data, same == null ? null : same.motorableRoads, changes, Road::motorable);
        int power = same == null ? -1 : changes.addedPower();
        hvLines = extended(same == null ? null : same.hvLines, data.power(), power, hv);
        mvLines = extended(same == null ? null : same.mvLines, data.power(), power, mv);
        substations = extended(same == null ? null : same.substations, data.power(), power, substation);
        suppliedPower = extended(same == null ? null : same.suppliedPower, data.power(), power, supplied);
        int finance = same == null ? -1 : changes.addedFinance();
        banks = extended(same == null ? null : same.banks, data.finance(), finance, bank);
        financePoints = extended(same == null ? null : same.financePoints, data.finance(), finance, f -> true);
        clusters = same == null ? index(data.clusters(), f -> true) : same.clusters;
        clusterPositions = same == null ? positions(clusters, data.clusters()) : same.clusterPositions;
        hasPower = !data.power().isEmpty();
    }

    /**
     * The index of a layer's features that {@code keep} takes: {@code was} when none was added, {@code was} plus those
     * of the last {@code added} features, or (with {@code added} −1) built.
     */
    private static NearestIndex<StoredFeature> extended(NearestIndex<StoredFeature> was, List<StoredFeature> layer,
            int added, Predicate<StoredFeature> keep) {
        if (added < 0) {
            return index(layer, keep);
        }
        List<StoredFeature> kept = layer.subList(layer.size() - added, layer.size()).stream().filter(keep).toList();
        return kept.isEmpty() ? was : was.plus(kept, f -> f.feature().geometry());
    }

    /** These indexes with the clusters' built again over {@code clusters}: the other layers are as they were. */
    private LayerIndexes(LayerIndexes same, List<StoredFeature> clusters) {
        allSeasonRoads = same.allSeasonRoads;
        motorableRoads = same.motorableRoads;
        hvLines = same.hvLines;
        mvLines = same.mvLines;
        substations = same.substations;
        suppliedPower = same.suppliedPower;
        banks = same.banks;
        financePoints = same.financePoints;
        this.clusters = index(clusters, f -> true);
        clusterPositions = positions(this.clusters, clusters);
        hasPower = same.hasPower;
    }

    /** The indexes of the same layers with other clusters (the register edited). */
    LayerIndexes withClusters(List<StoredFeature> clusters) {
        return new LayerIndexes(this, clusters);
    }

    /** The indexes of {@code after}, {@code before} (these indexes' data) with {@code changes}: only what changed. */
    LayerIndexes derive(ScoringData before, ScoringData after, Parameters p, DataChanges changes) {
        return new LayerIndexes(before, after, p, this, changes);
    }

    /**
     * The index of the roads {@code kind} takes. With upgrades (each road's geometry the same) and roads added at the
     * end: {@code was} when no upgraded road changes kind and none added is of the kind, else {@code was} plus those
     * that join it when none leaves it (placed among the others by their position in the roads, as in an index built
     * anew), else built anew; built anew too with no {@code was}, or when {@code was} has roads added already. An
     * upgraded road that stays in the index stays as it was there: its id, name and geometry, all a query answers
     * with, are the same.
     */
    private static NearestIndex<StoredFeature> roads(ScoringData before, ScoringData data,
            NearestIndex<StoredFeature> was, DataChanges changes, Predicate<Road> kind) {
        Predicate<StoredFeature> keep = f -> kind.test((Road) f.feature());
        if (was == null || was.extended()) {
            return index(data.roads(), keep);
        }
        List<Integer> upgraded = changes.upgradedRoads().stream().sorted().toList();
        List<StoredFeature> joining = new ArrayList<>();
        Map<StoredFeature, Integer> positions = new IdentityHashMap<>();
        for (int i : upgraded) {
            boolean wasIn = keep.test(before.roads().get(i));
            boolean isIn = keep.test(data.roads().get(i));
            if (wasIn && !isIn) {
                return index(data.roads(), keep);
            }
            if (isIn && !wasIn) {
                joining.add(data.roads().get(i));
                positions.put(data.roads().get(i), i);
            }
        }
        for (int i = before.roads().size(); i < data.roads().size(); i++) {
            if (keep.test(data.roads().get(i))) {
                joining.add(data.roads().get(i));
                positions.put(data.roads().get(i), i);
            }
        }
        if (joining.isEmpty()) {
            return was;
        }
        // the roads' positions, for ties only: found when first asked
        ToIntFunction<StoredFeature> order = new ToIntFunction<>() {
            private volatile Map<StoredFeature, Integer> all;

            @Override
            public int applyAsInt(StoredFeature f) {
                Map<StoredFeature, Integer> m = all;
                if (m == null) {
                    m = new IdentityHashMap<>(positions);
                    for (int i = 0; i < before.roads().size(); i++) {
                        m.putIfAbsent(before.roads().get(i), i);
                    }
                    all = m;
                }
                return m.get(f);
            }
        };
        return was.plus(joining, f -> f.feature().geometry(), order);
    }

    /** Whether an index that was empty here holds features in {@code other}: a kind the data lacked now exists. */
    boolean gainsKind(LayerIndexes other) {
        return gains(allSeasonRoads, other.allSeasonRoads) || gains(motorableRoads, other.motorableRoads)
                || gains(hvLines, other.hvLines) || gains(mvLines, other.mvLines)
                || gains(substations, other.substations) || gains(suppliedPower, other.suppliedPower)
                || gains(banks, other.banks) || gains(financePoints, other.financePoints) || hasPower != other.hasPower;
    }

    private static boolean gains(NearestIndex<StoredFeature> was, NearestIndex<StoredFeature> now) {
        return was.isEmpty() != now.isEmpty();
    }

    private static boolean isLine(StoredFeature f) {
        return ((PowerFeature) f.feature()).kind().isLinear();
    }

    static boolean isHighVoltage(PowerFeature line, double hvMin) {
        Integer v = line.maxVoltage();
        if (v == null) {
            return line.kind() == PowerKind.LINE;
        }
        return v >= hvMin;
    }

    /** For each position of the index, the position of its item in {@code list}. */
    static int[] positions(NearestIndex<StoredFeature> index, List<StoredFeature> list) {
        Map<StoredFeature, Integer> at = new IdentityHashMap<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            at.put(list.get(i), i);
        }
        int[] out = new int[index.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = at.get(index.item(i));
        }
        return out;
    }

    private static NearestIndex<StoredFeature> index(List<StoredFeature> features, Predicate<StoredFeature> keep) {
        List<StoredFeature> kept = new ArrayList<>();
        for (StoredFeature f : features) {
            if (keep.test(f)) {
                kept.add(f);
            }
        }
        return NearestIndex.build(kept, f -> f.feature().geometry());
    }
}
