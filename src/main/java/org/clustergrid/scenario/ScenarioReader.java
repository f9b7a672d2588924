package org.clustergrid.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.clustergrid.geo.Geodesic;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.Market.MarketKind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Reads a scenario from a GeoJSON FeatureCollection: one feature an intervention, its {@code kind} and fields in the
 * properties (see docs/scenarios.md). Every problem is collected, each naming the feature ({@code features[3]}) and
 * the field, and the scenario is refused whole when there is any.
 */
public final class ScenarioReader {
    /** Most interventions one scenario may hold. */
    public static final int MAX_INTERVENTIONS = 1_000;
    /** Longest line a scenario may draw: a regional road or transmission project, not a continent's. */
    public static final int MAX_LINE_KM = 500;
    /**
     * Longest straight stretch of a new road between two vertices: the road joins the snapping grid by the box around
     * each stretch, so one drawn across a country would cost millions of cells.
     */
    public static final int MAX_ROAD_STRETCH_KM = 50;

    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> problems = new ArrayList<>();

    private ScenarioReader() {}

    /**
     * @param defaultName the scenario's name when the collection has no {@code name} member
     * @throws ScenarioException naming every problem
     */
    public static Scenario read(String text, String defaultName) {
        return new ScenarioReader().parse(text, defaultName);
    }

    private Scenario parse(String text, String defaultName) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ScenarioException("not a scenario", List.of("not JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new ScenarioException("not a scenario", List.of("a scenario is a GeoJSON FeatureCollection, one"
                    + " feature an intervention"));
        }
        String name = root.hasNonNull("name") ? root.get("name").asText().strip() : defaultName;
        if (name == null || name.isEmpty()) {
            problems.add("name: a scenario needs a name (the FeatureCollection's \"name\" member)");
        }
        JsonNode features = root.path("features");
        if (!features.isArray() || features.isEmpty()) {
            problems.add("features: a scenario needs at least one intervention");
        } else if (features.size() > MAX_INTERVENTIONS) {
            problems.add("features: " + features.size() + " interventions, more than the " + MAX_INTERVENTIONS
                    + " a scenario may hold");
        }
        List<Intervention> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; features.size() <= MAX_INTERVENTIONS && i < features.size() && problems.size() < 100; i++) {
            Intervention x = intervention(features.get(i), "features[" + i + "]", i);
            if (x != null && !ids.add(x.id())) {
                problems.add("features[" + i + "].properties.id: '" + x.id() + "' is used twice");
            }
            out.add(x);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException("scenario" + (name == null || name.isEmpty() ? "" : " '" + name + "'")
                    + " refused", problems);
        }
        return new Scenario(name, root.hasNonNull("description") ? root.get("description").asText() : null, out);
    }

    private Intervention intervention(JsonNode f, String at, int index) {
        JsonNode p = f.path("properties");
        if (!p.isObject()) {
            problems.add(at + ".properties: missing; an intervention's kind and fields are its properties");
            return null;
        }
        String kindText = p.path("kind").asText(null);
        InterventionKind kind = kindText == null ? null : InterventionKind.byId(kindText).orElse(null);
        if (kind == null) {
            problems.add(at + ".properties.kind: " + (kindText == null ? "missing" : "unknown kind '" + kindText + "'")
                    + " (one of " + InterventionKind.ids() + ")");
            return null;
        }
        int before = problems.size();
        String id = p.hasNonNull("id") ? p.get("id").asText() : "i" + (index + 1);
        Geometry g = geometry(f.path("geometry"), kind, at + ".geometry");
        List<String> roads = new ArrayList<>();
        String roadClass = text(p, "class", at, kind == InterventionKind.NEW_ROAD);
        String surface = text(p, "surface", at, kind == InterventionKind.NEW_ROAD
                || kind == InterventionKind.UPGRADE_ROAD);
        if (kind == InterventionKind.UPGRADE_ROAD) {
            JsonNode r = p.path("roads");
            if (!r.isArray() || r.isEmpty()) {
                problems.add(at + ".properties.roads: an upgrade names the road segments it applies to, as an array"
                        + " of their ids (e.g. [\"pokhara.w123\"])");
            } else {
                r.forEach(n -> roads.add(n.asText()));
            }
        }
        Long voltage = whole(p, "voltage_kv", at, kind == InterventionKind.NEW_POWER_LINE, 1, 1_200);
        FinanceType finance = choice(p, "finance_type", at, kind == InterventionKind.FINANCE_POINT, FinanceType.class);
        MarketKind market = kind == InterventionKind.MARKET && !p.hasNonNull("market_kind") ? MarketKind.MARKETPLACE
                : choice(p, "market_kind", at, false, MarketKind.class);
        Long population = whole(p, "population", at, false, 0, 100_000_000);
        Double hours = null;
        if (p.hasNonNull("supply_hours")) {
            JsonNode h = p.get("supply_hours");
            if (kind != InterventionKind.NEW_POWER_LINE && kind != InterventionKind.NEW_SUBSTATION) {
                problems.add(at + ".properties.supply_hours: only a new power line or substation brings hours of"
                        + " supply, not a " + kind.id());
            } else if (!h.isNumber() || !(h.asDouble() >= 0 && h.asDouble() <= 24)) {
                problems.add(at + ".properties.supply_hours: " + h + " is not hours of supply a day (0 to 24)");
            } else {
                hours = h.asDouble();
            }
        }
        Double cost = null;
        if (p.hasNonNull("cost")) {
            JsonNode c = p.get("cost");
            if (!c.isNumber() || !Double.isFinite(c.asDouble()) || c.asDouble() < 0) {
                problems.add(at + ".properties.cost: " + c + " is not a cost (a number of 0 or more, in the cost"
                        + " profile's currency)");
            } else {
                cost = c.asDouble();
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Intervention(id, kind, p.hasNonNull("name") ? p.get("name").asText() : null, g, roads, roadClass,
                surface, voltage == null ? null : voltage.intValue(), finance, market, population, hours, cost);
    }

    private Geometry geometry(JsonNode node, InterventionKind kind, String at) {
        if (kind.geometryType() == null) {
            return null; // an upgrade names existing roads; a drawn line, if any, is only a picture of them
        }
        if (node.isMissingNode() || node.isNull()) {
            problems.add(at + ": missing; a " + kind.id() + " is drawn as a " + kind.geometryType());
            return null;
        }
        Geometry g;
        try {
            g = new GeoJsonReader(GF).read(node.toString());
        } catch (ParseException | RuntimeException e) {
            problems.add(at + ": not a GeoJSON geometry: " + e.getMessage());
            return null;
        }
        if (!kind.geometryType().equals(g.getGeometryType())) {
            problems.add(at + ": a " + g.getGeometryType() + "; a " + kind.id() + " is drawn as a "
                    + kind.geometryType());
            return null;
        }
        for (Coordinate c : g.getCoordinates()) {
            if (!(Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90)) {
                problems.add(at + ": (" + c.x + ", " + c.y + ") is not a longitude, latitude in EPSG:4326");
                return null;
            }
        }
        if (g.isEmpty() || g.getLength() == 0 && g.getDimension() == 1) {
            problems.add(at + ": empty (a line needs two distinct points)");
            return null;
        }
        if (g.getDimension() == 1) {
            Coordinate[] c = g.getCoordinates();
            double km = 0;
            double longest = 0;
            for (int i = 1; i < c.length; i++) {
                double stretch = Geodesic.distance(c[i - 1].x, c[i - 1].y, c[i].x, c[i].y) / 1000;
                km += stretch;
                longest = Math.max(longest, stretch);
            }
            if (km > MAX_LINE_KM) {
                problems.add(String.format(Locale.ROOT, "%s: %,.1f km long, more than %,d km: draw a longer line as"
                        + " several interventions", at, km, MAX_LINE_KM));
                return null;
            }
            if (kind == InterventionKind.NEW_ROAD && longest > MAX_ROAD_STRETCH_KM) {
                problems.add(String.format(Locale.ROOT, "%s: a straight stretch of %,.1f km, more than %,d km: draw"
                        + " a road along its way, with a vertex at least every %,d km", at, longest,
                        MAX_ROAD_STRETCH_KM, MAX_ROAD_STRETCH_KM));
                return null;
            }
        }
        return g;
    }

    private String text(JsonNode p, String field, String at, boolean required) {
        JsonNode v = p.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            if (required) {
                problems.add(at + ".properties." + field + ": missing");
            }
            return null;
        }
        return v.asText().strip().toLowerCase(Locale.ROOT);
    }

    private Long whole(JsonNode p, String field, String at, boolean required, long min, long max) {
        JsonNode v = p.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(at + ".properties." + field + ": missing");
            }
            return null;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            problems.add(at + ".properties." + field + ": " + v + " is not a whole number from " + min + " to " + max);
            return null;
        }
        return v.asLong();
    }

    private <E extends Enum<E>> E choice(JsonNode p, String field, String at, boolean required, Class<E> type) {
        String v = text(p, field, at, required);
        if (v == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(v)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        problems.add(at + ".properties." + field + ": unknown value '" + v + "' (one of " + String.join(", ", names)
                + ")");
        return null;
    }
}
