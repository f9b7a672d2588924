package org.clustergrid.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.Market.MarketKind;
import org.clustergrid.model.PowerFeature.PowerKind;
import org.clustergrid.model.Road.Paving;
import org.clustergrid.model.Typology.ClusterType;
import org.clustergrid.model.Typology.Setting;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Converts layer features to and from their canonical properties ({@link LayerSchema}). Enum values are written in
 * lower case ({@code artisanal_craft}, {@code bank}); lists are {@code ;}-separated.
 */
public final class LayerProperties {
    private LayerProperties() {}

    /** A value that cannot be turned into the field's type or vocabulary. */
    public static final class FieldException extends IllegalArgumentException {
        private final String field;

        public FieldException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The canonical properties of a feature, in schema order, the id field first. */
    public static Map<String, Object> of(LayerFeature f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(LayerSchema.idField(f.layer()), f.id());
        if (f instanceof Cluster c) {
            p.put("cluster_grid_id", c.clusterGridId());
            p.put("name", c.name());
            p.put("sector", c.sector());
            p.put("products", c.products());
            p.put("typology", lower(c.typology().type()));
            p.put("setting", lower(c.typology().setting()));
            p.put("firms", c.firms());
            p.put("employment", c.employment());
            p.put("markets_served", c.marketsServed().isEmpty() ? null : joinEnums(c.marketsServed()));
            p.put("source", c.source());
            IdentificationFields.put(p, c.identification());
        } else if (f instanceof Road r) {
            p.put("class", r.roadClass());
            p.put("surface", r.surface());
            p.put("paving", lower(r.paving()));
            p.put("all_season", r.allSeason());
            p.put("motorable", r.motorable());
            p.put("name", r.name());
            p.put("ref", r.ref());
        } else if (f instanceof PowerFeature w) {
            p.put("kind", lower(w.kind()));
            p.put("name", w.name());
            p.put("voltages", w.voltages().isEmpty() ? null
                    : w.voltages().stream().map(String::valueOf).collect(Collectors.joining(";")));
            p.put("max_voltage", w.maxVoltage());
            p.put("capacity_mw", w.capacityMw());
            p.put("supply_hours", w.supplyHours());
        } else if (f instanceof FinancePoint b) {
            p.put("type", lower(b.type()));
            p.put("name", b.name());
            p.put("operator", b.operator());
        } else if (f instanceof Market m) {
            p.put("kind", lower(m.kind()));
            p.put("name", m.name());
            p.put("population", m.population());
        }
        return p;
    }

    /**
     * Builds a feature from canonical properties. Missing optional fields are null; derived fields (a road's
     * all_season and motorable, a power feature's max_voltage) are derived when absent.
     *
     * @throws FieldException naming the field when a value is missing, malformed or outside the vocabulary
     */
    public static LayerFeature toFeature(
            Layer layer, String id, Geometry geometry, Map<String, Object> props, Map<String, Object> attributes) {
        Values v = new Values(props);
        return switch (layer) {
            case CLUSTERS -> new Cluster(
                    v.text("cluster_grid_id"),
                    id,
                    v.text("name"),
                    v.text("sector"),
                    v.text("products"),
                    new Typology(v.enumValue("typology", ClusterType.class), v.enumValue("setting", Setting.class)),
                    v.integer("firms"),
                    v.integer("employment"),
                    v.enumSet("markets_served", MarketScope.class),
                    geometry,
                    v.text("source"),
                    attributes,
                    IdentificationFields.read(v));
            case ROADS -> road(id, geometry, v, attributes);
            case POWER -> new PowerFeature(
                    id,
                    v.requiredEnum("kind", PowerKind.class),
                    v.text("name"),
                    v.integers("voltages"),
                    v.decimal("capacity_mw"),
                    v.decimal("supply_hours"),
                    geometry,
                    attributes);
            case FINANCE -> new FinancePoint(
                    id, v.requiredEnum("type", FinanceType.class), v.text("name"), v.text("operator"),
                    point(geometry, "geometry"), attributes);
            case MARKETS -> new Market(
                    id, v.requiredEnum("kind", MarketKind.class), v.text("name"), v.bigint("population"),
                    point(geometry, "geometry"), attributes);
        };
    }

    private static Road road(String id, Geometry geometry, Values v, Map<String, Object> attributes) {
        String roadClass = v.requiredText("class");
        Paving paving = v.enumValue("paving", Paving.class);
        paving = paving == null ? RoadRules.pavingOf(v.text("surface"), null, null) : paving;
        Boolean allSeason = v.bool("all_season");
        Boolean motorable = v.bool("motorable");
        return new Road(
                id,
                roadClass,
                v.text("surface"),
                paving,
                allSeason != null ? allSeason : RoadRules.isAllSeason(roadClass, paving),
                motorable != null ? motorable : RoadRules.isMotorable(roadClass),
                v.text("name"),
                v.text("ref"),
                geometry,
                attributes);
    }

    private static Point point(Geometry g, String field) {
        if (g instanceof Point p) {
            return p;
        }
        if (g != null && !g.isEmpty()) {
            return g.getInteriorPoint(); // a facility drawn as an area is located at a point inside it
        }
        throw new FieldException(field, "a point geometry is required");
    }

    static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }

    private static String joinEnums(Set<? extends Enum<?>> values) {
        return values.stream().sorted().map(LayerProperties::lower).collect(Collectors.joining(";"));
    }

    /** Typed access to a property map, with errors naming the field. */
    record Values(Map<String, Object> props) {
        String text(String field) {
            Object o = props.get(field);
            if (o == null) {
                return null;
            }
            String s = o.toString().trim();
            return s.isEmpty() ? null : s;
        }

        String requiredText(String field) {
            String s = text(field);
            if (s == null) {
                throw new FieldException(field, "is required but missing or empty");
            }
            return s;
        }

        Integer integer(String field) {
            Long l = bigint(field);
            if (l == null) {
                return null;
            }
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw new FieldException(field, "value " + l + " is out of range");
            }
            return l.intValue();
        }

        Long bigint(String field) {
            Object o = props.get(field);
            if (o instanceof Number n && (n instanceof Long || n instanceof Integer || n.doubleValue() == Math.rint(n.doubleValue()))) {
                return n.longValue();
            }
            String s = text(field);
            if (s == null) {
                return null;
            }
            try {
                double d = Double.parseDouble(s.replace(",", "").replace("_", ""));
                if (d != Math.rint(d) || Double.isInfinite(d)) {
                    throw new FieldException(field, "'" + s + "' is not a whole number");
                }
                return (long) d;
            } catch (NumberFormatException e) {
                throw new FieldException(field, "'" + s + "' is not a number");
            }
        }

        Double decimal(String field) {
            Object o = props.get(field);
            if (o instanceof Number n) {
                return n.doubleValue();
            }
            String s = text(field);
            if (s == null) {
                return null;
            }
            try {
                double d = Double.parseDouble(s);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new FieldException(field, "'" + s + "' is not a number");
            }
        }

        Boolean bool(String field) {
            Object o = props.get(field);
            if (o instanceof Boolean b) {
                return b;
            }
            String s = text(field);
            if (s == null) {
                return null;
            }
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1", "t" -> true;
                case "false", "no", "n", "0", "f" -> false;
                default -> throw new FieldException(field, "'" + s + "' is not true/false");
            };
        }

        List<Integer> integers(String field) {
            String s = text(field);
            if (s == null) {
                return List.of();
            }
            try {
                return Arrays.stream(s.split(";")).map(String::trim).filter(x -> !x.isEmpty())
                        .map(Integer::valueOf).toList();
            } catch (NumberFormatException e) {
                throw new FieldException(field, "'" + s + "' is not a ;-separated list of whole numbers");
            }
        }

        <E extends Enum<E>> E enumValue(String field, Class<E> type) {
            String s = text(field);
            return s == null ? null : parseEnum(field, s, type);
        }

        <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
            return parseEnum(field, requiredText(field), type);
        }

        <E extends Enum<E>> Set<E> enumSet(String field, Class<E> type) {
            String s = text(field);
            Set<E> set = EnumSet.noneOf(type);
            if (s != null) {
                for (String part : s.split("[;,]")) {
                    if (!part.isBlank()) {
                        set.add(parseEnum(field, part.trim(), type));
                    }
                }
            }
            return set;
        }

        private static <E extends Enum<E>> E parseEnum(String field, String s, Class<E> type) {
            String key = s.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_').replace('/', '_');
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(key)) {
                    return e;
                }
            }
            String allowed = Arrays.stream(type.getEnumConstants()).map(LayerProperties::lower)
                    .collect(Collectors.joining(", "));
            throw new FieldException(field, "'" + s + "' is not one of: " + allowed);
        }
    }
}
