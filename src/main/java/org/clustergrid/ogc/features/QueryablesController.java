package org.clustergrid.ogc.features;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.clustergrid.model.Layer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /collections/{id}/queryables}: JSON Schema for clients, an HTML page with a filter form for people. */
@RestController
@RequestMapping(FeaturesPath.MAPPING)
class QueryablesController {
    private final ObjectMapper mapper;
    private final Urls urls;

    QueryablesController(ObjectMapper mapper, Urls urls) {
        this.mapper = mapper;
        this.urls = urls;
    }

    @GetMapping("/collections/{collectionId}/queryables")
    ResponseEntity<byte[]> queryables(@PathVariable String collectionId, HttpServletRequest request) {
        Layer layer = CollectionDescriber.layer(collectionId);
        Responses.onlyF(request);
        Format f = Format.of(request, Format.METADATA);
        String path = "/collections/" + layer.id() + "/queryables";
        // $id is the resource's URI without query parameters
        Map<String, Object> schema = Queryables.schema(layer, urls.of(path));
        if (f == Format.HTML) {
            return Responses.html(HtmlPages.queryables(schema, urls.selfAndAlternate(path, f, "Queryables"),
                    urls.of("/collections/" + layer.id() + "/items"), urls.crumbs("Collections", "/collections",
                            layer.title(), "/collections/" + layer.id())));
        }
        return Responses.json(mapper, MediaTypes.SCHEMA_JSON, schema);
    }
}
