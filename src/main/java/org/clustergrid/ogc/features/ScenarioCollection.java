package org.clustergrid.ogc.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clustergrid.app.ScenarioMaps;
import org.clustergrid.filter.FeatureFilter;
import org.clustergrid.scenario.PlannedFeature;
import org.clustergrid.store.StoredScenario;
import org.springframework.stereotype.Component;

/**
 * A stored scenario's planned features as an OGC collection, {@code scenario-<id>}, beside the data's: the same links,
 * extent and CRSs; a feature an intervention, its properties those of {@link PlannedFeature}. A deleted scenario's
 * collection is gone (404); a stale one is served, its description saying so.
 */
@Component
class ScenarioCollection {
    static final String PREFIX = "scenario-";
    /** What a filter or {@code name=value} may name, with its kind; {@code roads}, a list, is not among them. */
    static final Map<String, FeatureFilter.Kind> QUERYABLES = queryables();

    private final ScenarioMaps maps;
    private final Urls urls;

    ScenarioCollection(ScenarioMaps maps, Urls urls) {
        this.maps = maps;
        this.urls = urls;
    }

    private static Map<String, FeatureFilter.Kind> queryables() {
        Map<String, FeatureFilter.Kind> m = new LinkedHashMap<>();
        for (String p : PlannedFeature.PROPERTIES) {
            if (!p.equals("roads")) {
                m.put(p, List.of("cost", "km", "voltage_kv", "supply_hours", "population").contains(p) ? FeatureFilter.Kind.NUMBER
                        : FeatureFilter.Kind.TEXT);
            }
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The scenario of that collection id; empty for any other id. */
    Optional<StoredScenario> find(String collectionId) {
        return collectionId.startsWith(PREFIX) ? maps.get(collectionId.substring(PREFIX.length())) : Optional.empty();
    }

    ScenarioMaps.Planned planned(StoredScenario s) {
        return maps.planned(s);
    }

    static String id(StoredScenario s) {
        return PREFIX + s.id();
    }

    static String title(StoredScenario s) {
        return s.name() + " (planned)";
    }

    List<Map<String, Object>> describeAll() {
        return maps.list().stream().map(this::describe).toList();
    }

    Map<String, Object> describe(StoredScenario s) {
        ScenarioMaps.Planned p = maps.planned(s);
        String path = "/collections/" + id(s);
        StringBuilder d = new StringBuilder("The planned features of scenario '").append(s.name()).append("', ")
                .append(p.features().size()).append(p.features().size() == 1 ? " intervention" : " interventions")
                .append(" made by ").append(s.createdBy()).append(" on ").append(s.createdAt())
                .append(": planned, not built. Properties: ").append(String.join(", ", PlannedFeature.PROPERTIES))
                .append("; a road upgrade lies on its road segments as the data hold them now.");
        if (s.description() != null && !s.description().isBlank()) {
            d.append(' ').append(s.description().strip());
        }
        String stale = maps.staleness(s);
        if (stale != null) {
            d.append(" Stale: ").append(stale).append('.');
        }
        p.notes().forEach(n -> d.append(' ').append(n).append('.'));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id(s));
        m.put("title", title(s));
        m.put("description", d.toString());
        m.put("links", CollectionDescriber.links(urls, path, title(s)));
        if (p.extent() != null) {
            m.put("extent", Map.of("spatial", Map.of("bbox", List.of(CollectionDescriber.bbox(p.extent())),
                    "crs", Conformance.CRS84)));
        }
        m.put("itemType", "feature");
        m.put("crs", Crs.URIS);
        m.put("storageCrs", Crs.CRS84.uri());
        m.put("numberOfFeatures", p.features().size());
        m.put("stale", stale != null);
        return m;
    }

    /** Its queryables: every property but the list of roads, typed. */
    static Map<String, Object> queryables(StoredScenario s, String id) {
        return Queryables.typed(title(s), ScenarioCollection.id(s), id, QUERYABLES);
    }
}
