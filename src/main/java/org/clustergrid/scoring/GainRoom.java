package org.clustergrid.scoring;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.clustergrid.model.Road;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.store.StoredFeature;

/**
 * The clusters whose gap some changes can move, among those they reach. Changes that only improve — features added,
 * roads made faster and never less paved, all-season or motorable — can only raise the scores of indicators that stay
 * known (every curve rises with access), and an indicator known before stays known. So a cluster all of whose parts
 * to measure again lie in dimensions already at their target, every indicator of those parts known, keeps a gap of 0
 * there under any weights: a portfolio need not measure it. The quality flags move no gap; layer indicators, whose
 * dimension the profile chooses, are always measured. For the same reason a cluster that can gain need not measure again
 * the parts of its dimensions at their target.
 */
final class GainRoom {
    private GainRoom() {}

    /**
     * Of the clusters in {@code rescored} that can gain, by position, the parts with room to gain ({@link
     * #roomToGain}); null when some change may worsen a score, so every part of every one may move the gap.
     *
     * @param parts each re-measured cluster's parts, by id ({@link Measures} bits)
     * @param rescored the clusters the changes reach
     */
    static Map<Integer, Integer> room(ScoringData before, ScoringData after, Map<String, Integer> parts,
            ScoringRun run, SpeedProfile speeds, BitSet rescored) {
        if (!improvesOnly(before, after, speeds)) {
            return null;
        }
        Map<Integer, Integer> out = new java.util.HashMap<>();
        List<StoredFeature> clusters = after.clusters();
        for (int c = rescored.nextSetBit(0); c >= 0; c = rescored.nextSetBit(c + 1)) {
            Integer bits = parts.get(clusters.get(c).layerId());
            int room = bits == null ? Measures.ALL : roomToGain(run.ranked().get(c).score(), bits);
            if (room != 0) {
                out.put(c, room);
            }
        }
        return out;
    }

    /**
     * Of the parts {@code bits}, those whose dimension has room to gain: all but the flags (they move no gap) and each
     * part whose indicators are all known in a dimension already at its target (it stays there). Layer indicators,
     * whose dimension the profile chooses, always have room.
     */
    static int roomToGain(ClusterScore s, int bits) {
        int out = bits & ~Measures.FLAGS.bit();
        for (Measures m : Measures.values()) {
            if (m != Measures.LAYERS && m.in(out) && atTarget(s, m)) {
                out &= ~m.bit();
            }
        }
        return out;
    }

    private static boolean atTarget(ClusterScore s, Measures m) {
        for (Indicator i : Indicator.values()) {
            if (Measures.of(i) != m) {
                continue;
            }
            IndicatorResult r = s.indicators().get(i);
            Double gap = s.gaps().get(i.dimension());
            if (r == null || !r.known() || gap == null || gap != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether every upgraded road is at least as fast, paved, all-season and motorable as it was. */
    private static boolean improvesOnly(ScoringData before, ScoringData after, SpeedProfile speeds) {
        for (int i = 0; i < before.roads().size(); i++) {
            StoredFeature was = before.roads().get(i);
            StoredFeature now = after.roads().get(i);
            if (was == now) {
                continue;
            }
            Road a = (Road) was.feature();
            Road b = (Road) now.feature();
            if (b.motorable() != a.motorable() || (a.allSeason() && !b.allSeason())
                    || (a.paving() == Road.Paving.PAVED && b.paving() != Road.Paving.PAVED)
                    || speeds.routable(a) != speeds.routable(b)
                    || speeds.metresPerSecond(b.roadClass(), b.paving())
                            < speeds.metresPerSecond(a.roadClass(), a.paving())) {
                return false;
            }
        }
        return after.roads().size() == before.roads().size();
    }
}
