package org.clustergrid.ogc.features;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.model.Layer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The collections: one per layer, and one per stored scenario. */
@RestController
@RequestMapping(FeaturesPath.MAPPING)
class CollectionsController {
    private final ObjectMapper mapper;
    private final Urls urls;
    private final CollectionDescriber describer;
    private final ContextCollection context;
    private final ScenarioCollection scenarios;

    CollectionsController(ObjectMapper mapper, Urls urls, CollectionDescriber describer, ContextCollection context,
            ScenarioCollection scenarios) {
        this.mapper = mapper;
        this.urls = urls;
        this.describer = describer;
        this.context = context;
        this.scenarios = scenarios;
    }

    @GetMapping("/collections")
    ResponseEntity<byte[]> collections(HttpServletRequest request) {
        Responses.onlyF(request);
        Format f = Format.of(request, Format.METADATA);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("links", urls.selfAndAlternate("/collections", f, "The feature collections"));
        m.put("crs", Crs.URIS); // Part 2, /req/crs/crs-global-list
        List<Map<String, Object>> all = new ArrayList<>(describer.describeAll());
        all.add(InterventionsCollection.describe(urls, describer));
        all.addAll(context.describeAll());
        all.addAll(scenarios.describeAll());
        m.put("collections", all);
        return f == Format.HTML ? Responses.html(HtmlPages.document("Collections", urls.crumbs(), m))
                : Responses.json(mapper, MediaTypes.JSON, m);
    }

    @GetMapping("/collections/{collectionId}")
    ResponseEntity<byte[]> collection(@PathVariable String collectionId, HttpServletRequest request) {
        var builtIn = CollectionDescriber.builtIn(collectionId);
        var contextLayer = context.find(collectionId);
        var scenario = builtIn.isEmpty() && contextLayer.isEmpty() ? scenarios.find(collectionId)
                : java.util.Optional.<org.clustergrid.store.StoredScenario>empty();
        String title = contextLayer.isPresent() ? contextLayer.get().title()
                : scenario.isPresent() ? ScenarioCollection.title(scenario.get())
                : CollectionDescriber.layer(collectionId).title();
        Responses.onlyF(request);
        Format f = Format.of(request, Format.METADATA);
        Map<String, Object> m = contextLayer.isPresent() ? context.describe(contextLayer.get())
                : scenario.isPresent() ? scenarios.describe(scenario.get()) : describer.describe(builtIn.get());
        // self/alternate as served, then the describer's items and queryables links
        @SuppressWarnings("unchecked")
        List<Link> links = new ArrayList<>(urls.selfAndAlternate("/collections/" + collectionId, f, title));
        ((List<Link>) m.get("links")).stream().filter(l -> !l.rel().equals("self") && !l.rel().equals("alternate"))
                .forEach(links::add);
        m.put("links", links);
        return f == Format.HTML
                ? Responses.html(HtmlPages.document(title, urls.crumbs("Collections", "/collections"), m))
                : Responses.json(mapper, MediaTypes.JSON, m);
    }
}
