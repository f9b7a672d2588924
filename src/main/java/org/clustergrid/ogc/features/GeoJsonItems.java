package org.clustergrid.ogc.features;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.clustergrid.api.GeoJsonWriter;
import org.clustergrid.store.StoredFeature;

/**
 * Items as GeoJSON with the OGC members, positions in the requested CRS (Part 2) (featureCollectionGeoJSON.yaml, featureGeoJSON.yaml); the source attributes
 * as one JSON text property, so that GIS clients can keep them in a plain field ({@link GeoJsonWriter#feature}).
 */
final class GeoJsonItems {
    private GeoJsonItems() {}

    static void collection(ObjectMapper mapper, OutputStream out, ItemsPage p) throws IOException {
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeNumberField("numberMatched", p.page().numberMatched());
            g.writeNumberField("numberReturned", p.page().features().size());
            g.writeStringField("timeStamp", p.timeStamp().toString());
            g.writeObjectField("links", p.links());
            g.writeArrayFieldStart("features");
            for (StoredFeature f : p.page().features()) {
                GeoJsonWriter.feature(g, f, true, p.crs());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** Writes one feature's members into its open object. */
    interface Members<T> {
        void write(JsonGenerator g, T feature) throws IOException;
    }

    /** A page of features of any kind as a FeatureCollection with the OGC members; each feature's by {@code members}. */
    static <T> void collection(ObjectMapper mapper, OutputStream out, long matched, List<T> features,
            java.time.Instant timeStamp, Object links, Members<T> members) throws IOException {
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeNumberField("numberMatched", matched);
            g.writeNumberField("numberReturned", features.size());
            g.writeStringField("timeStamp", timeStamp.toString());
            g.writeObjectField("links", links);
            g.writeArrayFieldStart("features");
            for (T feature : features) {
                g.writeStartObject();
                members.write(g, feature);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** One feature; its links go in a {@code links} foreign member, as /req/geojson/content asks. */
    static void feature(ObjectMapper mapper, OutputStream out, StoredFeature f, List<Link> links, Crs crs)
            throws IOException {
        feature(mapper, out, f, links, (g, x) -> GeoJsonWriter.featureMembers(g, x, true, crs));
    }

    /** One feature of any kind, its own members by {@code members}, then its links. */
    static <T> void feature(ObjectMapper mapper, OutputStream out, T f, Object links, Members<T> members)
            throws IOException {
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            members.write(g, f);
            g.writeObjectField("links", links);
            g.writeEndObject();
        }
    }
}
