package org.clustergrid.ogc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OGC API – Features Part 1, conformance class OpenAPI 3.0 ({@code /conf/oas30}, OGC 17-069r4 Annex A.4), and the
 * parameter definitions Core asks of the API definition (/conf/core/fc-limit-definition, fc-bbox-definition,
 * fc-time-definition), read as ets-ogcapi-features10 reads them: parsed as an OpenAPI 3.0 document.
 */
class OapifOas30ConformanceTest extends ConformanceTestBase {
    static final String OAS = "application/vnd.oai.openapi+json;version=3.0";

    OpenAPI api;
    String raw;

    @BeforeEach
    void parse() throws Exception {
        HttpResponse<String> r = get("/api", "Accept", OAS);
        assertThat(r.statusCode()).isEqualTo(200);
        raw = r.body();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(raw, null, options);
        assertThat(result.getMessages()).as("OpenAPI 3.0 validation messages").isEmpty();
        api = result.getOpenAPI();
        assertThat(api).isNotNull();
    }

    /** /conf/oas30/oas-definition-1: the definition as JSON with the OpenAPI media type, and as HTML. */
    @Test
    void definitionInJsonAndHtml() throws Exception {
        JsonNode landing = json("", "application/json", "application/json");
        JsonNode desc = link(landing, "service-desc", OAS);
        HttpResponse<String> r = get(desc.path("href").asText(), "Accept", OAS);
        assertThat(contentType(r).replace(" ", "")).isEqualTo(OAS);
        JsonNode doc = link(landing, "service-doc", "text/html");
        HttpResponse<String> html = get(doc.path("href").asText(), "Accept", "text/html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(contentType(html)).startsWith("text/html");
        assertThat(html.body()).startsWith("<!DOCTYPE html>");
    }

    /** /conf/oas30/oas-definition-2: a valid OpenAPI 3.0 document (parsed above without a message). */
    @Test
    void validOpenApi30() {
        assertThat(api.getOpenapi()).startsWith("3.0.");
        assertThat(api.getInfo().getTitle()).isNotBlank();
        assertThat(api.getInfo().getVersion()).isNotBlank();
        assertThat(api.getServers()).hasSize(1);
        assertThat(api.getServers().get(0).getUrl()).isEqualTo(features(""));
        api.getPaths().forEach((path, item) -> {
            assertThat(item.getGet()).as(path).isNotNull();
            assertThat(item.getGet().getOperationId()).as(path).isNotBlank();
        });
        long distinct = api.getPaths().values().stream().map(p -> p.getGet().getOperationId()).distinct().count();
        assertThat(distinct).as("operationIds are unique").isEqualTo(api.getPaths().size());
    }

    /**
     * /conf/oas30/completeness: every resource of the API is described, with every response status it answers
     * (/conf/oas30/exceptions-codes).
     */
    @Test
    void completeness() {
        assertThat(api.getPaths().keySet()).contains("/", "/conformance", "/collections");
        for (String c : COLLECTIONS) {
            assertThat(api.getPaths().keySet()).contains("/collections/" + c, "/collections/" + c + "/items",
                    "/collections/" + c + "/items/{featureId}");
            for (String p : List.of("/collections/" + c, "/collections/" + c + "/items",
                    "/collections/" + c + "/items/{featureId}")) {
                assertThat(api.getPaths().get(p).getGet().getResponses().keySet()).as(p).contains("200", "400", "404");
            }
        }
        api.getPaths().forEach((path, item) ->
                assertThat(item.getGet().getResponses().keySet()).as(path).contains("200", "400", "500"));
    }

    /**
     * /conf/oas30/oas-impl: every path and operation is implemented: a GET of each answers 200 in a media type the
     * definition declares for it.
     */
    @Test
    void everyOperationIsImplemented() throws Exception {
        for (Map.Entry<String, PathItem> e : api.getPaths().entrySet()) {
            String path = e.getKey();
            if (path.contains("{featureId}")) {
                String items = path.replace("/{featureId}", "");
                String id = json(items + "?limit=1", "application/geo+json", "application/geo+json")
                        .path("features").get(0).path("id").asText();
                path = path.replace("{featureId}", URLEncoder.encode(id, StandardCharsets.UTF_8));
            }
            Operation get = e.getValue().getGet();
            for (String type : get.getResponses().get("200").getContent().keySet()) {
                HttpResponse<String> r = get(path, "Accept", type);
                assertThat(r.statusCode()).as(path + " as " + type).isEqualTo(200);
                assertThat(contentType(r).replace(" ", "")).as(path + " as " + type).startsWith(type.replace(" ", ""));
            }
            // every declared query parameter is taken (f with each of its values)
            for (Parameter p : get.getParameters()) {
                if (p.getName().equals("f")) {
                    for (Object v : p.getSchema().getEnum()) {
                        assertThat(get(path + "?f=" + v).statusCode()).as(path + "?f=" + v).isEqualTo(200);
                    }
                }
            }
        }
    }

    /** The items parameters as Core defines them, for every collection's items path. */
    @Test
    void itemsParameterDefinitions() {
        for (String c : COLLECTIONS) {
            Operation items = api.getPaths().get("/collections/" + c + "/items").getGet();
            // /conf/core/fc-limit-definition
            Parameter limit = parameter(items, "limit");
            queryFormNotExploded(limit);
            assertThat(limit.getSchema().getType()).isEqualTo("integer");
            assertThat(limit.getSchema().getMinimum()).isEqualByComparingTo(BigDecimal.ONE);
            assertThat(limit.getSchema().getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(10_000));
            assertThat(((Number) limit.getSchema().getDefault()).intValue()).isEqualTo(100);
            // /conf/core/fc-bbox-definition
            Parameter bbox = parameter(items, "bbox");
            queryFormNotExploded(bbox);
            Schema<?> s = bbox.getSchema();
            assertThat(s.getType()).isEqualTo("array");
            assertThat(s.getMinItems()).isEqualTo(4);
            assertThat(s.getMaxItems()).isEqualTo(6);
            assertThat(s.getItems().getType()).isEqualTo("number");
            // /conf/core/fc-time-definition
            Parameter datetime = parameter(items, "datetime");
            queryFormNotExploded(datetime);
            assertThat(datetime.getSchema().getType()).isEqualTo("string");
            // Part 3: /req/filter/filter-param, filter-lang-param (the encodings offered, CQL2 Text the default),
            // filter-crs-param
            queryFormNotExploded(parameter(items, "filter"));
            assertThat(parameter(items, "filter").getSchema().getType()).isEqualTo("string");
            Schema<?> lang = parameter(items, "filter-lang").getSchema();
            assertThat(lang.getEnum()).map(Object::toString).containsExactly("cql2-text", "cql2-json");
            assertThat(lang.getDefault()).isEqualTo("cql2-text");
            assertThat(parameter(items, "filter-crs").getSchema().getEnum()).map(Object::toString)
                    .contains("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
            // the feature id is a required path parameter
            Parameter fid = parameter(api.getPaths().get("/collections/" + c + "/items/{featureId}").getGet(),
                    "featureId");
            assertThat(fid.getIn()).isEqualTo("path");
            assertThat(fid.getRequired()).isTrue();
        }
    }

    static Parameter parameter(Operation op, String name) {
        return op.getParameters().stream().filter(p -> p.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no parameter " + name + " in " + op.getOperationId()));
    }

    static void queryFormNotExploded(Parameter p) {
        assertThat(p.getIn()).as(p.getName()).isEqualTo("query");
        assertThat(p.getRequired()).as(p.getName()).isNotEqualTo(Boolean.TRUE);
        assertThat(p.getStyle()).as(p.getName()).isEqualTo(Parameter.StyleEnum.FORM);
        assertThat(p.getExplode()).as(p.getName() + " explode").isFalse();
    }
}
