package org.clustergrid.ingest.osm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which OSM elements become features of a layer of one's own: space-separated terms that must all match (AND).
 * {@code key=value} matches that value exactly (case-sensitive, as OSM tags are), {@code key=v1,v2} any of the
 * values, {@code key=*} any value. Keys and values cannot hold spaces, {@code =} or {@code ,}; the same key twice is
 * refused, since both terms would have to match.
 */
public final class OsmFilter {
    /** One term: the key, and the values it accepts (empty: any value). */
    record Term(String key, List<String> values) {
        boolean matches(Map<String, String> tags) {
            String v = tags.get(key);
            return v != null && (values.isEmpty() || values.contains(v));
        }

        @Override
        public String toString() {
            return key + "=" + (values.isEmpty() ? "*" : String.join(",", values));
        }
    }

    private final List<Term> terms;

    private OsmFilter(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    /** @throws IllegalArgumentException naming the term that cannot be read */
    public static OsmFilter parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("the OSM filter is empty: give key=value terms, e.g."
                    + " \"boundary=administrative admin_level=5\"");
        }
        List<Term> terms = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (String t : expression.strip().split("\\s+")) {
            int eq = t.indexOf('=');
            if (eq <= 0 || eq == t.length() - 1 || t.indexOf('=', eq + 1) >= 0) {
                throw new IllegalArgumentException("OSM filter term '" + t + "' is not key=value, key=v1,v2 or key=*");
            }
            String key = t.substring(0, eq);
            String value = t.substring(eq + 1);
            if (key.contains(",") || key.contains("*")) {
                throw new IllegalArgumentException("OSM filter term '" + t + "': the key '" + key
                        + "' cannot hold ',' or '*'");
            }
            if (!keys.add(key)) {
                Term earlier = terms.stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
                throw new IllegalArgumentException("OSM filter term '" + t + "': the key '" + key
                        + "' is named twice, and both terms would have to match; list alternatives in one term: "
                        + earlier + "," + value);
            }
            Set<String> values = new LinkedHashSet<>();
            if (!value.equals("*")) {
                for (String v : value.split(",", -1)) {
                    if (v.isEmpty() || v.equals("*")) {
                        throw new IllegalArgumentException("OSM filter term '" + t
                                + "' has an empty value or a '*' among several values");
                    }
                    values.add(v);
                }
            }
            terms.add(new Term(key, List.copyOf(values)));
        }
        return new OsmFilter(terms);
    }

    public boolean matches(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return false;
        }
        for (Term t : terms) {
            if (!t.matches(tags)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return String.join(" ", terms.stream().map(Term::toString).toList());
    }
}
