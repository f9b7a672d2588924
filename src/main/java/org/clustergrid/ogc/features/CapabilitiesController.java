package org.clustergrid.ogc.features;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.app.ClusterGridProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Landing page, conformance declaration and API definition. */
@RestController
@RequestMapping(FeaturesPath.MAPPING)
class CapabilitiesController {
    private final ObjectMapper mapper;
    private final Urls urls;
    private final ClusterGridProperties.Api limits;

    CapabilitiesController(ObjectMapper mapper, Urls urls, ClusterGridProperties properties) {
        this.mapper = mapper;
        this.urls = urls;
        this.limits = properties.api();
    }

    @GetMapping({"", "/"})
    ResponseEntity<byte[]> landing(HttpServletRequest request) {
        Responses.onlyF(request);
        Format f = Format.of(request, Format.METADATA);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "ClusterGrid OGC API – Features");
        m.put("description", "Industrial and MSME clusters and the infrastructure layers that decide whether they can "
                + "grow: roads, electricity, finance access points and markets.");
        m.put("links", List.of(
                urls.selfAndAlternate("", f, "This document").get(0),
                urls.selfAndAlternate("", f, "This document").get(1),
                new Link(urls.of("/api", Format.JSON), "service-desc", MediaTypes.OPENAPI.toString(),
                        "The API definition (OpenAPI 3.0)"),
                new Link(urls.of("/api", Format.HTML), "service-doc", MediaTypes.linkType(MediaTypes.HTML),
                        "The API documentation"),
                new Link(urls.of("/conformance", Format.JSON), "conformance", MediaTypes.linkType(MediaTypes.JSON),
                        "Conformance classes implemented"),
                new Link(urls.of("/conformance", Format.JSON), "http://www.opengis.net/def/rel/ogc/1.0/conformance",
                        MediaTypes.linkType(MediaTypes.JSON), "Conformance classes implemented"),
                new Link(urls.of("/collections", Format.JSON), "data", MediaTypes.linkType(MediaTypes.JSON),
                        "The feature collections"),
                new Link(urls.of("/collections", Format.JSON), "http://www.opengis.net/def/rel/ogc/1.0/data",
                        MediaTypes.linkType(MediaTypes.JSON), "The feature collections")));
        return f == Format.HTML ? Responses.html(HtmlPages.document((String) m.get("title"), List.of(), m))
                : Responses.json(mapper, MediaTypes.JSON, m);
    }

    @GetMapping("/conformance")
    ResponseEntity<byte[]> conformance(HttpServletRequest request) {
        Responses.onlyF(request);
        Format f = Format.of(request, Format.METADATA);
        Map<String, Object> m = Map.of("conformsTo", Conformance.CLASSES);
        return f == Format.HTML ? Responses.html(HtmlPages.document("Conformance", crumbs(), m))
                : Responses.json(mapper, MediaTypes.JSON, m);
    }

    /** JSON is the definition ({@code service-desc}); HTML is its documentation ({@code service-doc}). */
    @GetMapping("/api")
    ResponseEntity<byte[]> api(HttpServletRequest request) {
        Responses.onlyF(request);
        Format f = Format.of(request, Format.METADATA);
        Map<String, Object> doc = OpenApiDocument.build(urls.base(), limits.defaultLimit(), limits.maxLimit());
        return f == Format.HTML ? Responses.html(HtmlPages.document("API definition", crumbs(), doc))
                : Responses.json(mapper, MediaTypes.OPENAPI, doc);
    }

    /** Anything else below the base path is an OGC 404, not the application's error page. */
    @GetMapping("/**")
    ResponseEntity<byte[]> unknown(HttpServletRequest request) {
        throw OgcException.notFound("no resource at " + request.getRequestURI());
    }

    private List<Link> crumbs() {
        return urls.crumbs();
    }
}
