package org.clustergrid.ogc.features;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clustergrid.filter.Condition;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerSchema;
import org.clustergrid.store.FeatureQuery;
import org.locationtech.jts.geom.Envelope;

/**
 * The query parameters of {@code /collections/{id}/items}, checked as the API definition declares them: every other
 * parameter is refused (OGC /req/core/query-param-unknown), and so is a bad value (/query-param-invalid).
 */
record ItemsRequest(FeatureQuery query, int limit, long offset, Crs crs) {
    static final Set<String> STANDARD = Set.of("f", "bbox", "limit", "offset", "datetime", "crs", "bbox-crs",
            "filter", "filter-lang", "filter-crs");

    /** Properties a client may filter on by equality: the id field, the canonical fields and the dataset. */
    static List<String> filterable(Layer layer) {
        return LayerSchema.queryables(layer);
    }

    static ItemsRequest parse(Layer layer, Map<String, String[]> params, int defaultLimit, int maxLimit) {
        return parse(filterable(layer), params, defaultLimit, maxLimit);
    }

    /** @param properties the properties that may be given as {@code name=value} */
    static ItemsRequest parse(List<String> properties, Map<String, String[]> params, int defaultLimit, int maxLimit) {
        Map<String, String> equals = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : params.entrySet()) {
            String name = e.getKey();
            if (!STANDARD.contains(name) && !properties.contains(name)) {
                throw OgcException.badRequest("unknown query parameter '" + name + "'; allowed: "
                        + new java.util.TreeSet<>(STANDARD) + " and the properties " + properties);
            }
            if (e.getValue().length != 1) {
                throw OgcException.badRequest("query parameter '" + name + "' is given more than once");
            }
            if (properties.contains(name)) {
                equals.put(name, e.getValue()[0]);
            }
        }
        int limit = limit(single(params, "limit"), defaultLimit, maxLimit);
        long offset = offset(single(params, "offset"));
        checkDatetime(single(params, "datetime"));
        Crs crs = Crs.parse("crs", single(params, "crs"));
        // a box across the antimeridian is two, either of which a feature may intersect; bbox-crs (Part 2) names
        // the CRS and axis order of the box, CRS84 when absent
        List<Envelope> boxes = Crs.parse("bbox-crs", single(params, "bbox-crs")).bbox(single(params, "bbox"));
        Envelope bbox = boxes.isEmpty() ? null : boxes.get(0);
        Envelope orBbox = boxes.size() > 1 ? boxes.get(1) : null;
        // Part 3 (/req/filter/mixing-expressions): the filter is AND-ed with bbox and the property parameters
        Condition filter = FilterParameters.parse(single(params, "filter"), single(params, "filter-lang"),
                single(params, "filter-crs"));
        return new ItemsRequest(new FeatureQuery(bbox, orBbox, equals, filter, offset, limit), limit, offset, crs);
    }

    private static String single(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        return v == null ? null : v[0];
    }

    /** Above the maximum is not an error: the spec lets the server serve its maximum instead. */
    private static int limit(String value, int defaultLimit, int maxLimit) {
        if (value == null) {
            return defaultLimit;
        }
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw OgcException.badRequest("limit must be an integer; got '" + value + "'");
        }
        if (n < 1) {
            throw OgcException.badRequest("limit must be at least 1; got " + n);
        }
        return (int) Math.min(n, maxLimit);
    }

    private static long offset(String value) {
        if (value == null) {
            return 0;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw OgcException.badRequest("offset must be an integer of at least 0; got '" + value + "'");
    }

    /**
     * {@code datetime} is a standard parameter, so it is accepted, but checked: an instant or interval in RFC 3339.
     * No collection declares a temporal extent and no feature has a time, so it does not narrow the result.
     */
    private static void checkDatetime(String value) {
        if (value == null) {
            return;
        }
        String[] parts = value.split("/", -1);
        boolean ok = parts.length == 1 ? instant(parts[0])
                : parts.length == 2 && openEnd(parts[0]) && openEnd(parts[1])
                        && !(unbounded(parts[0]) && unbounded(parts[1]));
        if (!ok) {
            throw OgcException.badRequest("datetime must be an RFC 3339 date-time or an interval such as "
                    + "2024-01-01T00:00:00Z/.. ; got '" + value + "'");
        }
    }

    private static boolean openEnd(String s) {
        return unbounded(s) || instant(s);
    }

    private static boolean unbounded(String s) {
        return s.isEmpty() || s.equals("..");
    }

    private static boolean instant(String s) {
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDate.parse(s);
                return true;
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }
}
