package org.clustergrid.ogc.wms;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clustergrid.model.LayerProperties;
import org.clustergrid.render.FeatureLayer;
import org.clustergrid.render.Surface;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/** GetFeatureInfo answers: a GeoJSON FeatureCollection, an HTML table per layer, or plain text. */
enum FeatureInfoWriter {
    JSON("application/json"),
    HTML("text/html"),
    TEXT("text/plain");

    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    private final String mimeType;

    FeatureInfoWriter(String mimeType) {
        this.mimeType = mimeType;
    }

    String mimeType() {
        return mimeType;
    }

    static Optional<FeatureInfoWriter> of(String value) {
        String v = value.strip();
        if (v.equals("application/geo+json") || v.equals("application/geojson")) {
            return Optional.of(JSON);
        }
        return Arrays.stream(values()).filter(f -> f.mimeType.equals(v)).findFirst();
    }

    /**
     * A feature found, with the WMS layer it was found in: a stored feature, a cell of a computed surface, or a
     * feature of a context layer.
     *
     * @param dataset the feature's dataset; null for a surface cell or a context layer's feature
     */
    record Found(String layer, String id, String dataset, Geometry geometry, Map<String, Object> properties) {
        static Found of(String layer, StoredFeature f) {
            return new Found(layer, f.layerId(), f.datasetId(), f.feature().geometry(),
                    LayerProperties.of(f.feature()));
        }

        static Found of(String layer, Surface.Cell c) {
            return new Found(layer, c.id(), null, c.geometry(), c.properties());
        }

        static Found of(String layer, FeatureLayer.Item it) {
            return new Found(layer, it.id(), null, it.geometry(), it.properties());
        }
    }

    byte[] write(List<Found> found) {
        return switch (this) {
            case JSON -> json(found);
            case HTML -> html(found).getBytes(StandardCharsets.UTF_8);
            case TEXT -> text(found).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] json(List<Found> found) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeoJsonWriter geometry = new GeoJsonWriter(7);
        geometry.setEncodeCRS(false);
        try (JsonGenerator g = JSON_FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (Found f : found) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeStringField("id", f.id());
                g.writeFieldName("geometry");
                g.writeRawValue(geometry.write(f.geometry()));
                g.writeObjectFieldStart("properties");
                g.writeStringField("layer", f.layer());
                if (f.dataset() != null) {
                    g.writeStringField("dataset", f.dataset());
                }
                for (Map.Entry<String, Object> e : f.properties().entrySet()) {
                    g.writeFieldName(e.getKey());
                    writeValue(g, e.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("numberReturned", found.size());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Number n) {
            if (n instanceof Double || n instanceof Float) {
                g.writeNumber(n.doubleValue());
            } else {
                g.writeNumber(n.longValue());
            }
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(v.toString());
        }
    }

    private static String html(List<Found> found) {
        StringBuilder s = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Feature info</title>"
                + "<style>table{border-collapse:collapse;font:12px sans-serif}td,th{border:1px solid #ccc;padding:2px 6px;"
                + "text-align:left}caption{font-weight:bold;text-align:left}</style></head><body>\n");
        if (found.isEmpty()) {
            s.append("<p>No features here.</p>\n");
        }
        for (Found f : found) {
            s.append("<table><caption>").append(esc(f.layer())).append(": ").append(esc(f.id()))
                    .append("</caption>\n");
            if (f.dataset() != null) {
                s.append("<tr><th>dataset</th><td>").append(esc(f.dataset())).append("</td></tr>\n");
            }
            for (Map.Entry<String, Object> e : f.properties().entrySet()) {
                s.append("<tr><th>").append(esc(e.getKey())).append("</th><td>")
                        .append(e.getValue() == null ? "" : esc(e.getValue().toString())).append("</td></tr>\n");
            }
            s.append("</table>\n");
        }
        return s.append("</body></html>\n").toString();
    }

    private static String text(List<Found> found) {
        if (found.isEmpty()) {
            return "no features found\n";
        }
        StringBuilder s = new StringBuilder();
        for (Found f : found) {
            s.append("Layer '").append(f.layer()).append("'\n  Feature ").append(f.id()).append(":\n");
            if (f.dataset() != null) {
                s.append("    dataset = ").append(f.dataset()).append('\n');
            }
            for (Map.Entry<String, Object> e : f.properties().entrySet()) {
                if (e.getValue() != null) {
                    s.append("    ").append(e.getKey()).append(" = ").append(e.getValue()).append('\n');
                }
            }
        }
        return s.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
