package org.clustergrid.render.sld;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.clustergrid.render.Symbol;

/**
 * One rule of a FeatureTypeStyle: which features (a filter, or ElseFilter for those no other rule of its
 * FeatureTypeStyle took), at which scales (min inclusive, max exclusive, as SLD 1.0 §10.2.4 has it), drawn how.
 *
 * @param filter null for every feature
 * @param label the property a TextSymbolizer labels with, or null
 */
public record Rule(String name, String title, Predicate<Map<String, Object>> filter, boolean isElse,
        double minScale, double maxScale, List<Symbol> symbols, String label) {

    public Rule {
        symbols = List.copyOf(symbols);
    }

    public boolean inScale(double scaleDenominator) {
        return Double.isNaN(scaleDenominator) || (scaleDenominator >= minScale && scaleDenominator < maxScale);
    }

    public boolean matches(Map<String, Object> attributes) {
        return filter == null || filter.test(attributes);
    }

    /** What a legend calls it: its Title, else its Name, else nothing. */
    public String legendLabel() {
        if (title != null && !title.isBlank()) {
            return title.strip();
        }
        return name != null && !name.isBlank() ? name.strip() : null;
    }
}
