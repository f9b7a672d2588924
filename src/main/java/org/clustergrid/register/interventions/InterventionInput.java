package org.clustergrid.register.interventions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Iterator;
import java.util.Set;
import org.clustergrid.register.RegisterException;
import org.clustergrid.register.interventions.Vocabulary.Category;
import org.clustergrid.register.interventions.Vocabulary.Status;

/**
 * A row of the grid as sent — a GeoJSON Feature whose properties are the row's (its geometry, the cluster's point, is
 * ignored) — checked field by field: a refusal names the field, and nothing is stored.
 */
public final class InterventionInput {
    /** Longest title or agency, as for the register's texts. */
    public static final int MAX_TEXT = 1000;
    public static final int MAX_NOTES = 4000;
    /** A budget beyond this is a typing error, not a plan. */
    static final BigDecimal MAX_BUDGET = new BigDecimal("1e15");
    /** Served, so a client may send them back as read; they never change by an edit. */
    static final Set<String> READ_ONLY = Set.of("id", "country", "origin", "gap_indicator", "gap_state", "project",
            "cluster_status", "version", "created_by", "created_at", "changed_by", "changed_at");
    private static final ObjectMapper JSON = new ObjectMapper();

    private InterventionInput() {}

    /** A whole new state ({@code POST}, {@code PUT}): fields left out are empty, the status {@code identified}. */
    public static Fields parse(JsonNode feature) {
        return fields(properties(feature));
    }

    /** The Cluster Grid ID a new row is for (required). */
    public static String clusterOf(JsonNode feature) {
        JsonNode v = properties(feature).get("cluster_grid_id");
        if (v == null || v.isNull() || !v.isTextual() || v.asText().isBlank()) {
            throw RegisterException.badInput("cluster_grid_id", "name the cluster the row is for");
        }
        return v.asText().strip();
    }

    /** A JSON Merge Patch (RFC 7396) of the row as served: members named change, null empties one. */
    public static Fields patch(Fields current, JsonNode patch) {
        ObjectNode merged = JSON.valueToTree(current.toMap());
        JsonNode given = properties(patch);
        given.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
        return fields(merged);
    }

    /** Refuses a change of the row's cluster: a row stays with the cluster it was made for. */
    public static void sameCluster(JsonNode body, String clusterGridId) {
        JsonNode v = properties(body).get("cluster_grid_id");
        if (v != null && !v.isNull() && !v.asText().equals(clusterGridId)) {
            throw RegisterException.badInput("cluster_grid_id", "is " + clusterGridId + " and cannot change; make a"
                    + " new row for the other cluster");
        }
    }

    private static JsonNode properties(JsonNode feature) {
        if (feature == null || !feature.isObject()) {
            throw RegisterException.badInput("body", "a GeoJSON Feature with the row's properties is required");
        }
        JsonNode p = feature.get("properties");
        if (p == null || !p.isObject()) {
            throw RegisterException.badInput("properties", "an object of the row's fields is required");
        }
        return p;
    }

    private static Fields fields(JsonNode p) {
        for (Iterator<String> names = p.fieldNames(); names.hasNext(); ) {
            String n = names.next();
            if (!Fields.NAMES.contains(n) && !READ_ONLY.contains(n) && !n.equals("cluster_grid_id")
                    && !n.equals("comment")) {
                throw RegisterException.badInput(n, "is not a property of the grid; the properties are "
                        + Fields.NAMES);
            }
        }
        String category = text(p, "category", 32);
        if (category == null) {
            throw RegisterException.badInput("category", "is required, one of " + java.util.Arrays.stream(
                    Category.values()).map(Category::id).toList());
        }
        String title = text(p, "title", MAX_TEXT);
        if (title == null) {
            throw RegisterException.badInput("title", "is required: say what is needed or done");
        }
        String status = text(p, "status", 32);
        BigDecimal budget = budget(p);
        String currency = currency(p, budget);
        LocalDate start = date(p, "start_date");
        LocalDate end = date(p, "end_date");
        if (start != null && end != null && end.isBefore(start)) {
            throw RegisterException.badInput("end_date", end + " is before the start_date " + start);
        }
        return new Fields(Vocabulary.parse(Category.class, category, "category"), title,
                status == null ? Status.IDENTIFIED : Vocabulary.parse(Status.class, status, "status"),
                text(p, "agency", MAX_TEXT), budget, currency, start, end, text(p, "notes", MAX_NOTES));
    }

    /** A string, stripped; blank or absent is null. */
    private static String text(JsonNode p, String name, int max) {
        JsonNode v = p.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw RegisterException.badInput(name, "expected text, found " + kind(v) + " " + v);
        }
        String s = v.asText().strip();
        if (s.length() > max) {
            throw RegisterException.badInput(name, "is " + s.length() + " characters long, more than the " + max
                    + " allowed");
        }
        return s.isEmpty() ? null : s;
    }

    private static BigDecimal budget(JsonNode p) {
        JsonNode v = p.get("budget");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw RegisterException.badInput("budget", "expected a number, found " + kind(v) + " " + v);
        }
        BigDecimal b = v.decimalValue();
        if (b.signum() < 0) {
            throw RegisterException.badInput("budget", "is negative (" + b.toPlainString() + ")");
        }
        if (b.compareTo(MAX_BUDGET) >= 0) {
            throw RegisterException.badInput("budget", "is " + b.toPlainString() + ", more than the register holds");
        }
        if (b.stripTrailingZeros().scale() > 2) {
            throw RegisterException.badInput("budget", "has more than two decimals (" + b.toPlainString() + ")");
        }
        return b.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    private static String currency(JsonNode p, BigDecimal budget) {
        String c = text(p, "currency", 3);
        if (c == null) {
            if (budget != null) {
                throw RegisterException.badInput("currency", "is required with a budget (ISO 4217, e.g. NPR, USD)");
            }
            return null;
        }
        try {
            if (c.equals(c.toUpperCase(java.util.Locale.ROOT)) && Currency.getInstance(c) != null) {
                return c;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw RegisterException.badInput("currency", "'" + c + "' is not an ISO 4217 code such as NPR, INR or USD");
    }

    private static LocalDate date(JsonNode p, String name) {
        String s = text(p, name, 10);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw RegisterException.badInput(name, "'" + s + "' is not an ISO date (YYYY-MM-DD)");
        }
    }

    private static String kind(JsonNode v) {
        return v.isNumber() ? "number" : v.isBoolean() ? "boolean" : v.isArray() ? "array" : v.isObject() ? "object"
                : "string";
    }
}
