package org.clustergrid.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.Map;
import org.clustergrid.model.Road;
import org.clustergrid.model.Road.Paving;
import org.clustergrid.model.StoredAttributes;
import org.clustergrid.store.StoredFeature;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class GeoJsonWriterTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final StoredFeature ROAD = new StoredFeature("osm", new Road("w1", "primary", "asphalt", Paving.PAVED, true,
            true, "Lakeside Road", null, new GeometryFactory().createLineString(new Coordinate[] {
                    new Coordinate(83.95, 28.2), new Coordinate(83.96, 28.21)}),
            Map.of("highway", "primary", "lanes", "2")));

    static JsonNode write(boolean attributesAsText) throws Exception {
        return write(ROAD, attributesAsText);
    }

    static JsonNode write(StoredFeature feature, boolean attributesAsText) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            GeoJsonWriter.feature(g, feature, attributesAsText);
        }
        return JSON.readTree(out.toString());
    }

    @Test
    void storedAttributesAreWrittenAsStoredWithoutParsing() throws Exception {
        String stored = "{\"highway\":\"primary\",\"lanes\":\"2\"}";
        Road r = (Road) ROAD.feature();
        StoredFeature f = new StoredFeature("osm", new Road(r.id(), r.roadClass(), r.surface(), r.paving(),
                r.allSeason(), r.motorable(), r.name(), r.ref(), r.geometry(), new StoredAttributes(stored, json -> {
                    throw new AssertionError("parsed");
                })));
        assertThat(write(f, true).path("properties").path("attributes").asText()).isEqualTo(stored);
        assertThat(write(f, false).path("properties").path("attributes"))
                .isEqualTo(write(false).path("properties").path("attributes"));
    }

    @Test
    void sourceAttributesAreAnObjectByDefault() throws Exception {
        JsonNode p = write(false).path("properties");
        assertThat(p.path("attributes").isObject()).isTrue();
        assertThat(p.path("attributes").path("lanes").asText()).isEqualTo("2");
    }

    /** QGIS 3.22's OAPIF provider reads an object into a map field that its file writers refuse. */
    @Test
    void sourceAttributesAsJsonTextForGisClients() throws Exception {
        JsonNode f = write(true);
        JsonNode attributes = f.path("properties").path("attributes");
        assertThat(attributes.isTextual()).isTrue();
        assertThat(JSON.readTree(attributes.asText())).isEqualTo(JSON.valueToTree(Map.of("highway", "primary",
                "lanes", "2")));
        assertThat(f.path("properties").path("class").asText()).isEqualTo("primary");
        assertThat(f.path("id").asText()).isEqualTo("osm.w1");
    }
}
