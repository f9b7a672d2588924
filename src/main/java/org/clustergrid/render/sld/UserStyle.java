package org.clustergrid.render.sld;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clustergrid.render.LegendItem;
import org.clustergrid.render.Symbol;

/**
 * A UserStyle: its FeatureTypeStyles, each a list of rules. A feature gets the symbols of every rule that matches it
 * at the map's scale, in rule order, one FeatureTypeStyle after the other; the ElseFilter rules of a
 * FeatureTypeStyle when none of its other rules matched.
 */
public record UserStyle(String name, String title, boolean isDefault, List<List<Rule>> featureTypeStyles) {

    public UserStyle {
        featureTypeStyles = featureTypeStyles.stream().map(List::copyOf).toList();
    }

    /** The symbols to draw a feature with, bottom first; empty when no rule takes it. */
    public List<Symbol> symbols(Map<String, Object> attributes, double scaleDenominator) {
        List<Symbol> out = new ArrayList<>(2);
        for (List<Rule> rules : featureTypeStyles) {
            boolean matched = false;
            for (Rule r : rules) {
                if (!r.isElse() && r.inScale(scaleDenominator) && r.matches(attributes)) {
                    out.addAll(r.symbols());
                    matched = true;
                }
            }
            if (!matched) {
                for (Rule r : rules) {
                    if (r.isElse() && r.inScale(scaleDenominator)) {
                        out.addAll(r.symbols());
                    }
                }
            }
        }
        return out;
    }

    /**
     * The text a TextSymbolizer labels a feature with: the value of the property named by the first rule that takes
     * it and has a label (rules picked as {@link #symbols} picks them); null for none or an empty value.
     */
    public String label(Map<String, Object> attributes, double scaleDenominator) {
        for (List<Rule> rules : featureTypeStyles) {
            boolean matched = false;
            for (Rule r : rules) {
                if (!r.isElse() && r.inScale(scaleDenominator) && r.matches(attributes)) {
                    matched = true;
                    String text = text(r, attributes);
                    if (text != null) {
                        return text;
                    }
                }
            }
            for (Rule r : rules) {
                if (!matched && r.isElse() && r.inScale(scaleDenominator)) {
                    String text = text(r, attributes);
                    if (text != null) {
                        return text;
                    }
                }
            }
        }
        return null;
    }

    private static String text(Rule r, Map<String, Object> attributes) {
        Object v = r.label() == null ? null : attributes.get(r.label());
        String text = v == null ? null : v.toString().strip();
        return text == null || text.isEmpty() ? null : text;
    }

    /** A legend row per rule that draws something: its Title or Name (else "Rule n") and its first symbol. */
    public List<LegendItem> legend() {
        List<LegendItem> out = new ArrayList<>();
        int n = 0;
        for (List<Rule> rules : featureTypeStyles) {
            for (Rule r : rules) {
                n++;
                if (!r.symbols().isEmpty()) {
                    String label = r.legendLabel();
                    out.add(new LegendItem(label == null ? "Rule " + n : label, r.symbols().get(0)));
                }
            }
        }
        return out;
    }

    /**
     * The name a layer lists it under: its Name, or {@code <layer>_style} when it has none or one a STYLES list
     * cannot carry (a comma) or that means each layer's built-in look ("default").
     */
    public String nameFor(String layer) {
        return name == null || name.isBlank() || name.contains(",") || name.equals("default") ? layer + "_style"
                : name;
    }

    /** The Title, else the Name, else null. */
    public String displayTitle() {
        return title != null && !title.isBlank() ? title.strip() : name;
    }
}
