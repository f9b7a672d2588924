package org.clustergrid.scoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clustergrid.model.Layer;

/** The quality flags that follow from a cluster's indicators: data that do not cover it, no network, no way there. */
final class QualityFlags {
    private QualityFlags() {}

    static List<QualityFlag> of(Map<Indicator, IndicatorResult> indicators) {
        List<QualityFlag> flags = new ArrayList<>();
        Set<Layer> uncovered = new LinkedHashSet<>();
        boolean offNetwork = false;
        List<String> beyond = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (IndicatorResult r : indicators.values()) {
            Missing m = r.missing();
            if (m != null && m.reason() == Missing.Reason.OUTSIDE_COVERAGE) {
                uncovered.add(m.layer());
            }
            offNetwork |= m != null && m.reason() == Missing.Reason.OFF_NETWORK;
            if (m != null && m.reason() == Missing.Reason.BEYOND_COVERAGE) {
                beyond.add(r.indicator().title().replace("Travel time to the nearest ", ""));
            }
            if (Boolean.TRUE.equals(r.details().get("unreachable"))) {
                unreachable.add(r.indicator().title().replace("Travel time to the nearest ", ""));
            }
        }
        for (Layer l : uncovered) {
            flags.add(new QualityFlag("outside_coverage", "No " + l.id() + " dataset covers this cluster",
                    "The indicators that need " + l.id() + " data are unknown, not 0; their dimension is scored only"
                            + " if enough else is known, and the composite only if enough of everything is"));
        }
        if (offNetwork) {
            flags.add(new QualityFlag("off_network", "More than the off-road limit from any mapped road",
                    "Travel times, market potential and finance reachable by road are unknown, not 0"));
        }
        if (!beyond.isEmpty()) {
            flags.add(new QualityFlag("market_beyond_road_data", "No road in the data leads to a "
                    + String.join(", ", beyond).toLowerCase(Locale.ROOT) + "; the nearest lie where no roads are mapped",
                    "Those travel times are unknown, not 0: import road data that reach them"));
        }
        if (!unreachable.isEmpty()) {
            flags.add(new QualityFlag("market_unreachable", "On the road network, but no road leads to the nearest "
                    + String.join(", ", unreachable).toLowerCase(Locale.ROOT),
                    "Those travel times score 0; if such a market exists nearby, a road link is probably missing"
                            + " from the data"));
        }
        return flags;
    }
}
