package org.clustergrid.scoring;

import java.util.ArrayList;
import java.util.List;
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
    final boolean hasPower;

    LayerIndexes(ScoringData data, Parameters p) {
        allSeasonRoads = index(data.roads(), f -> ((Road) f.feature()).allSeason());
        motorableRoads = index(data.roads(), f -> ((Road) f.feature()).motorable());
        hvLines = index(data.power(), f -> isLine(f) && isHighVoltage((PowerFeature) f.feature(), p.hvMinVoltage()));
        mvLines = index(data.power(), f -> isLine(f) && !isHighVoltage((PowerFeature) f.feature(), p.hvMinVoltage()));
        substations = index(data.power(), f -> {
            PowerKind k = ((PowerFeature) f.feature()).kind();
            return k == PowerKind.SUBSTATION || k == PowerKind.TRANSFORMER;
        });
        suppliedPower = index(data.power(), f -> ((PowerFeature) f.feature()).supplyHours() != null);
        banks = index(data.finance(), f -> ((FinancePoint) f.feature()).type() == FinanceType.BANK);
        financePoints = index(data.finance(), f -> true);
        clusters = index(data.clusters(), f -> true);
        hasPower = !data.power().isEmpty();
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
