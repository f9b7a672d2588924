package org.clustergrid.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Reads CQL2 JSON (OGC 21-065, the {@code cql2-json} encoding) into the same {@link Condition}s as {@link Cql2Text}:
 * {@code {"op": "=", "args": [{"property": "class"}, "primary"]}}, {@code {"date": "2020-12-31"}},
 * {@code {"interval": ["2020-01-01", ".."]}}. Errors name the place as a JSON pointer.
 */
public final class Cql2Json {
    /** Numbers exact, so a literal beyond a double's range is refused rather than read as infinity or 0. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Cql2Json() {}

    public static Condition parse(String json) {
        if (json == null || json.isBlank()) {
            throw new FilterSyntaxException("is empty; write a condition such as "
                    + "{\"op\": \"=\", \"args\": [{\"property\": \"name\"}, \"Main Road\"]}");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's message may go on about where a bracket opened, in its own terms: the first clause is enough
            String reason = e.getOriginalMessage().split(" \\(start marker|\n")[0];
            throw new FilterSyntaxException("is not JSON: at character " + (e.getLocation().getCharOffset() + 1)
                    + ", " + reason);
        }
        return condition(root, "");
    }

    private static Condition condition(JsonNode node, String path) {
        if (node.isBoolean()) {
            return new Condition.Constant(node.booleanValue());
        }
        String op = op(node);
        if (op == null) {
            throw expected(path, "a condition: an object with \"op\" and \"args\", true or false", node);
        }
        Comparison comparison = Comparison.bySymbol(op);
        if (comparison != null) {
            List<JsonNode> a = args(node, path, 2, 2);
            return new Condition.Compare(operand(a.get(0), path + "/args/0"), comparison,
                    operand(a.get(1), path + "/args/1"));
        }
        return switch (op) {
            case "and", "or" -> logical(op, node, path);
            case "not" -> new Condition.Not(condition(args(node, path, 1, 1).get(0), path + "/args/0"));
            case "like" -> like(node, path);
            case "between" -> between(node, path);
            case "in" -> in(node, path);
            case "isnull" -> new Condition.IsNull(operand(args(node, path, 1, 1).get(0), path + "/args/0"), false);
            case "s_intersects" -> intersects(node, path);
            default -> temporal(op, node, path);
        };
    }

    /** {@code {"op": "t_after", "args": [instant or interval, instant or interval]}}. */
    private static Condition temporal(String op, JsonNode node, String path) {
        TemporalRelation relation = TemporalRelation.byName(op).orElse(null);
        if (relation == null) {
            throw new FilterSyntaxException("at " + where(path) + ", " + Unsupported.reason(op));
        }
        List<JsonNode> a = args(node, path, 2, 2);
        return new Condition.Temporal(relation, operand(a.get(0), path + "/args/0"),
                operand(a.get(1), path + "/args/1"));
    }

    private static Condition logical(String op, JsonNode node, String path) {
        List<Condition> parts = new ArrayList<>();
        List<JsonNode> a = args(node, path, 2, Integer.MAX_VALUE);
        for (int i = 0; i < a.size(); i++) {
            parts.add(condition(a.get(i), path + "/args/" + i));
        }
        return op.equals("and") ? new Condition.And(parts) : new Condition.Or(parts);
    }

    private static Condition like(JsonNode node, String path) {
        List<JsonNode> a = args(node, path, 2, 2);
        Operand pattern = operand(a.get(1), path + "/args/1");
        if (!(unwrapCase(pattern) instanceof Operand.Text)) {
            throw expected(path + "/args/1", "a pattern string such as \"%Road%\"", a.get(1));
        }
        return new Condition.Like(operand(a.get(0), path + "/args/0"), pattern, false);
    }

    private static Operand unwrapCase(Operand o) {
        return o instanceof Operand.CaseInsensitive c ? unwrapCase(c.operand()) : o;
    }

    private static Condition between(JsonNode node, String path) {
        List<JsonNode> a = args(node, path, 3, 3);
        return new Condition.Between(operand(a.get(0), path + "/args/0"), operand(a.get(1), path + "/args/1"),
                operand(a.get(2), path + "/args/2"), false);
    }

    private static Condition in(JsonNode node, String path) {
        List<JsonNode> a = args(node, path, 2, 2);
        if (!a.get(1).isArray() || a.get(1).isEmpty()) {
            throw expected(path + "/args/1", "a non-empty array of values", a.get(1));
        }
        List<Operand> list = new ArrayList<>();
        for (int i = 0; i < a.get(1).size(); i++) {
            list.add(operand(a.get(1).get(i), path + "/args/1/" + i));
        }
        return new Condition.In(operand(a.get(0), path + "/args/0"), list, false);
    }

    private static Condition intersects(JsonNode node, String path) {
        List<JsonNode> a = args(node, path, 2, 2);
        return new Condition.Intersects(spatial(a.get(0), path + "/args/0"), spatial(a.get(1), path + "/args/1"));
    }

    private static Operand spatial(JsonNode node, String path) {
        Operand o = operand(node, path);
        if (o instanceof Operand.Property || o instanceof Operand.GeometryLiteral || o instanceof Operand.Box) {
            return o;
        }
        throw expected(path, "a geometry: {\"property\": \"geometry\"}, a GeoJSON geometry or {\"bbox\": [...]}",
                node);
    }

    private static Operand operand(JsonNode node, String path) {
        if (node.isTextual()) {
            return new Operand.Text(node.textValue());
        }
        if (node.isNumber()) {
            return new Operand.Numeric(number(node, path));
        }
        if (node.isBoolean()) {
            return new Operand.Bool(node.booleanValue());
        }
        if (node.isObject()) {
            return objectOperand(node, path);
        }
        throw expected(path, "a value: a string, a number, a boolean, {\"property\": …} or a geometry", node);
    }

    private static Operand objectOperand(JsonNode node, String path) {
        if (node.path("property").isTextual()) {
            return new Operand.Property(node.get("property").textValue());
        }
        if (node.has("bbox")) {
            return box(node.get("bbox"), path + "/bbox");
        }
        if (node.has("type")) {
            return geometry(node, path);
        }
        if (node.has("date") || node.has("timestamp")) {
            return instant(node, path);
        }
        if (node.has("interval")) {
            return interval(node.get("interval"), path + "/interval");
        }
        String op = op(node);
        if ("casei".equals(op)) {
            return new Operand.CaseInsensitive(operand(args(node, path, 1, 1).get(0), path + "/args/0"));
        }
        if (op != null) {
            throw new FilterSyntaxException("at " + where(path) + ", " + Unsupported.reason(op));
        }
        throw expected(path, "a value: a string, a number, a boolean, {\"property\": …} or a geometry", node);
    }

    /** {@code {"date": "2020-12-31"}} or {@code {"timestamp": "2020-12-31T10:00:00Z"}}. */
    private static Operand instant(JsonNode node, String path) {
        boolean date = node.has("date");
        JsonNode v = node.get(date ? "date" : "timestamp");
        if (!v.isTextual()) {
            throw expected(path + (date ? "/date" : "/timestamp"), date ? "a date such as \"2020-12-31\""
                    : "a timestamp such as \"2020-12-31T10:00:00Z\"", v);
        }
        try {
            return date ? TemporalLiterals.date(v.textValue()) : TemporalLiterals.timestamp(v.textValue());
        } catch (FilterSyntaxException e) {
            throw new FilterSyntaxException("at " + where(path) + ", " + e.getMessage().substring("filter: ".length()));
        }
    }

    /** {@code {"interval": [start, end]}}: each a date or timestamp string, {@code ".."}, or an instant object. */
    private static Operand interval(JsonNode bounds, String path) {
        if (!bounds.isArray() || bounds.size() != 2) {
            throw expected(path, "an array of a start and an end", bounds);
        }
        Operand[] ends = new Operand[2];
        for (int i = 0; i < 2; i++) {
            JsonNode b = bounds.get(i);
            String at = path + "/" + i;
            try {
                ends[i] = b.isTextual() ? TemporalLiterals.bound(b.textValue()) : operand(b, at);
            } catch (FilterSyntaxException e) {
                if (!b.isTextual()) {
                    throw e;
                }
                throw new FilterSyntaxException("at " + at + ", " + e.getMessage().substring("filter: ".length()));
            }
            if (!(ends[i] instanceof Operand.Date || ends[i] instanceof Operand.Timestamp
                    || ends[i] instanceof Operand.Property || ends[i] instanceof Operand.Unbounded)) {
                throw expected(at, "a date or timestamp string, \"..\", {\"date\": …}, {\"timestamp\": …} or"
                        + " {\"property\": …}", b);
            }
        }
        return new Operand.Interval(ends[0], ends[1]);
    }

    private static Operand box(JsonNode bbox, String path) {
        boolean numbers = bbox.isArray() && (bbox.size() == 4 || bbox.size() == 6);
        for (JsonNode n : bbox) {
            numbers &= n.isNumber();
        }
        if (!numbers) {
            throw expected(path, "4 numbers (or 6 with heights)", bbox);
        }
        for (int i = 0; i < bbox.size(); i++) {
            number(bbox.get(i), path + "/" + i);
        }
        int half = bbox.size() / 2;
        return new Operand.Box(bbox.get(0).doubleValue(), bbox.get(1).doubleValue(), bbox.get(half).doubleValue(),
                bbox.get(half + 1).doubleValue());
    }

    private static Operand geometry(JsonNode node, String path) {
        Geometry g;
        try {
            g = new GeoJsonReader(Wkt.FACTORY).read(node.toString());
        } catch (ParseException | RuntimeException e) {
            throw new FilterSyntaxException("at " + where(path) + ", not a GeoJSON geometry: " + e.getMessage());
        }
        String problem = Wkt.problem(g);
        if (problem != null) {
            throw new FilterSyntaxException("at " + where(path) + ", the " + g.getGeometryType()
                    + " is not a valid geometry: " + problem);
        }
        return new Operand.GeometryLiteral(g);
    }

    private static java.math.BigDecimal number(JsonNode node, String path) {
        try {
            return Literals.checked(node.decimalValue(), node.toString());
        } catch (FilterSyntaxException e) {
            throw new FilterSyntaxException("at " + where(path) + ", " + e.getMessage().substring("filter: ".length()));
        }
    }

    private static String op(JsonNode node) {
        JsonNode op = node.path("op");
        return op.isTextual() ? op.textValue().toLowerCase(Locale.ROOT) : null;
    }

    private static List<JsonNode> args(JsonNode node, String path, int min, int max) {
        JsonNode args = node.path("args");
        if (!args.isArray() || args.size() < min || args.size() > max) {
            String count = min == max ? String.valueOf(min) : "at least " + min;
            throw expected(path + "/args", "an array of " + count + " arguments for \"" + node.path("op").asText()
                    + "\"", args.isMissingNode() ? null : args);
        }
        List<JsonNode> out = new ArrayList<>();
        args.forEach(out::add);
        return out;
    }

    private static FilterSyntaxException expected(String path, String what, JsonNode got) {
        String text = got == null ? "nothing" : Literals.excerpt(got.toString());
        return new FilterSyntaxException("at " + where(path) + ", expected " + what + "; got " + text);
    }

    /** A JSON pointer into the filter, {@code /} for the whole of it. */
    private static String where(String path) {
        return path.isEmpty() ? "/" : path;
    }
}
