package org.clustergrid.ogc.wms;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.Layer;

/** Which attribution texts maps and capabilities show, from the datasets' licences. */
final class Attributions {
    private Attributions() {}

    /**
     * The text a map must show for a dataset, or null: licences other than public-domain dedications (CC0, PDDL)
     * ask for attribution (ODbL: "© OpenStreetMap contributors", CC BY, GODL); synthetic data always say so.
     */
    static String onMap(Dataset d) {
        String text = d.attribution();
        if (text == null || text.isBlank()) {
            return d.synthetic() ? "Synthetic data — not real places" : null;
        }
        String licence = d.licence() == null ? "" : d.licence().toLowerCase(Locale.ROOT);
        boolean publicDomain = licence.contains("cc0") || licence.contains("pddl") || licence.contains("public domain");
        return publicDomain && !d.synthetic() ? null : text;
    }

    /** Per layer, the attribution texts of the datasets with features in it, joined. */
    static Map<Layer, String> byLayer(List<Dataset> datasets) {
        Map<Layer, String> out = new EnumMap<>(Layer.class);
        for (Layer layer : Layer.values()) {
            Set<String> texts = new LinkedHashSet<>();
            for (Dataset d : datasets) {
                Integer n = d.featureCounts().get(layer);
                if (n != null && n > 0 && d.attribution() != null && !d.attribution().isBlank()) {
                    texts.add(d.attribution().strip());
                }
            }
            if (!texts.isEmpty()) {
                out.put(layer, String.join("; ", texts));
            }
        }
        return out;
    }
}
