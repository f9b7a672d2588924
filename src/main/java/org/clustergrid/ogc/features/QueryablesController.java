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
    private final ContextCollection context;
    private final ScenarioCollection scenarios;

    QueryablesController(ObjectMapper mapper, Urls urls, ContextCollection context, ScenarioCollection scenarios) {
        this.mapper = mapper;
        this.urls = urls;
        this.context = context;
        this.scenarios = scenarios;
    }

    @GetMapping("/collections/{collectionId}/queryables")
    ResponseEntity<byte[]> queryables(@PathVariable String collectionId, HttpServletRequest request) {
        var builtIn = CollectionDescriber.builtIn(collectionId);
        var contextLayer = context.find(collectionId);
        var scenario = builtIn.isEmpty() && contextLayer.isEmpty() ? scenarios.find(collectionId)
                : java.util.Optional.<org.clustergrid.store.StoredScenario>empty();
        String title = contextLayer.isPresent() ? contextLayer.get().title()
                : scenario.isPresent() ? ScenarioCollection.title(scenario.get())
                : CollectionDescriber.layer(collectionId).title();
        Responses.onlyF(request);
        Format f = Format.of(request, Format.METADATA);
        String path = "/collections/" + collectionId + "/queryables";
        // $id is the resource's URI without query parameters
        Map<String, Object> schema = contextLayer.isPresent()
                ? ContextCollection.queryables(contextLayer.get(), urls.of(path))
                : scenario.isPresent() ? ScenarioCollection.queryables(scenario.get(), urls.of(path))
                : Queryables.schema(builtIn.get(), urls.of(path));
        if (f == Format.HTML) {
            return Responses.html(HtmlPages.queryables(schema, urls.selfAndAlternate(path, f, "Queryables"),
                    urls.of("/collections/" + collectionId + "/items"), urls.crumbs("Collections", "/collections",
                            title, "/collections/" + collectionId)));
        }
        return Responses.json(mapper, MediaTypes.SCHEMA_JSON, schema);
    }
}
