package org.clustergrid.model;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * An industrial / MSME cluster.
 *
 * @param clusterGridId the stable, never-reused identity code planners cite (e.g. {@code CG-IN-000042});
 *     null until the store assigns one on import
 * @param sourceId the cluster's identifier in its source dataset (unique within that dataset)
 * @param firms number of firms, null when unknown
 * @param employment number of workers, null when unknown
 * @param footprint a point or (multi)polygon in EPSG:4326
 * @param source free text naming where the record comes from
 * @param identification the rest of the Identification grid (status, age, product markets, ...), each part may be
 *     unknown
 */
public record Cluster(
        String clusterGridId,
        String sourceId,
        String name,
        String sector,
        String products,
        Typology typology,
        Integer firms,
        Integer employment,
        Set<MarketScope> marketsServed,
        Geometry footprint,
        String source,
        Map<String, Object> attributes,
        Identification identification)
        implements LayerFeature {

    public Cluster {
        Objects.requireNonNull(sourceId, "sourceId");
        identification = identification == null ? Identification.UNKNOWN : identification;
        Objects.requireNonNull(footprint, "footprint");
        typology = typology == null ? Typology.UNKNOWN : typology;
        marketsServed = marketsServed == null ? Set.of() : Set.copyOf(marketsServed);
        attributes = Attributes.copy(attributes);
    }

    /** A cluster whose Identification grid beyond these fields is not known. */
    public Cluster(String clusterGridId, String sourceId, String name, String sector, String products,
            Typology typology, Integer firms, Integer employment, Set<MarketScope> marketsServed, Geometry footprint,
            String source, Map<String, Object> attributes) {
        this(clusterGridId, sourceId, name, sector, products, typology, firms, employment, marketsServed, footprint,
                source, attributes, Identification.UNKNOWN);
    }

    @Override
    public String id() {
        return sourceId;
    }

    @Override
    public Geometry geometry() {
        return footprint;
    }

    @Override
    public Layer layer() {
        return Layer.CLUSTERS;
    }

    /** The same cluster with its Cluster Grid ID set. */
    public Cluster withClusterGridId(String id) {
        return new Cluster(id, sourceId, name, sector, products, typology, firms, employment, marketsServed,
                footprint, source, attributes, identification);
    }

    /** Employment if known, else number of firms, else null: the size used to weigh gaps. */
    public Integer size() {
        return employment != null ? employment : firms;
    }
}
