package org.clustergrid.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clustergrid.regions.RegionSummary;
import org.clustergrid.regions.Stats;
import org.clustergrid.scoring.Dimension;

/** A region's summary as JSON, and as the flat properties a choropleth reads. Unknown figures are null, never 0. */
final class RegionJson {
    private RegionJson() {}

    static Map<String, Object> of(RegionSummary r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fid", r.fid());
        m.put("name", r.name());
        m.put("clusters", r.clusters());
        m.put("scored", r.scored());
        m.put("firms", r.firmsKnown() == 0 ? null : r.firms());
        m.put("firmsKnownFor", r.firmsKnown());
        m.put("employment", r.employmentKnown() == 0 ? null : r.employment());
        m.put("employmentKnownFor", r.employmentKnown());
        m.put("composite", stats(r.composite()));
        m.put("gap", stats(r.gap()));
        Map<String, Object> dims = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("score", stats(r.dimensions().get(d)));
            dm.put("shareShortOfTarget", round(r.gapShare().get(d), 3));
            dims.put(d.id(), dm);
        }
        m.put("dimensions", dims);
        m.put("topPriorities", r.top());
        m.put("attributes", r.attributes());
        return m;
    }

    /** Figures to two decimals, as the scores are given; null stays null (nothing known). */
    static Map<String, Object> stats(Stats s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", s.n());
        m.put("mean", round(s.mean(), 2));
        m.put("min", round(s.min(), 2));
        m.put("p25", round(s.p25(), 2));
        m.put("median", round(s.median(), 2));
        m.put("p75", round(s.p75(), 2));
        m.put("max", round(s.max(), 2));
        return m;
    }

    static Double round(Double v, int decimals) {
        if (v == null) {
            return null;
        }
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    /** Flat: counts, each figure's mean and median, shares short of target, the first priority. */
    static Map<String, Object> flat(RegionSummary r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fid", r.fid());
        m.put("name", r.name());
        m.put("clusters", r.clusters());
        m.put("scored", r.scored());
        m.put("firms", r.firmsKnown() == 0 ? null : r.firms());
        m.put("employment", r.employmentKnown() == 0 ? null : r.employment());
        put(m, "composite", r.composite());
        put(m, "gap", r.gap());
        for (Dimension d : Dimension.values()) {
            put(m, d.id(), r.dimensions().get(d));
            m.put(d.id() + "_short_share", round(r.gapShare().get(d), 3));
        }
        m.put("top_priority", r.top().isEmpty() ? null : r.top().get(0).id());
        return m;
    }

    private static void put(Map<String, Object> m, String name, Stats s) {
        m.put(name + "_mean", s == null ? null : round(s.mean(), 2));
        m.put(name + "_median", s == null ? null : round(s.median(), 2));
    }
}
