package org.clustergrid.ogc.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.Layer;
import org.clustergrid.store.LayerStats;
import org.clustergrid.store.SpatialStore;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;

/** A layer as an OGC collection (collection.yaml): extent from the store, licences from the datasets present. */
@Component
class CollectionDescriber {
    private final SpatialStore store;
    private final Urls urls;

    CollectionDescriber(SpatialStore store, Urls urls) {
        this.store = store;
        this.urls = urls;
    }

    static Layer layer(String collectionId) {
        return builtIn(collectionId).orElseThrow(() -> OgcException.notFound("no collection '" + collectionId
                + "'; see /collections for the collections there are"));
    }

    /** A built-in layer by its exact id (a collection has one URL); empty for any other id. */
    static java.util.Optional<Layer> builtIn(String collectionId) {
        return Arrays.stream(Layer.values()).filter(l -> l.id().equals(collectionId)).findFirst();
    }

    List<Map<String, Object>> describeAll() {
        List<Dataset> datasets = store.datasets();
        return Arrays.stream(Layer.values()).map(l -> describe(l, datasets)).toList();
    }

    Map<String, Object> describe(Layer layer) {
        return describe(layer, store.datasets());
    }

    private Map<String, Object> describe(Layer layer, List<Dataset> allDatasets) {
        List<Dataset> datasets = allDatasets.stream()
                .filter(d -> d.featureCounts().getOrDefault(layer, 0) > 0).toList();
        LayerStats stats = store.stats(layer);
        String path = "/collections/" + layer.id();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", layer.id());
        m.put("title", layer.title());
        m.put("description", description(layer, datasets));
        m.put("links", links(urls, path, layer.title()));
        if (stats.extent() != null) {
            // no temporal member: the features carry no time, so there is no temporal extent to declare
            m.put("extent", Map.of("spatial", Map.of("bbox", List.of(bbox(stats.extent())), "crs", Conformance.CRS84)));
        }
        m.put("itemType", "feature");
        // Part 2: the CRSs items can be asked in (CRS84 first, the default) and the one they are stored in
        m.put("crs", Crs.URIS);
        m.put("storageCrs", Crs.CRS84.uri());
        m.put("numberOfFeatures", stats.count());
        m.put("license", join(datasets.stream().map(Dataset::licence).toList()));
        m.put("attribution", join(datasets.stream().map(Dataset::attribution).toList()));
        m.put("datasets", datasets.stream().map(CollectionDescriber::dataset).toList());
        return m;
    }

    private static String description(Layer layer, List<Dataset> datasets) {
        StringBuilder s = new StringBuilder(layer.title()).append(". Properties: ")
                .append(String.join(", ", ItemsRequest.filterable(layer))).append('.');
        if (datasets.stream().anyMatch(Dataset::synthetic)) {
            s.append(" Includes synthetic data (generated, not observed): ")
                    .append(datasets.stream().filter(Dataset::synthetic).map(Dataset::id)
                            .collect(Collectors.joining(", "))).append('.');
        }
        return s.toString();
    }

    private static Map<String, Object> dataset(Dataset d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("title", d.title());
        m.put("license", d.licence());
        m.put("attribution", d.attribution());
        m.put("synthetic", d.synthetic());
        return m;
    }

    private static String join(List<String> values) {
        List<String> distinct = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank() && !distinct.contains(v)) {
                distinct.add(v);
            }
        }
        return distinct.isEmpty() ? null : String.join("; ", distinct);
    }

    /** A collection's links: itself, its items in each format and its queryables. */
    static List<Link> links(Urls urls, String path, String title) {
        return List.of(
                new Link(urls.of(path, Format.JSON), "self", MediaTypes.linkType(MediaTypes.JSON), "This collection"),
                new Link(urls.of(path, Format.HTML), "alternate", MediaTypes.linkType(MediaTypes.HTML),
                        "This collection as HTML"),
                new Link(urls.of(path + "/items", Format.JSON), "items", MediaTypes.linkType(MediaTypes.GEOJSON),
                        title + " as GeoJSON"),
                new Link(urls.of(path + "/items", Format.HTML), "items", MediaTypes.linkType(MediaTypes.HTML),
                        title + " as HTML"),
                new Link(urls.of(path + "/items", Format.CSV), "items", MediaTypes.linkType(MediaTypes.CSV),
                        title + " as CSV (WKT geometry)"),
                // Part 3 (/req/features-filter/queryables-link): what a filter on the items may name
                new Link(urls.of(path + "/queryables", Format.JSON), Queryables.REL,
                        MediaTypes.linkType(MediaTypes.SCHEMA_JSON), "Queryables of " + title),
                new Link(urls.of(path + "/queryables", Format.HTML), Queryables.REL,
                        MediaTypes.linkType(MediaTypes.HTML), "Queryables of " + title
                                + " as HTML, with a filter form"));
    }

    static List<Double> bbox(Envelope e) {
        return List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    }
}
