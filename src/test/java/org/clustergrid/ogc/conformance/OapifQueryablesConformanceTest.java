package org.clustergrid.ogc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OGC API – Features Part 3, conformance classes {@code /conf/queryables} and
 * {@code /conf/queryables-query-parameters}: each collection links its queryables, a JSON Schema 2020-12 whose
 * properties are what the features carry, each also a query parameter.
 */
class OapifQueryablesConformanceTest extends ConformanceTestBase {
    static final String REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables";
    static final String SCHEMA = "application/schema+json";
    static final Map<String, String> TYPES = Map.of("STRING", "string", "NUMBER", "number", "BOOLEAN", "boolean");

    @Test
    void everyCollectionLinksItsQueryablesSchema() throws Exception {
        for (String c : COLLECTIONS) {
            JsonNode collection = json("/collections/" + c, "application/json", "application/json");
            String href = link(collection, REL, SCHEMA).path("href").asText();
            JsonNode q = json(href, SCHEMA, SCHEMA);
            assertThat(q.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(q.path("$id").asText()).isEqualTo(features("/collections/" + c + "/queryables"));
            assertThat(q.path("type").asText()).isEqualTo("object");
            assertThat(q.path("additionalProperties").asBoolean(true)).isFalse();
            JsonNode geometry = q.path("properties").path("geometry");
            assertThat(geometry.path("format").asText()).isEqualTo("geometry-any");
            assertThat(geometry.has("type") || geometry.has("$ref")).isFalse();
            checkTypesAgainstTheFeatures(c, q.path("properties"));
        }
    }

    /**
     * Each property a feature carries (but the source attributes' text and lists, such as a cluster's product
     * markets) is a queryable of the type it holds.
     */
    private void checkTypesAgainstTheFeatures(String c, JsonNode properties) throws Exception {
        JsonNode items = json("/collections/" + c + "/items?limit=10000", "application/geo+json",
                "application/geo+json");
        List<String> seen = new ArrayList<>();
        for (JsonNode f : items.path("features")) {
            f.path("properties").fields().forEachRemaining(p -> {
                if (!p.getKey().equals("attributes")) {
                    seen.add(p.getKey()); // a property the features have, null in these ones or not
                }
                if (p.getKey().equals("attributes") || p.getValue().isNull() || p.getValue().isArray()) {
                    return;
                }
                String type = properties.path(p.getKey()).path("type").asText();
                assertThat(type).as(c + "." + p.getKey()).isNotEmpty();
                String held = p.getValue().isIntegralNumber() ? "integer" : TYPES.get(p.getValue().getNodeType()
                        .name());
                assertThat(held.equals(type) || (held.equals("integer") && type.equals("number")))
                        .as(c + "." + p.getKey() + " holds " + held + ", declared " + type).isTrue();
                seen.add(p.getKey());
            });
        }
        properties.fieldNames().forEachRemaining(name -> {
            if (!name.equals("geometry")) {
                assertThat(seen).as(c + ": queryable " + name + " is a property of the features").contains(name);
            }
        });
    }

    /** /req/queryables-query-parameters/parameters: each queryable also works as name=value. */
    @Test
    void queryablesAreQueryParametersToo() throws Exception {
        JsonNode q = json("/collections/roads/queryables", SCHEMA, SCHEMA);
        assertThat(q.path("properties").has("paving")).isTrue();
        int byParameter = json("/collections/roads/items?paving=unpaved", "application/geo+json",
                "application/geo+json").path("numberMatched").asInt();
        int byFilter = json("/collections/roads/items?filter=paving%3D%27unpaved%27", "application/geo+json",
                "application/geo+json").path("numberMatched").asInt();
        assertThat(byParameter).isPositive().isEqualTo(byFilter);
    }

    @Test
    void htmlPageListsTheQueryablesWithAFilterForm() throws Exception {
        HttpResponse<String> r = get("/collections/roads/queryables", "Accept", "text/html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).startsWith("text/html");
        assertThat(r.body()).startsWith("<!DOCTYPE html>").contains("<code>paving</code>", "<code>geometry</code>",
                "geometry-any", "<form method=\"get\" action=\"" + features("/collections/roads/items") + "\"",
                "name=\"filter\"");
        assertThat(get("/collections/nope/queryables").statusCode()).isEqualTo(404);
        assertThat(get("/collections/roads/queryables?filter=x").statusCode()).isEqualTo(400);
    }
}
