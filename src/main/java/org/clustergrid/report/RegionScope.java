package org.clustergrid.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.clustergrid.layers.ContextFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * Which clusters a regional report covers: every cluster, those of a country, or those placed inside polygons (a
 * feature of a polygon layer, every feature of one, a drawn box or polygon). A cluster is placed as the regions count
 * it: a point as itself, a footprint by a point inside it, on a border inside.
 *
 * @param name how the report names the region, e.g. "Countries: IND"
 * @param definition how it was chosen, in words, e.g. "feature 1 of layer countries"
 * @param country an ISO 3166-1 alpha-2 code: the clusters whose Cluster Grid ID carries it; null for any
 * @param areas polygons, of which a cluster must lie in one; empty for no restriction by place
 */
public record RegionScope(String name, String definition, String country, List<ContextFeature> areas) {
    public RegionScope {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        areas = List.copyOf(areas);
        for (ContextFeature a : areas) {
            if (!(a.geometry() instanceof Polygonal)) {
                throw new IllegalArgumentException("a region is made of polygons, not of a "
                        + a.geometry().getGeometryType());
            }
        }
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code such as NP, not '"
                    + country + "'");
        }
    }

    /** Every cluster of the run. */
    public static RegionScope all() {
        return new RegionScope("All clusters", "every cluster of the scoring run", null, List.of());
    }

    /** The clusters whose Cluster Grid ID carries this country code (the register's country, CG-NP-…). */
    public static RegionScope country(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return new RegionScope("Country " + c, "the clusters whose Cluster Grid ID carries the country code " + c
                + " (CG-" + c + "-…), as their register gives it", c, List.of());
    }

    /** The clusters inside a drawn polygon or box. */
    public static RegionScope area(String name, String definition, Geometry polygon) {
        return new RegionScope(name, definition, null, List.of(new ContextFeature(0, polygon, Map.of())));
    }

    /** The clusters inside any of these polygons of a layer. */
    public static RegionScope areas(String name, String definition, List<ContextFeature> areas) {
        return new RegionScope(name, definition, null, areas);
    }

    /** Whether a cluster's Cluster Grid ID passes the country test (always, without one). */
    boolean countryHolds(String clusterGridId) {
        return country == null || clusterGridId.startsWith("CG-" + country + "-");
    }
}
